import { counter, gauge } from '@newsflow/platform';
import { ShedEpisodes } from './shed-episodes';
import { SubmissionsBusy } from './submission-errors';

const inProgressBytes = gauge('newsflow_ingest_submission_bytes_in_progress', 'Request bytes of the submissions ingest is handling now');
const shedTotal = counter('newsflow_ingest_submissions_shed_total',
  'Submissions answered 503 busy: the instance held its budget of bytes in progress (limit="instance"), or their source held its share of it (limit="source-share")', ['limit']);

interface Holding {
  held: number;
  inFlight: number;
}

export interface BudgetLimits {
  budgetBytes: number;
  /** The fraction of `budgetBytes` one source may hold, so a flood from one desk sheds only that desk. */
  sourceShare: number;
}

/** Bytes taken for one submission; grows as its body turns out larger, released once it is answered. */
export interface Reservation {
  readonly bytes: number;
  /** Takes `total - bytes` more, or throws SubmissionsBusy when that would pass a limit. */
  growTo(total: number): void;
  release(): void;
}

/**
 * Request bytes of the submissions in progress, for the instance and per source. A submission that
 * would pass the instance's budget or its source's share is refused (SubmissionsBusy); one that is
 * alone in the instance, or alone for its source, is always let in, so a single large batch is
 * never refused for its size alone.
 */
export class SubmissionBudget {
  private held = 0;
  private inFlight = 0;
  private readonly sources = new Map<string, Holding>();

  constructor(
    private readonly limits: BudgetLimits,
    private readonly episodes: ShedEpisodes,
  ) {}

  get shareBytes(): number {
    return Math.floor(this.limits.budgetBytes * this.limits.sourceShare);
  }

  admit(sourceId: string, bytes: number): Reservation {
    this.refuseIfPast(sourceId, bytes, 0);
    this.episodes.settle();
    const source = this.sources.get(sourceId) ?? { held: 0, inFlight: 0 };
    this.sources.set(sourceId, source);
    source.inFlight += 1;
    this.inFlight += 1;
    this.take(source, bytes);
    let reserved = bytes;
    let released = false;
    return {
      get bytes() {
        return reserved;
      },
      growTo: (total: number) => {
        if (released || total <= reserved) return;
        this.refuseIfPast(sourceId, total - reserved, 1);
        this.take(source, total - reserved);
        reserved = total;
      },
      release: () => {
        if (released) return;
        released = true;
        this.take(source, -reserved);
        source.inFlight -= 1;
        this.inFlight -= 1;
        if (source.inFlight === 0) this.sources.delete(sourceId);
      },
    };
  }

  /** `self`: 1 when the submission asking is already counted in flight (it grows), 0 when it is new. */
  private refuseIfPast(sourceId: string, bytes: number, self: 0 | 1): void {
    const source = this.sources.get(sourceId);
    if (source && source.inFlight > self && source.held + bytes > this.shareBytes) {
      shedTotal.inc({ limit: 'source-share' });
      this.episodes.shed(`source:${sourceId}`, { sourceId, shareBytes: this.shareBytes, heldBytes: source.held, inFlight: source.inFlight });
      throw new SubmissionsBusy(`source ${sourceId} already has ${source.inFlight} submissions in progress (${source.held} bytes, its share of ingest's budget is ${this.shareBytes}); retry shortly: resubmitting the same story is safe`);
    }
    if (this.inFlight > self && this.held + bytes > this.limits.budgetBytes) {
      shedTotal.inc({ limit: 'instance' });
      this.episodes.shed('instance', { budgetBytes: this.limits.budgetBytes, heldBytes: this.held, inFlight: this.inFlight });
      throw new SubmissionsBusy(`ingest is already handling ${this.inFlight} submissions (${this.held} bytes, its budget is ${this.limits.budgetBytes}); retry shortly: resubmitting the same story is safe`);
    }
  }

  private take(source: Holding, bytes: number): void {
    source.held += bytes;
    this.held += bytes;
    inProgressBytes.set(this.held);
  }
}
