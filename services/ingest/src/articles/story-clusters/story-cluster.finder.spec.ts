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

describe('StoryClusterFinder and other agencies’ rewrites', () => {
  const ap = article({
    id: 'ap',
    headline: 'Bridge collapses in northern Brazil, sending trucks into the Tocantins River',
    body: 'SAO PAULO (AP) — A highway bridge over the Tocantins River in northern Brazil collapsed on Wednesday, sending trucks and cars plunging into the water and killing people, authorities said.',
    publishedAt: '2026-11-19T14:20:00Z',
  });
  const afp = article({
    id: 'afp',
    headline: 'People killed in Brazil bridge collapse',
    body: 'Rio de Janeiro (AFP) - People were killed after a bridge collapsed in northern Brazil on Wednesday, sending trucks and cars into the Tocantins River, officials said.',
    publishedAt: '2026-11-19T16:00:00Z',
  });
  const visit = article({
    id: 'visit',
    headline: 'Brazil president to visit Tocantins River region',
    body: 'BRASILIA (AP) — The president of Brazil will tour towns along the Tocantins River next month to promote a new irrigation programme, his office said on Wednesday.',
    publishedAt: '2026-11-19T17:00:00Z',
  });

  /** The finder over an in-memory store, as the evaluation runs it. */
  function finderOverStore() {
    const { InMemoryBandStore } = require('../../../eval/clusters/in-memory-band-store');
    const store = new InMemoryBandStore();
    return { store, finder: new StoryClusterFinder(store as StoryBandRepository) };
  }

  it('joins a rewrite sharing no band, found through a pair of names', async () => {
    expect(bandKeys(minhash(`${afp.headline}\n${afp.body}`)).some((key) => bandKeys(minhash(`${ap.headline}\n${ap.body}`)).includes(key))).toBe(false);
    const { finder } = finderOverStore();
    await expect(finder.clusterFor(ap)).resolves.toBe('ap');
    await expect(finder.clusterFor(afp)).resolves.toBe('ap');
  });

  it('keeps another story of the day about the same names apart', async () => {
    const { finder } = finderOverStore();
    await finder.clusterFor(ap);
    await expect(finder.clusterFor(visit)).resolves.toBe('visit');
  });

  it('keeps a rewrite apart whose lede numbers disagree', async () => {
    const { finder } = finderOverStore();
    await finder.clusterFor({ ...ap, body: ap.body.replace('killing people', 'killing 4 people') });
    await expect(finder.clusterFor({ ...afp, body: afp.body.replace('People were killed', '9 people were killed') })).resolves.toBe('afp');
  });

  it('registers the names, headline names, lede words and name-pair keys with the story', async () => {
    const { finder, registered } = finderWith({}, 0, afp);
    const pairs: string[][] = [];
    (finder as unknown as { bands: { register: (b: string[], e: StoryBand, p: string[]) => Promise<void> } }).bands.register = async (_b, entry, namePairs) => {
      registered.push(entry);
      pairs.push(namePairs);
    };
    await finder.clusterFor(afp);
    expect(registered[0]).toEqual(expect.objectContaining({ names: ['brazil', 'janeiro', 'tocantins', 'river'], headlineNames: 1, ledeWords: expect.arrayContaining(['bridge', 'collapse']) }));
    expect(pairs[0]).toContain('brazil|tocantins');
  });
});
