import { Article } from '@newsflow/contracts';
import { bandKeys, HASHES, minhash } from './minhash';
import { StoryBand, StoryBandRepository } from './story-band.repository';
import { StoryClusterFinder } from './story-cluster.finder';

const body = 'Rescue teams searched the rubble of eleven buildings in the town on Tuesday, officials said.';
const article = (overrides: Partial<Article> = {}) => ({ id: 'new', headline: 'Quake hits town', body, publishedAt: '2026-11-03T10:00:00Z', ...overrides }) as Article;

/** One stored story, found whatever the bands; `agreeing` of its 64 hashes equal to the article's. */
function finderWith(stored: Partial<StoryBand>, agreeing: number, of: Article = article()) {
  const signature = minhash(`${of.headline}\n${of.body}`);
  const candidate = { articleId: 'old', storyClusterId: 'cluster-old', minhash: signature.map((row, i) => (i < agreeing ? row : row + 1)), ...stored };
  const registered: StoryBand[] = [];
  const bands = { find: async () => [candidate], register: async (_: string[], entry: StoryBand) => void registered.push(entry) };
  return { finder: new StoryClusterFinder(bands as unknown as StoryBandRepository), registered };
}

describe('StoryClusterFinder', () => {
  it('joins a write-through whose estimated similarity is 0.45', async () => {
    const { finder } = finderWith({ publishedAt: '2026-11-03T06:00:00Z' }, Math.round(0.45 * HASHES));
    await expect(finder.clusterFor(article())).resolves.toBe('cluster-old');
  });

  it('keeps a story apart below 0.4', async () => {
    const { finder } = finderWith({ publishedAt: '2026-11-03T06:00:00Z' }, Math.round(0.35 * HASHES));
    await expect(finder.clusterFor(article())).resolves.toBe('new');
  });

  it('keeps a near-identical story published more than three days earlier apart (a template a week later)', async () => {
    const { finder } = finderWith({ publishedAt: '2026-10-27T10:00:00Z' }, HASHES);
    await expect(finder.clusterFor(article())).resolves.toBe('new');
  });

  const bulletin = article({ headline: 'Magnitude 3.8 quake at 6:41' });

  it('keeps a near-identical story apart whose lede numbers differ', async () => {
    const { finder } = finderWith({ publishedAt: '2026-11-03T09:00:00Z', ledeNumbers: ['3.6', '1:09'] }, HASHES, bulletin);
    await expect(finder.clusterFor(bulletin)).resolves.toBe('new');
  });

  it('still joins a story stored before times and numbers were kept', async () => {
    const { finder } = finderWith({}, HASHES, bulletin);
    await expect(finder.clusterFor(bulletin)).resolves.toBe('cluster-old');
  });

  it('registers the time and lede numbers with the story', async () => {
    const { finder, registered } = finderWith({}, 0, bulletin);
    await finder.clusterFor(bulletin);
    expect(registered).toEqual([expect.objectContaining({ articleId: 'new', publishedAt: '2026-11-03T10:00:00Z', ledeNumbers: ['3.8', '6:41'] })]);
    expect(bandKeys(registered[0].minhash)).toHaveLength(21);
  });
});
