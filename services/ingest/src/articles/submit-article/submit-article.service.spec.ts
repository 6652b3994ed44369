import { Article } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { EventPublisher } from '@newsflow/messaging';
import { AcceptedArticle, ArticleRepository } from '../article.repository';
import { StoryClusterFinder } from '../story-clusters/story-cluster.finder';
import { contentHashOf } from '../article-identity';
import { ArticleTakenDown } from '../takedowns/article-taken-down.error';
import { takenDownCopiesOf } from '../takedowns/copy-fingerprint';
import { CopyTakenDown } from '../takedowns/copy-taken-down.error';
import { TakedownList } from '../takedowns/takedown-list';
import { Takedown, TakedownRepository } from '../takedowns/takedown.repository';
import { problemOf } from '../../http/problem-details.filter';
import { SubmitArticleService } from './submit-article.service';
import { PipelineUnavailable } from './pipeline-unavailable.error';

/** In-memory stand-ins: this spec is about the accept/publish protocol, the stores have their own integration tests. */
function harness(publish: () => Promise<unknown>) {
  const versions = new Map<string, AcceptedArticle>();
  const listed = new Map<string, Takedown>();
  const takedownStore = { insert: async (t: Takedown) => (listed.set(t._id, t), true), find: async (id: string) => listed.get(id) ?? null,
    delete: async (id: string) => listed.delete(id), bumpGeneration: async () => undefined } as unknown as TakedownRepository;
  const takedowns = new TakedownList(takedownStore);
  const articles = {
    async accept(article: Article) {
      const existing = versions.get(article.id);
      if (existing?.contentHash === article.contentHash) return { outcome: 'duplicate', record: existing };
      const version = (existing?.version ?? 0) + 1;
      const record = { _id: `${article.id}:${version}`, articleId: article.id, version, contentHash: article.contentHash,
        article: { ...article, version }, published: false, correlationId: 'c', acceptedAt: new Date(), storyClusterId: article.id };
      versions.set(article.id, record);
      return { outcome: existing ? 'new-version' : 'new', record };
    },
    async markPublished(id: string) {
      (versions.get(id) as AcceptedArticle).published = true;
    },
  } as unknown as ArticleRepository;
  const publisher = { publish: jest.fn(publish) } as unknown as EventPublisher;
  const clusters = { clusterFor: async (a: Article) => a.id } as unknown as StoryClusterFinder;
  return { service: new SubmitArticleService(articles, publisher, clusters, takedowns, { PUBLISH_TIMEOUT_MS: 200 }), versions, publisher, takedowns };
}

