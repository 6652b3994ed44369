/**
 * Runs tasks with at most `concurrency` at a time, but tasks sharing a key one after another in
 * their original order (versions of one story must be accepted in the order they were sent).
 */
export async function runInKeyOrder<T>(tasks: Array<{ key: string; run: () => Promise<T> }>, concurrency: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  const queues = new Map<string, number[]>();
  tasks.forEach((task, index) => queues.set(task.key, [...(queues.get(task.key) ?? []), index]));
  const lanes = [...queues.values()];
  let next = 0;
  const worker = async () => {
    while (next < lanes.length) {
      const lane = lanes[next++];
      for (const index of lane) results[index] = await tasks[index].run();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, worker));
  return results;
}
