import { histogram } from '../metrics/metrics';

/** How well concurrent work shares round trips: 1 everywhere means every item paid for its own. */
const batchItems = histogram('newsflow_batch_items', 'Items per flushed batch (events per produce request, documents per insert), by target', ['target'],
  [1, 2, 4, 8, 16, 32, 64, 128, 256]);

/** One item's outcome within a flushed batch. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Joins the calls of concurrent callers into batches: one flush runs at a time, and what callers
 * submit meanwhile goes out together in the next. A busy caller batches by itself, as far as the store
 * or broker lags behind; an idle one is served at once, or after `lingerMs` when given, so work that
 * finishes a few milliseconds apart (one extraction after another) still shares a request. Each caller's promise settles
 * with its own item's outcome, so a resolved promise still means "done". A flush that throws fails
 * every item it carried.
 */
export interface CoalescerOptions<I> {
  /** Whether `next` may join a batch already holding `batch` (never asked for the first item). */
  fits?: (batch: I[], next: I) => boolean;
  /** Names the batches in `newsflow_batch_items` (e.g. `kafka`, `mongo:<collection>`); unnamed ones are not observed. */
  target?: string;
  /** How long the first item of an idle coalescer waits for others; 0 = only the callers of the same tick. */
  lingerMs?: number;
}

export class Coalescer<I, R> {
  private queue: Array<{ item: I; resolve: (value: R) => void; reject: (error: unknown) => void }> = [];
  private flushing = false;
  private readonly fits: (batch: I[], next: I) => boolean;
  private readonly target?: string;
  private readonly lingerMs: number;

  constructor(
    private readonly flush: (items: I[]) => Promise<Array<Settled<R>>>,
    { fits = () => true, target, lingerMs = 0 }: CoalescerOptions<I> = {},
  ) {
    this.fits = fits;
    this.target = target;
    this.lingerMs = lingerMs;
  }

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      // Let the callers of this tick (or of the linger) join the first batch too; items queued
      // during a flush have waited already and go next without lingering.
      await new Promise<void>((resolve) => (this.lingerMs > 0 ? setTimeout(resolve, this.lingerMs) : setImmediate(resolve)));
      while (this.queue.length > 0) {
        const batch = this.take();
        const items = batch.map((entry) => entry.item);
        if (this.target) batchItems.observe({ target: this.target }, items.length);
        try {
          const outcomes = await this.flush(items);
          batch.forEach((entry, i) => {
            const outcome = outcomes[i];
            if (outcome?.ok) entry.resolve(outcome.value);
            else entry.reject(outcome ? outcome.error : new Error('batch flush returned no outcome for this item'));
          });
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private take() {
    const items: I[] = [];
    let count = 0;
    while (count < this.queue.length && (count === 0 || this.fits(items, this.queue[count].item))) {
      items.push(this.queue[count].item);
      count++;
    }
    return this.queue.splice(0, count);
  }
}
