import { Article } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { EventPublisher } from '@newsflow/messaging';
import { AcceptedArticle, ArticleRepository } from '../article.repository';
import { StoryClusterFinder } from '../story-clusters/story-cluster.finder';
import { SubmitArticleService } from './submit-article.service';
import { PipelineUnavailable } from './pipeline-unavailable.error';

/** In-memory stand-ins: this spec is about the accept/publish protocol, the stores have their own integration tests. */
function harness(publish: () => Promise<unknown>) {
  const versions = new Map<string, AcceptedArticle>();
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
  return { service: new SubmitArticleService(articles, publisher, clusters, { PUBLISH_TIMEOUT_MS: 200 }), versions, publisher };
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
});
