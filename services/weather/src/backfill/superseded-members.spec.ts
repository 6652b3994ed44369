import { backfillMember, supersededMembers } from './superseded-members';

describe('supersededMembers', () => {
  it('names every earlier version of the article, not the version itself', () => {
    expect(supersededMembers('a1', 3, false)).toEqual(['a1:1', 'a1:2']);
  });

  it('names nothing for a first version', () => {
    expect(supersededMembers('a1', 1, false)).toEqual([]);
  });

  it('names every version for a kill, its own included', () => {
    expect(supersededMembers('a1', 3, true)).toEqual(['a1:1', 'a1:2', 'a1:3']);
  });

  it('uses the members the queue stores', () => {
    expect(supersededMembers('a1', 2, false)).toEqual([backfillMember('a1', 1)]);
  });
});
