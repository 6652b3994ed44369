import { CUTOFF, evaluateRelevance } from '../evaluation/evaluate-relevance';
import { loadRelevanceFixture } from '../evaluation/relevance-fixture';

/**
 * The relevance harness (`npm run eval:search`) as a regression test: the same fixture, the same
 * queries through parseSearchParams. Floors: the target for P@10, and the MRR measured when
 * the fixture was written (0.932) less a margin, so a ranking change that loses ground fails here.
 */
describe('search relevance on the judged fixture', () => {
  const fixture = loadRelevanceFixture();
  const report = evaluateRelevance(fixture);

  it('runs at least 20 judged queries over at least 2,000 articles', () => {
    expect(report.articles).toBeGreaterThanOrEqual(2_000);
    expect(report.queries.length).toBeGreaterThanOrEqual(20);
    for (const q of fixture.queries) expect(q.relevant.length).toBeGreaterThanOrEqual(CUTOFF);
  });

  it(`keeps mean precision@${CUTOFF} at or above 0.8 and MRR above its floor`, () => {
    expect(report.meanPrecision).toBeGreaterThanOrEqual(0.8);
    expect(report.mrr).toBeGreaterThanOrEqual(0.88);
  });

  it('answers every query with a full first page', () => {
    for (const q of report.queries) expect({ id: q.id, returned: q.top.length }).toEqual({ id: q.id, returned: CUTOFF });
  });
});
