/** One item's outcome within a flushed batch. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Joins the calls of concurrent callers into batches: one flush runs at a time, and what callers
 * submit meanwhile goes out together in the next. An idle caller is served at once (no linger); a busy
 * one batches by itself, as far as the store or broker lags behind. Each caller's promise settles
 * with its own item's outcome, so a resolved promise still means "done". A flush that throws fails
 * every item it carried.
 */
export class Coalescer<I, R> {
  private queue: Array<{ item: I; resolve: (value: R) => void; reject: (error: unknown) => void }> = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: I[]) => Promise<Array<Settled<R>>>,
    /** Whether `next` may join a batch already holding `batch` (never asked for the first item). */
    private readonly fits: (batch: I[], next: I) => boolean = () => true,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      // Let the callers of this tick join the first batch too.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.take();
        const items = batch.map((entry) => entry.item);
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
