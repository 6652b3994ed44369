import { fixKafkajsRequestQueueTimer, kafkajsRequestQueue } from './kafkajs-request-queue';

const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Queue {
  pending: unknown[];
  checkPendingRequests(): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer | null; size: number }): void;
  maybeThrottle(ms: number): void;
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  destroy(): void;
}

interface Entry {
  correlationId: number;
  resolve: () => void;
  reject: () => void;
}

const entry = (correlationId: number): Entry => ({ correlationId, resolve: jest.fn(), reject: jest.fn() });

type QueueClass = new (options: Record<string, unknown>) => Queue;

/** A fresh copy of kafkajs's class per test, so the unfixed one can be observed too. */
function loadRequestQueue(): QueueClass {
  let RequestQueue: unknown;
  jest.isolateModules(() => {
    RequestQueue = kafkajsRequestQueue();
  });
  return RequestQueue as QueueClass;
}

function queueOf(RequestQueue: QueueClass): Queue {
  return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'localhost:9092', logger });
}

/** Checks of the pending queue in the 100 ms after one response arrived, with nothing held back. */
function checksAfterOneResponse(queue: Queue): number {
  const check = jest.spyOn(queue, 'checkPendingRequests');
  queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
  jest.advanceTimersByTime(100);
  return check.mock.calls.length;
}

describe('kafkajs request-queue timer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is still broken in the installed kafkajs: an idle queue re-checks itself every millisecond (remove the fix once this fails)', () => {
    const queue = queueOf(loadRequestQueue());
    expect(checksAfterOneResponse(queue)).toBeGreaterThan(50);
    queue.destroy();
  });

  it('once fixed, an idle queue checks once per response and leaves no timer behind', () => {
    const RequestQueue = loadRequestQueue();
    fixKafkajsRequestQueueTimer(RequestQueue as never);
    const queue = queueOf(RequestQueue);
    expect(checksAfterOneResponse(queue)).toBe(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('once fixed, a request held back by broker throttling is still sent when the throttle ends', () => {
    const RequestQueue = loadRequestQueue();
    fixKafkajsRequestQueueTimer(RequestQueue as never);
    const queue = queueOf(RequestQueue);
    queue.maybeThrottle(50);
    const sendRequest = jest.fn();
    queue.push({ entry: entry(7), expectResponse: true, sendRequest });
    expect(queue.pending).toHaveLength(1);
    jest.advanceTimersByTime(40);
    expect(sendRequest).not.toHaveBeenCalled();
    jest.advanceTimersByTime(20);
    expect(sendRequest).toHaveBeenCalledTimes(1);
    expect(queue.pending).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('once fixed, a request held back by the in-flight cap is sent when a response frees the slot', () => {
    const RequestQueue = loadRequestQueue();
    fixKafkajsRequestQueueTimer(RequestQueue as never);
    const queue = queueOf(RequestQueue);
    const first = jest.fn();
    const second = jest.fn();
    queue.push({ entry: entry(1), expectResponse: true, sendRequest: first });
    queue.push({ entry: entry(2), expectResponse: true, sendRequest: second });
    expect(second).not.toHaveBeenCalled();
    queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(second).toHaveBeenCalledTimes(1);
    queue.fulfillRequest({ correlationId: 2, payload: null, size: 0 });
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('is applied by loading the messaging library', () => {
    jest.isolateModules(() => {
      require('./kafka-settings');
      const RequestQueue = kafkajsRequestQueue() as unknown as QueueClass;
      expect(checksAfterOneResponse(queueOf(RequestQueue))).toBe(1);
    });
  });
});
