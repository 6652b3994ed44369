/**
 * In-process request coalescing: while a call for a key is running, every other caller for that key
 * gets the same promise instead of starting its own. A thousand articles about one city arriving
 * together therefore cost one cache read and at most one upstream request. Failures are shared too
 * and not remembered, so the next caller after a failure tries afresh.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, fn: () => Promise<T>): { promise: Promise<T>; joined: boolean } {
    const running = this.inFlight.get(key);
    if (running) return { promise: running, joined: true };
    const promise = (async () => fn())().finally(() => {
      if (this.inFlight.get(key) === promise) this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return { promise, joined: false };
  }

  get size(): number {
    return this.inFlight.size;
  }
}
