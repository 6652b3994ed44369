import { ShedEpisodes } from './shed-episodes';

describe('ShedEpisodes', () => {
  it('logs one line when a scope starts shedding and one when it has shed nothing for the quiet time, however many it refused', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = { warn: (m: object) => lines.push({ level: 'warn', ...m }), log: (m: object) => lines.push({ level: 'info', ...m }) };
    let now = 0;
    const episodes = new ShedEpisodes(logger, 5_000, () => now);
    // A flood that sheds and admits by turns for 20 s.
    for (; now < 20_000; now += 50) {
      episodes.shed('source:desk2', { sourceId: 'desk2' });
      episodes.settle();
    }
    expect(lines).toEqual([{ level: 'warn', msg: 'ingest is busy: shedding submissions', scope: 'source:desk2', sourceId: 'desk2' }]);
    const lastShed = now - 50;
    now = lastShed + 4_999;
    episodes.settle();
    expect(lines).toHaveLength(1);
    now += 1;
    episodes.settle();
    expect(lines[1]).toEqual({ level: 'info', msg: 'ingest takes submissions again', scope: 'source:desk2', shed: 400, shedForMs: 19_950 });
    // Another scope has its own episode.
    episodes.shed('instance', {});
    expect(lines).toHaveLength(3);
  });
});
