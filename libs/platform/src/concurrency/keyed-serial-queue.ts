/**
 * Runs tasks that share a key one after another, in the order they were queued; tasks of different
 * keys run side by side. A task that fails does not hold up the ones behind it.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    // The map holds only keys with a task queued or running.
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return result;
  }

  get keys(): number {
    return this.tails.size;
  }
}
