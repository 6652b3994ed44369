import { normaliseSalience, rawSalience } from './salience';

describe('salience', () => {
  const base = { type: 'person' as const, mentionCount: 1, inHeadline: false, firstPosition: 0.5, inFirstParagraph: false };
  it('rewards mentions, headlines and early position', () => {
    expect(rawSalience({ ...base, mentionCount: 4 })).toBeGreaterThan(rawSalience(base));
    expect(rawSalience({ ...base, inHeadline: true })).toBeGreaterThan(rawSalience(base));
    expect(rawSalience({ ...base, firstPosition: 0 })).toBeGreaterThan(rawSalience(base));
    expect(rawSalience({ ...base, type: 'date' })).toBeLessThan(rawSalience(base));
  });
  it('normalises to 0..1', () => {
    expect(normaliseSalience([2, 4, 1])).toEqual([0.5, 1, 0.25]);
    expect(normaliseSalience([])).toEqual([]);
  });
});
