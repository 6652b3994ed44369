import { mean, precisionAt, reciprocalRank } from './relevance-metrics';

describe('relevance metrics', () => {
  const relevant = new Set(['a', 'c']);

  it('counts relevant results in the first k over k, short lists included', () => {
    expect(precisionAt(2, ['a', 'b', 'c'], relevant)).toBe(0.5);
    expect(precisionAt(4, ['a', 'c'], relevant)).toBe(0.5);
  });

  it('takes the reciprocal rank of the first relevant result within k', () => {
    expect(reciprocalRank(10, ['b', 'c', 'a'], relevant)).toBe(0.5);
    expect(reciprocalRank(1, ['b', 'c'], relevant)).toBe(0);
    expect(reciprocalRank(10, [], relevant)).toBe(0);
  });

  it('averages, and an empty list is 0', () => {
    expect(mean([1, 0.5])).toBe(0.75);
    expect(mean([])).toBe(0);
  });
});
