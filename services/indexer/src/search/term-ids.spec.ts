import { forEachTermId, packTermIds } from './term-ids';

const unpack = (packed: string) => {
  const ids: number[] = [];
  forEachTermId(packed, (id) => ids.push(id));
  return ids;
};

describe('packed term ids', () => {
  it('round-trips ids in any order, small and large, as the sorted set', () => {
    const ids = [5, 0, 127, 128, 16_383, 16_384, 2_000_000, 2 ** 31 - 1, 42];
    expect(unpack(packTermIds(ids))).toEqual([...ids].sort((a, b) => a - b));
  });

  it('round-trips an empty article and one with tens of thousands of terms', () => {
    expect(unpack(packTermIds([]))).toEqual([]);
    const many = Array.from({ length: 30_000 }, (_, i) => i * 37);
    expect(unpack(packTermIds(many))).toEqual(many);
  });

  it('takes about a byte per id when ids are dense', () => {
    const dense = Array.from({ length: 300 }, (_, i) => i * 3);
    expect(packTermIds(dense).length).toBe(300);
  });
});
