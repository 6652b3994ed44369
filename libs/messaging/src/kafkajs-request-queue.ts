/**
 * kafkajs 2.2.4, its latest release, re-arms a timer in every broker connection's request queue each
 * time the queue is checked, whether or not a request waits (tulios/kafkajs#1556, #1704; the fix
 * proposed in #1667 was never released). With nothing throttled the delay is negative, so once a
 * connection has had its first response it wakes its process every millisecond for as long as it
 * lives: fed 20 articles a second, the weather stage waited in epoll 9,748 times in 6 s (strace),
 * and 2,350 times with this fix.
 *
 * The timer exists for requests held back (by the in-flight cap or broker throttling), so it is
 * armed only while one is: after a throttle it fires when the throttle ends, otherwise every
 * CHECK_PENDING_REQUESTS_INTERVAL as kafkajs does. A response, a timeout and a new request check the
 * queue anyway. Remove this when a kafkajs release fixes it (the spec tells).
 */

/** kafkajs's private interval (ms) for re-checking held-back requests. */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;

export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: ReturnType<typeof setTimeout> | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const FIXED = Symbol.for('newsflow.kafkajs.requestQueueTimerFixed');

type RequestQueueClass = { prototype: RequestQueueInternals & { [FIXED]?: true } };

function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL);
}

/** kafkajs's RequestQueue class (not part of its public API, hence the require of its file). */
export function kafkajsRequestQueue(): RequestQueueClass {
  return require('kafkajs/src/network/requestQueue') as RequestQueueClass;
}

/** Idempotent; applies to queues already created too (they share the prototype). */
export function fixKafkajsRequestQueueTimer(RequestQueue: RequestQueueClass = kafkajsRequestQueue()): void {
  if (RequestQueue.prototype[FIXED]) return;
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
  RequestQueue.prototype[FIXED] = true;
}
