import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Article } from '@newsflow/contracts';
import { AcceptedArticle, ArticleRepository } from '../article.repository';
import { RequestContext, SubmitArticleService } from '../submit-article/submit-article.service';
import { takenDownCopiesOf } from '../takedowns/copy-fingerprint';
import { TakedownList } from '../takedowns/takedown-list';
import { killReasonForLog } from './kill-reason-for-log';
import { killVersionOf } from './kill-version';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface KillResult {
  id: string;
  version: number;
  /** False when the latest version was already canceled: nothing new was made. */
  killed: boolean;
}

/**
 * An operator's takedown of a story, without the source's key. The kill goes through the same
 * submission a source's kill takes (versioning, status, the received event), so the pipeline and
 * downstream consumers cannot tell it apart except by its withdrawal notice.
 *
 * It also puts the article on the takedown list, before the kill is made, so no resend slips in
 * after it: the desk's system or its feed can no longer bring the story back, also not after a
 * purge, until an operator lifts the takedown. A source's own kill does not: a desk may reissue
 * its own story, while the operator's kill is the legal path. The entry keeps fingerprints of every
 * version's copy, so the copy is refused under another item id or from another source too.
 */
@Injectable()
export class KillArticleService {
  private readonly logger = new Logger(KillArticleService.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly submitArticle: SubmitArticleService,
    private readonly takedowns: TakedownList,
  ) {}

  async kill(articleId: string, reason: string | undefined, context: RequestContext): Promise<KillResult> {
    // Article ids are UUIDs: anything else names no article, and needs no lookup to say so.
    const found = UUID.test(articleId) ? await this.articles.latest(articleId) : null;
    if (!found) throw new NotFoundException({ rule: 'article-not-found', error: 'ARTICLE.NOT_FOUND', message: `no article with id ${articleId}` });
    const { id: sourceId } = found.article.source;
    const copies = takenDownCopiesOf(await this.versionsUpTo(found));
    const entry = { _id: found.article.id, ...(reason ? { reason } : {}), takenDownAt: new Date(), correlationId: context.correlationId,
      sourceId, sourceItemId: found.article.sourceItemId, ...copies };
    const takedown = await this.takedowns.add(entry);
    // An entry listed earlier keeps its record, and may predate fingerprints or lack later versions'.
    if (takedown !== entry) await this.takedowns.addCopies(found.article.id, copies);
    // Other instances accept resends until they have read the list: the kill comes after any of them.
    await this.takedowns.propagated(takedown);
    const latest = (await this.articles.latest(found.article.id)) ?? found;
    // Such a resend's copy is as taken down as the rest.
    if (latest.version > found.version) await this.takedowns.addCopies(found.article.id, takenDownCopiesOf(await this.versionsUpTo(latest, found.version + 1)));
    if (latest.article.pubStatus === 'canceled') {
      // Submitted again as it is stored: a duplicate, so nothing new; re-sent only if its received
      // event was never acknowledged (a kill answered 503), which the submission path does.
      const again = await this.submitArticle.submit(latest.article, context, { operatorKill: true });
      this.logger.log({ msg: 'article already canceled', articleId, version: again.version, by: 'admin', correlationId: context.correlationId });
      return { id: again.id, version: again.version, killed: false };
    }
    const result = await this.submitArticle.submit(killVersionOf(latest.article, reason, new Date()), context, { operatorKill: true });
    // Who and what, never the copy; of the reason only its start (the reference), since operators write more than they should.
    this.logger.log({ msg: 'article killed by operator', articleId, version: result.version, replaced: latest.version,
      sourceId, by: 'admin', reason: killReasonForLog(reason), correlationId: context.correlationId });
    return { id: result.id, version: result.version, killed: result.outcome !== 'duplicate' };
  }

  /** Every stored version from `from` up to `latest`, oldest first; one a purge removed is left out. Reads by `_id`, one per version: kills are rare. */
  private async versionsUpTo(latest: AcceptedArticle, from = 1): Promise<Article[]> {
    const earlier = await Promise.all(Array.from({ length: latest.version - from }, (_, k) => this.articles.findVersion(latest.article.id, from + k)));
    return [...earlier.flatMap((version) => (version ? [version.article] : [])), latest.article];
  }
}
