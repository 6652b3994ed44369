import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what the last full collection kept, as a percentage
 * (V8's `--heap-growing-percent`): 200 = up to 3 × the live heap before the next one.
 *
 * Why a service sets it: V8 picks that factor from the heap cap, and every service runs with a cap
 * under 256 MB (`nodeOptions`, for the memory target), which gets the smallest factor, 1.3. With a
 * 32 MB young generation that leaves less room than one scavenge may promote, so incremental marking
 * started again right after each full collection: a mark-compact every ~0.5 s on a ~40 MB heap, and
 * a third of each service's CPU in the garbage collector under load (bench/README.md, "Heap growth").
 * The cap still bounds the heap; this only spaces full collections out below it.
 *
 * Node does not accept this flag in NODE_OPTIONS, so it is set at start-up; V8 reads it each time it
 * sizes the heap after a full collection, and it applies to the process's worker threads too.
 * 0 leaves V8's own choice.
 */
export function setHeapGrowingPercent(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growing percent must be a whole number ≥ 0, got ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
