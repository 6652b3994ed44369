import { StoryBandRepository } from './story-band.repository';
import { StoryClusterFinder } from './story-cluster.finder';

// The evaluation is plain Node (run.js scores the build with it); here it scores the sources.
const { evaluate } = require('../../../eval/clusters/score') as { evaluate: (make: (store: unknown) => StoryClusterFinder, part: string) => Promise<{ f1: number; precision: number }> };

/** What the clustering reached on 2026-12-08 with the name signal (eval/clusters/results.md), less a small margin. */
const FLOOR = { tuning: 0.822 - 0.03, holdout: 0.571 - 0.03 };

describe('story clustering on the annotated set', () => {
  for (const part of ['tuning', 'holdout'] as const) {
    it(`keeps pairwise F1 on the ${part} part at ${FLOOR[part].toFixed(3)} or more`, async () => {
      const result = await evaluate((store) => new StoryClusterFinder(store as StoryBandRepository), part);
      expect(result.f1).toBeGreaterThanOrEqual(FLOOR[part]);
    });
  }
});
