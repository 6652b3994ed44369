import { PurgeBatch } from '../index/search-collections';

/**
 * The articles `npm run purge` removed, as this instance learnt them from the purge log: article id
 * → when the purge began deleting it. Events of those articles still come back after a purge: the
 * final topic replays to a replica that was down during it (its follow group resumes from its
 * committed offsets), and a dead-letter replay or a late weather backfill sends an old version down
 * the pipeline again, where no stored version is left to make it look stale. A version ingest
 * received before the purge began is one the purge removed, so it is refused; a story submitted
 * again after its purge is received later, and taken.
 *
 * Received, not indexed: a replayed version is indexed anew (after the purge), but keeps the time
 * ingest received it. No clock-skew margin: ingest's clock and the purge tool's are compared, and a
 * margin would refuse a resubmission made within it for good (ingest takes the same copy again as a
 * duplicate of the version refused).
 */
export class PurgedArticles {
  private readonly deletedFrom = new Map<string, number>();

  get size(): number {
    return this.deletedFrom.size;
  }

  record(batch: PurgeBatch): void {
    const at = new Date(batch.deletedFrom).getTime();
    for (const id of batch.ids) if (at > (this.deletedFrom.get(id) ?? Number.NEGATIVE_INFINITY)) this.deletedFrom.set(id, at);
  }

  /** When the purge of this article began, if a version received at `receivedAt` (epoch ms, or ISO text) predates it. */
  purgedAfter(id: string, receivedAt: number | string): number | undefined {
    const at = this.deletedFrom.get(id);
    if (at === undefined) return undefined;
    const received = typeof receivedAt === 'number' ? receivedAt : Date.parse(receivedAt);
    // A version whose receipt time cannot be read is not known to postdate the purge.
    return !(received >= at) ? at : undefined;
  }

  /** Forgets purges older than `before` (epoch ms): the log has pruned them too, and nothing replays that far back. */
  forgetBefore(before: number): void {
    for (const [id, at] of this.deletedFrom) if (at < before) this.deletedFrom.delete(id);
  }
}
