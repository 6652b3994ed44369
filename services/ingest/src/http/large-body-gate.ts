/** A turn at handling a large body: `granted` resolves when it is this one's turn; `release` ends it, or leaves the queue. */
export interface Turn {
  granted: Promise<void>;
  release(): void;
}

/**
 * At most `atOnce` large submissions handled at a time, the others waiting in arrival order. Handling
 * a body costs 10–20 times its size in memory (decoded text, the parsed and normalised article,
 * bodyHtml, shingles, the stored BSON and the Kafka message), so sixteen 2 MB articles at once took
 * ingest to 399 MB; their bodies alone, waiting here, are bounded by the submission budget.
 */
export class LargeBodyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly atOnce: number) {}

  get queued(): number {
    return this.waiting.length;
  }

  enter(): Turn {
    let state: 'waiting' | 'active' | 'done' = 'waiting';
    let grant: () => void = () => undefined;
    const granted = new Promise<void>((resolve) => {
      grant = () => {
        state = 'active';
        this.active += 1;
        resolve();
      };
    });
    if (this.active < this.atOnce) grant();
    else this.waiting.push(grant);
    return {
      granted,
      release: () => {
        if (state === 'waiting') this.waiting.splice(this.waiting.indexOf(grant), 1);
        if (state === 'active') {
          this.active -= 1;
          this.waiting.shift()?.();
        }
        state = 'done';
      },
    };
  }
}