describe('SubmitArticleService', () => {
  it('answers 503 and keeps the story unpublished when the broker does not acknowledge', async () => {
    const { service, versions } = harness(() => Promise.reject(new Error('broker down')));
    const article = makeArticle();
    await expect(service.submit(article, { correlationId: 'c' })).rejects.toBeInstanceOf(PipelineUnavailable);
    expect(versions.get(article.id)?.published).toBe(false);
  });

  it('answers 503 promptly when the broker does not answer at all', async () => {
    const { service } = harness(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(service.submit(makeArticle(), { correlationId: 'c' })).rejects.toBeInstanceOf(PipelineUnavailable);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('records a publish the broker acknowledges after the 503, so a resubmission is a duplicate and not sent again', async () => {
    let acknowledge: () => void = () => undefined;
    const { service, versions, publisher } = harness(() => new Promise<void>((resolve) => (acknowledge = resolve)));
    const article = makeArticle();
    await expect(service.submit(article, { correlationId: 'c' })).rejects.toBeInstanceOf(PipelineUnavailable);
    acknowledge();
    await new Promise((resolve) => setImmediate(resolve));
    expect(versions.get(article.id)?.published).toBe(true);
    await expect(service.submit(article, { correlationId: 'c' })).resolves.toMatchObject({ outcome: 'duplicate' });
    expect(publisher.publish).toHaveBeenCalledTimes(1);
  });

  it('publishes an unpublished duplicate again on resubmission, and a published one never', async () => {
    let brokerUp = false;
    const { service, versions, publisher } = harness(() => (brokerUp ? Promise.resolve() : Promise.reject(new Error('down'))));
    const article = makeArticle();
    await expect(service.submit(article, { correlationId: 'c' })).rejects.toThrow();
    brokerUp = true;
    const retried = await service.submit(article, { correlationId: 'c' });
    expect(retried).toMatchObject({ outcome: 'duplicate', version: 1 });
    expect(versions.get(article.id)?.published).toBe(true);
    await service.submit(article, { correlationId: 'c' });
    expect(publisher.publish).toHaveBeenCalledTimes(2);
  });

  describe('an article an operator took down', () => {
    const takenDown = (id: string): Takedown => ({ _id: id, takenDownAt: new Date('2026-12-07T10:00:00Z'), correlationId: 'corr-kill', sourceId: 'wire', sourceItemId: 'item' });

    it('is refused with 451, naming the article, before anything is stored or sent', async () => {
      const { service, versions, publisher, takedowns } = harness(() => Promise.resolve());
      const article = makeArticle();
      await service.submit(article, { correlationId: 'c' });
      await takedowns.add(takenDown(article.id));
      const resend = { ...article, headline: 'Resent with a newer updatedAt', contentHash: 'changed', updatedAt: new Date().toISOString() };

      const refusal = await service.submit(resend, { correlationId: 'c' }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ArticleTakenDown);
      expect(problemOf(refusal)).toMatchObject({
        type: 'https://newsflow.dev/problems/taken-down', status: 451, rule: 'taken-down', articleId: article.id, takenDownAt: '2026-12-07T10:00:00.000Z',
        detail: expect.stringMatching(new RegExp(`article ${article.id} was taken down by an operator`)),
      });
      expect(versions.get(article.id)?.version).toBe(1);
      expect(publisher.publish).toHaveBeenCalledTimes(1);
    });

    it('lets the operator\'s own kill through, and every other article as before', async () => {
      const { service, takedowns } = harness(() => Promise.resolve());
      const article = makeArticle();
      await takedowns.add(takenDown(article.id));
      await expect(service.submit({ ...article, pubStatus: 'canceled' }, { correlationId: 'c' }, { operatorKill: true })).resolves.toMatchObject({ outcome: 'new' });
      await expect(service.submit(makeArticle(), { correlationId: 'c' })).resolves.toMatchObject({ outcome: 'new' });
    });

    it('is accepted as the next version once the takedown is lifted', async () => {
      const { service, takedowns } = harness(() => Promise.resolve());
      const article = makeArticle();
      await service.submit(article, { correlationId: 'c' });
      await takedowns.add(takenDown(article.id));
      await expect(service.submit({ ...article, contentHash: 'changed' }, { correlationId: 'c' })).rejects.toBeInstanceOf(ArticleTakenDown);
      await expect(takedowns.lift(article.id)).resolves.toMatchObject({ _id: article.id });
      await expect(service.submit({ ...article, contentHash: 'changed' }, { correlationId: 'c' })).resolves.toMatchObject({ outcome: 'new-version', version: 2 });
    });
  });

  describe('the copy of an article an operator took down, under another id', () => {
    const copy = { headline: 'Magistrates hear Ellerbrook defamation claim', body: 'LEEDS - A defamation claim over the Ellerbrook report was heard on Tuesday.' };
    const sent = (overrides: Partial<Article> = {}) => {
      const article = makeArticle({ ...copy, ...overrides });
      return { ...article, contentHash: contentHashOf(article.headline, article.body) };
    };
    const listCopy = async (takedowns: TakedownList, original: Article) => takedowns.add({ _id: original.id, takenDownAt: new Date('2026-12-07T10:00:00Z'),
      correlationId: 'corr-kill', sourceId: original.source.id, sourceItemId: original.sourceItemId, ...takenDownCopiesOf([original]) });

    it('is refused with 451 taken-down-copy naming the taken-down article, from any source and with trivial changes, storing nothing', async () => {
      const { service, versions, publisher, takedowns } = harness(() => Promise.resolve());
      const original = sent();
      await service.submit(original, { correlationId: 'c' });
      await listCopy(takedowns, original);

      for (const resend of [sent(), sent({ source: { id: 'other-wire', name: 'Other' } }),
        sent({ headline: copy.headline.toUpperCase(), body: copy.body.replace('defamation', 'defa\u200Bmation') })]) {
        const refusal = await service.submit(resend, { correlationId: 'c' }).catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(CopyTakenDown);
        // A feed skips it as it skips the taken-down article itself.
        expect(refusal).toBeInstanceOf(ArticleTakenDown);
        expect(problemOf(refusal)).toMatchObject({
          type: 'https://newsflow.dev/problems/taken-down-copy', status: 451, rule: 'taken-down-copy', articleId: original.id, takenDownAt: '2026-12-07T10:00:00.000Z',
          detail: expect.stringMatching(new RegExp(`copy of article ${original.id}, which an operator took down`)),
        });
        expect(versions.has(resend.id)).toBe(false);
      }
      expect(publisher.publish).toHaveBeenCalledTimes(1);
    });

    it('accepts other copy, a kill of the copy (a desk withdrawing what it sent before), and the copy once the takedown is lifted', async () => {
      const { service, takedowns } = harness(() => Promise.resolve());
      const original = sent();
      await listCopy(takedowns, original);
      await expect(service.submit(sent({ body: 'LEEDS - A defamation claim over the Ellerbrook report was dismissed on Tuesday.' }), { correlationId: 'c' }))
        .resolves.toMatchObject({ outcome: 'new' });
      await expect(service.submit({ ...sent(), pubStatus: 'canceled' }, { correlationId: 'c' })).resolves.toMatchObject({ outcome: 'new' });
      await takedowns.lift(original.id);
      await expect(service.submit(sent(), { correlationId: 'c' })).resolves.toMatchObject({ outcome: 'new' });
    });
  });

  it('accepts versions of one article sent at once one after another, in the order sent, and other articles beside them', async () => {
    const { service, versions } = harness(() => Promise.resolve());
    const repository = (service as unknown as { articles: ArticleRepository }).articles;
    const accept = repository.accept.bind(repository);
    const running = new Map<string, number>();
    let mostForOneArticle = 0;
    let mostOverall = 0;
    repository.accept = async (...args: Parameters<ArticleRepository['accept']>) => {
      const id = args[0].id;
      running.set(id, (running.get(id) ?? 0) + 1);
      mostForOneArticle = Math.max(mostForOneArticle, running.get(id) ?? 0);
      mostOverall = Math.max(mostOverall, [...running.values()].reduce((a, b) => a + b, 0));
      // A store round trip: racing versions would overlap here.
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        return await accept(...args);
      } finally {
        running.set(id, (running.get(id) ?? 0) - 1);
      }
    };
    const story = makeArticle();
    const other = makeArticle({ id: 'another-article' } as Partial<Article>);
    const sent = Array.from({ length: 5 }, (_, k) => ({ ...story, contentHash: `hash-${k}` }));
    const results = await Promise.all([...sent.map((a) => service.submit(a, { correlationId: 'c' })), service.submit(other, { correlationId: 'c' })]);
    expect(results.slice(0, 5).map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
    expect(mostForOneArticle).toBe(1);
    expect(mostOverall).toBe(2);
    expect(versions.get(story.id)?.contentHash).toBe('hash-4');
  });
});
