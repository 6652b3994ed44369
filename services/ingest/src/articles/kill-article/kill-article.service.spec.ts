import { Article } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { Logger, NotFoundException } from '@nestjs/common';
import { AcceptedArticle, ArticleRepository } from '../article.repository';
import { SubmitArticleService } from '../submit-article/submit-article.service';
import { copyFingerprintOf, takenDownCopiesOf } from '../takedowns/copy-fingerprint';
import { TakedownList } from '../takedowns/takedown-list';
import { Takedown } from '../takedowns/takedown.repository';
import { KillArticleService } from './kill-article.service';
import { KILL_HEADLINE } from './kill-version';

/** The latest stored version (and `earlier` ones), and a submission that stores the next one (or a duplicate of the same hash). */
function harness(stored: Article | null, whilePropagating: (resend: (article: Article) => void) => void = () => undefined, earlier: Article[] = []) {
  let latest = stored;
  const articles = {
    latest: jest.fn(async () => (latest ? ({ article: latest, version: latest.version } as AcceptedArticle) : null)),
    findVersion: jest.fn(async (id: string, version: number) => {
      const found = [...earlier, latest].find((a) => a?.id === id && a.version === version);
      return found ? ({ article: found, version } as AcceptedArticle) : null;
    }),
  } as unknown as ArticleRepository;
  const submitted: Article[] = [];
  const calls: string[] = [];
  const listed = new Map<string, Takedown>();
  const takedowns = {
    add: jest.fn(async (takedown: Takedown) => {
      calls.push('listed');
      if (!listed.has(takedown._id)) listed.set(takedown._id, takedown);
      return listed.get(takedown._id);
    }),
    addCopies: jest.fn(async (id: string, copies: { contentHashes: string[]; copyFingerprints: string[] }) => {
      const entry = listed.get(id);
      const union = (held: string[] | undefined, more: string[]) => [...new Set([...(held ?? []), ...more])];
      if (entry) listed.set(id, { ...entry, contentHashes: union(entry.contentHashes, copies.contentHashes), copyFingerprints: union(entry.copyFingerprints, copies.copyFingerprints) });
    }),
    propagated: jest.fn(async () => {
      calls.push('propagated');
      whilePropagating((article) => (latest = { ...article, version: (latest?.version ?? 0) + 1 }));
    }),
  } as unknown as TakedownList;
  const submitArticle = {
    submit: jest.fn(async (article: Article) => {
      calls.push('submitted');
      submitted.push(article);
      if (latest && latest.contentHash === article.contentHash) return { id: article.id, version: latest.version, outcome: 'duplicate', storyClusterId: 'c' };
      latest = { ...article, version: (latest?.version ?? 0) + 1 };
      return { id: article.id, version: latest.version, outcome: 'new-version', storyClusterId: 'c' };
    }),
  } as unknown as SubmitArticleService;
  return { service: new KillArticleService(articles, submitArticle, takedowns), submitted, articles, submitArticle, takedowns, listed, calls };
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

  it('puts the article on the takedown list before the kill is made, with the reason, time and correlation id', async () => {
    const story = makeArticle({ sourceItemId: 'item-42' });
    const { service, listed, calls, submitArticle } = harness(story);
    await service.kill(story.id, 'Court order 2026/123', context);
    expect(listed.get(story.id)).toEqual({ _id: story.id, reason: 'Court order 2026/123', takenDownAt: expect.any(Date), correlationId: 'corr-1',
      sourceId: story.source.id, sourceItemId: 'item-42', ...takenDownCopiesOf([story]) });
    // Listed first, and made once every instance refuses resends; the kill itself passes the list.
    expect(calls).toEqual(['listed', 'propagated', 'submitted']);
    expect(submitArticle.submit).toHaveBeenCalledWith(expect.objectContaining({ pubStatus: 'canceled' }), context, { operatorKill: true });
  });

  it('logs the start of the reason (the reference), while the kill and the takedown list keep it whole', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const story = makeArticle();
      const { service, listed, submitted } = harness(story);
      const reason = 'Court order 2026/555 (ref LR-77): protect the witness Brindlewick Osterhal';
      await service.kill(story.id, reason, context);
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ msg: 'article killed by operator', articleId: story.id, reason: 'Court order 2026/555 (ref LR-77): protect the wi…' }));
      expect(JSON.stringify(log.mock.calls)).not.toMatch(/Brindlewick|Osterhal/);
      expect(listed.get(story.id)?.reason).toBe(reason);
      expect(submitted[0].body).toContain(reason);
    } finally {
      log.mockRestore();
    }
  });

  it('lists a story its source killed itself once an operator kills it too, and a kill without a reason', async () => {
    const killed = makeArticle({ version: 4, pubStatus: 'canceled' });
    const { service, listed, submitArticle } = harness(killed);
    await service.kill(killed.id, undefined, context);
    expect(listed.get(killed.id)).toMatchObject({ _id: killed.id, correlationId: 'corr-1' });
    expect(listed.get(killed.id)).not.toHaveProperty('reason');
    expect(submitArticle.submit).toHaveBeenCalledWith(killed, context, { operatorKill: true });
  });

  it('lists the fingerprints of every version that carried copy, not of a kill among them, and leaves out a purged version', async () => {
    const v1 = makeArticle({ headline: 'First headline', body: 'First body.' });
    const v2 = { ...v1, version: 2, headline: 'Corrected headline', contentHash: 'v2' };
    const v3 = { ...v1, version: 3, headline: 'Desk kill', body: 'Withdrawn.', pubStatus: 'canceled' as const, contentHash: 'v3' };
    const v5 = { ...v1, version: 5, headline: 'Reissued headline', contentHash: 'v5' };
    const { service, listed, articles } = harness(v5, undefined, [v1, v2, v3]);
    await service.kill(v1.id, 'Court order', context);
    const entry = listed.get(v1.id);
    expect(entry?.copyFingerprints).toEqual([copyFingerprintOf('First headline', 'First body.'), copyFingerprintOf('Corrected headline', 'First body.'),
      copyFingerprintOf('Reissued headline', 'First body.')]);
    expect(entry?.contentHashes).toEqual(expect.arrayContaining([v1.contentHash, 'v2', 'v5']));
    expect(entry?.contentHashes).not.toContain('v3');
    expect(JSON.stringify(entry)).not.toMatch(/headline|First body/i);
    expect(articles.findVersion).toHaveBeenCalledTimes(4);
  });

  it('lists nothing for an unknown article', async () => {
    const { service, listed } = harness(null);
    await expect(service.kill('6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74', 'Court order', context)).rejects.toBeInstanceOf(NotFoundException);
    expect(listed.size).toBe(0);
  });

  it('makes the kill after a resend another instance accepted while the list propagated, so the kill stays the latest version', async () => {
    const story = makeArticle({ headline: 'Original headline', body: 'Original body text.' });
    const { service, submitted } = harness(story, (resend) => resend({ ...story, headline: 'Resent headline', contentHash: 'resent', pubStatus: 'usable' }));
    await expect(service.kill(story.id, 'Court order', context)).resolves.toEqual({ id: story.id, version: 3, killed: true });
    expect(submitted[0]).toMatchObject({ pubStatus: 'canceled', headline: KILL_HEADLINE });
    expect(JSON.stringify(submitted[0])).not.toMatch(/Resent|Original/);
  });

  it('adds the copy of a resend accepted while the list propagated to the takedown', async () => {
    const story = makeArticle({ headline: 'Original headline', body: 'Original body text.' });
    const resent = { ...story, headline: 'Resent headline', contentHash: 'resent', pubStatus: 'usable' as const };
    const { service, listed, takedowns } = harness(story, (resend) => resend(resent), [story]);
    await service.kill(story.id, 'Court order', context);
    expect(listed.get(story.id)?.copyFingerprints).toEqual([copyFingerprintOf('Original headline', 'Original body text.'), copyFingerprintOf('Resent headline', 'Original body text.')]);
    expect(listed.get(story.id)?.contentHashes).toContain('resent');
    expect(takedowns.addCopies).toHaveBeenCalledTimes(1);
  });

  it('adds fingerprints to an entry listed before they were kept when the article is killed again', async () => {
    const story = makeArticle({ headline: 'Original headline', body: 'Original body text.' });
    const { service, listed, takedowns } = harness(story);
    listed.set(story.id, { _id: story.id, takenDownAt: new Date('2026-12-01T00:00:00Z'), correlationId: 'old', sourceId: story.source.id, sourceItemId: story.sourceItemId });
    await service.kill(story.id, 'Court order', context);
    expect(listed.get(story.id)).toMatchObject({ correlationId: 'old', copyFingerprints: [copyFingerprintOf('Original headline', 'Original body text.')] });
    expect(takedowns.addCopies).toHaveBeenCalledTimes(1);
  });

  it('adds nothing when no version came in meanwhile and the entry is its own', async () => {
    const story = makeArticle();
    const { service, takedowns } = harness(story);
    await service.kill(story.id, 'Court order', context);
    expect(takedowns.addCopies).not.toHaveBeenCalled();
  });
});
