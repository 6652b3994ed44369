import { CorpusStats, idf, termScore } from './bm25';

const stats: CorpusStats = { documentCount: 100, averageLength: { headline: 10, summary: 30, body: 300 } };
const lengths = { headline: 10, summary: 30, body: 300 };
const counts = (headline: number, summary: number, body: number) => ({ headline, summary, body });

describe('BM25F scoring', () => {
  it('gives rare terms more weight than common ones, never negative', () => {
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
    expect(idf(100, 100)).toBeGreaterThan(0);
  });

  it('weights a headline match above a summary match above a body match', () => {
    const headline = termScore(counts(1, 0, 0), lengths, stats, 5);
    const summary = termScore(counts(0, 1, 0), lengths, stats, 5);
    const body = termScore(counts(0, 0, 1), lengths, stats, 5);
    expect(headline).toBeGreaterThan(summary);
    expect(summary).toBeGreaterThan(body);
  });

  it('saturates repeated mentions and penalises long fields', () => {
    const once = termScore(counts(0, 0, 1), lengths, stats, 5);
    const tenTimes = termScore(counts(0, 0, 10), lengths, stats, 5);
    expect(tenTimes).toBeGreaterThan(once);
    expect(tenTimes).toBeLessThan(once * 3);
    const long = termScore(counts(0, 0, 1), { ...lengths, body: 3000 }, stats, 5);
    expect(long).toBeLessThan(once);
  });

  it('scores zero when the term is absent', () => {
    expect(termScore(counts(0, 0, 0), lengths, stats, 5)).toBe(0);
  });
});
