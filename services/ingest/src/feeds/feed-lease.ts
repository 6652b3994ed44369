import { FeedState, SourceRepository } from '../sources/source.repository';

/** Another instance took the feed over after this one's lease ran out: this poll must stop and write nothing. */
export class FeedLeaseLost extends Error {
  constructor(sourceId: string) {
    super(`the poll lease of ${sourceId} was taken over by another instance`);
    this.name = 'FeedLeaseLost';
  }
}

/**
 * One instance's claim on polling a feed: its nextPollAt moved to the lease's end. Renewed (the same
 * compare-and-set as the claim) once half of it has passed, so a poll still handing on items keeps
 * the feed and a second instance does not poll it again meanwhile.
 */
export class FeedLease {
  constructor(
    private readonly sources: Pick<SourceRepository, 'claimFeed' | 'finishPoll'>,
    private readonly sourceId: string,
    private until: Date,
    private readonly lengthMs: number,
  ) {}

  static async claim(sources: Pick<SourceRepository, 'claimFeed' | 'finishPoll'>, sourceId: string, seenNextPollAt: Date, lengthMs: number): Promise<FeedLease | undefined> {
    const until = new Date(Date.now() + lengthMs);
    return (await sources.claimFeed(sourceId, seenNextPollAt, until)) ? new FeedLease(sources, sourceId, until, lengthMs) : undefined;
  }

  /** Writes the poll's outcome if the lease still holds; false when the feed was changed or taken over meanwhile. */
  finish(feed: FeedState): Promise<boolean> {
    return this.sources.finishPoll(this.sourceId, this.until, feed);
  }

  async keep(now = Date.now()): Promise<void> {
    if (this.until.getTime() - now > this.lengthMs / 2) return;
    const next = new Date(now + this.lengthMs);
    if (!(await this.sources.claimFeed(this.sourceId, this.until, next))) throw new FeedLeaseLost(this.sourceId);
    this.until = next;
  }
}
