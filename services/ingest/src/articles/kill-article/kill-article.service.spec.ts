import { Article } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { NotFoundException } from '@nestjs/common';
import { AcceptedArticle, ArticleRepository } from '../article.repository';
import { SubmitArticleService } from '../submit-article/submit-article.service';
import { KillArticleService } from './kill-article.service';
import { KILL_HEADLINE } from './kill-version';

/** The latest stored version, and a submission that stores the next one (or a duplicate of the same hash). */
function harness(stored: Article | null) {
  let latest = stored;
  const articles = {
    latest: jest.fn(async () => (latest ? ({ article: latest, version: latest.version } as AcceptedArticle) : null)),
  } as unknown as ArticleRepository;
  const submitted: Article[] = [];
  const submitArticle = {
    submit: jest.fn(async (article: Article) => {
      submitted.push(article);
      if (latest && latest.contentHash === article.contentHash) return { id: article.id, version: latest.version, outcome: 'duplicate', storyClusterId: 'c' };
      latest = { ...article, version: (latest?.version ?? 0) + 1 };
      return { id: article.id, version: latest.version, outcome: 'new-version', storyClusterId: 'c' };
    }),
  } as unknown as SubmitArticleService;
  return { service: new KillArticleService(articles, submitArticle), submitted, articles };
}

const context = { correlationId: 'corr-1' };

describe('KillArticleService', () => {
  it('submits the canceled next version, without the copy, through the submission path', async () => {
    const story = makeArticle({ headline: 'Original headline', body: 'Original body text.' });
    const { service, submitted } = harness(story);
    await expect(service.kill(story.id, 'Court order', context)).resolves.toEqual({ id: story.id, version: 2, killed: true });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ id: story.id, pubStatus: 'canceled', headline: KILL_HEADLINE });
    expect(JSON.stringify(submitted[0])).not.toMatch(/Original/);
  });

  it('answers a second kill with the canceled version, making nothing new', async () => {
    const story = makeArticle();
    const { service, submitted } = harness(story);
    await service.kill(story.id, undefined, context);
    await expect(service.kill(story.id, 'another reason', context)).resolves.toEqual({ id: story.id, version: 2, killed: false });
    // The stored kill is submitted again as it is: a duplicate (re-sent only if it was never acknowledged).
    expect(submitted[1].contentHash).toBe(submitted[0].contentHash);
  });

  it('takes a source\'s own kill for the kill', async () => {
    const killed = makeArticle({ version: 4, pubStatus: 'canceled' });
    const { service } = harness(killed);
    await expect(service.kill(killed.id, undefined, context)).resolves.toEqual({ id: killed.id, version: 4, killed: false });
  });

  it('answers 404 for an unknown id, and for one that is no article id without a lookup', async () => {
    const { service, articles } = harness(null);
    await expect(service.kill('6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74', undefined, context)).rejects.toBeInstanceOf(NotFoundException);
    await expect(service.kill('../../etc', undefined, context)).rejects.toBeInstanceOf(NotFoundException);
    expect(articles.latest).toHaveBeenCalledTimes(1);
  });
});
