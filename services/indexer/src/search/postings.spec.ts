import fc from 'fast-check';
import { packCounts, PostingList, unpackCounts } from './postings';

const entries = (list: PostingList) => {
  const out: Array<[number, number]> = [];
  list.forEach((slot, packed) => out.push([slot, packed]));
  return out;
};

describe('PostingList', () => {
  it('gives back every entry in slot order, whatever the gaps and counts', () => {
    const postings = fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 24 }), fc.tuple(fc.nat(2000), fc.nat(2000), fc.nat(2000))), { maxLength: 300 });
    fc.assert(
      fc.property(postings, (added) => {
        const list = new PostingList();
        let slot = -1;
        const expected: Array<[number, number]> = [];
        for (const [gap, counts] of added) {
          slot += gap;
          list.add(slot, packCounts(counts));
          expected.push([slot, packCounts(counts)]);
        }
        expect(entries(list)).toEqual(expected);
        expect(list.length).toBe(added.length);
        expect(list.live).toBe(added.length);
      }),
      { numRuns: 300 },
    );
  });

  it('caps each field count, and keeps one byte for a body-only posting', () => {
    expect(unpackCounts(packCounts([5000, 2, 7]))).toEqual({ headline: 1023, summary: 2, body: 7 });
    const list = new PostingList();
    list.add(0, packCounts([0, 0, 3]));
    list.add(1, packCounts([0, 0, 1]));
    expect(entries(list)).toEqual([[0, 3], [1, 1]]);
  });

  it('drops dead entries once they outnumber the live ones, and keeps appending after', () => {
    const list = new PostingList();
    const live = new Set<number>();
    for (let slot = 0; slot < 100; slot += 1) {
      list.add(slot, packCounts([0, 0, 1]));
      live.add(slot);
    }
    for (let slot = 0; slot < 80; slot += 1) {
      live.delete(slot);
      list.release((s) => live.has(s));
    }
    expect(list.live).toBe(20);
    expect(list.length).toBeLessThan(100);
    expect(entries(list).filter(([slot]) => live.has(slot)).map(([slot]) => slot)).toEqual([...live]);
    list.add(150, packCounts([1, 0, 0]));
    expect(entries(list).at(-1)).toEqual([150, packCounts([1, 0, 0])]);
  });
});
