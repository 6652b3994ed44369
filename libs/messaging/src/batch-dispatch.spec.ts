import { Batch, EachBatchPayload, EachMessagePayload, KafkaMessage } from 'kafkajs';
import { histogramTotals } from '@newsflow/platform';
import { dispatchBatch, HEARTBEAT_WHILE_HANDLING_MS } from './batch-dispatch';

function message(offset: number, key: string | null): KafkaMessage {
  return { offset: String(offset), key: key === null ? null : Buffer.from(key), value: Buffer.from(`m${offset}`), timestamp: '0', attributes: 0, headers: {} } as KafkaMessage;
}

function payloadOf(messages: KafkaMessage[], overrides: Partial<EachBatchPayload> = {}) {
  const resolved: string[] = [];
  const payload = {
    batch: { topic: 't', partition: 0, messages } as unknown as Batch,
    resolveOffset: (offset: string) => resolved.push(offset),
    heartbeat: async () => undefined,
    pause: () => () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: () => true,
    isStale: () => false,
    ...overrides,
  } as EachBatchPayload;
  return { payload, resolved };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));

describe('dispatchBatch', () => {
  it('keeps the offset order of messages with the same key while different keys overlap', async () => {
    const messages = Array.from({ length: 30 }, (_, i) => message(i, `k${i % 4}`));
    const { payload, resolved } = payloadOf(messages);
    const started: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    await dispatchBatch(payload, async ({ message: m }: EachMessagePayload) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      started.push(m.offset);
      await tick();
      inFlight--;
    }, 8);
    expect(started).toHaveLength(30);
    for (let k = 0; k < 4; k++) {
      const ofKey = started.map(Number).filter((o) => o % 4 === k);
      expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
    }
    expect(maxInFlight).toBe(4);
    expect(resolved).toEqual(['29']);
  });

  it('never has more than the concurrency in flight', async () => {
    const messages = Array.from({ length: 50 }, (_, i) => message(i, `k${i}`));
    const { payload } = payloadOf(messages);
    let inFlight = 0;
    let maxInFlight = 0;
    await dispatchBatch(payload, async () => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await tick();
      inFlight--;
    }, 5);
    expect(maxInFlight).toBe(5);
  });

  it('on a failure resolves only up to the last message before which all succeeded, then rethrows', async () => {
    const messages = Array.from({ length: 10 }, (_, i) => message(i, `k${i}`));
    const { payload, resolved } = payloadOf(messages);
    const boom = new Error('store down');
    await expect(dispatchBatch(payload, async ({ message: m }) => {
      await tick();
      if (m.offset === '4') throw boom;
    }, 3)).rejects.toBe(boom);
    expect(resolved).toEqual(['3']);
  });

  it('resolves nothing when the first message fails', async () => {
    const { payload, resolved } = payloadOf([message(7, 'a'), message(8, 'b')]);
    await expect(dispatchBatch(payload, async ({ message: m }) => { if (m.offset === '7') throw new Error('x'); }, 1)).rejects.toThrow('x');
    expect(resolved).toEqual([]);
  });

  it('stops starting messages once the batch is stale (rebalance) and resolves what finished', async () => {
    let stale = false;
    const messages = Array.from({ length: 6 }, (_, i) => message(i, 'same'));
    const { payload, resolved } = payloadOf(messages, { isStale: () => stale });
    const handled: string[] = [];
    await dispatchBatch(payload, async ({ message: m }) => {
      handled.push(m.offset);
      if (m.offset === '2') stale = true;
    }, 4);
    expect(handled).toEqual(['0', '1', '2']);
    expect(resolved).toEqual(['2']);
  });

  it('treats keyless messages as independent and passes the partition and heartbeat through', async () => {
    const heartbeat = jest.fn(async () => undefined);
    const { payload, resolved } = payloadOf([message(0, null), message(1, null)], { heartbeat });
    const seen: EachMessagePayload[] = [];
    await dispatchBatch(payload, async (p) => { seen.push(p); }, 2);
    expect(seen.map((p) => [p.topic, p.partition, p.heartbeat === heartbeat])).toEqual([['t', 0, true], ['t', 0, true]]);
    expect(heartbeat).toHaveBeenCalledTimes(2);
    expect(resolved).toEqual(['1']);
  });

  it('surfaces a rebalance reported by the heartbeat after resolving the finished messages', async () => {
    const rebalance = new Error('The group is rebalancing');
    const { payload, resolved } = payloadOf([message(0, 'a'), message(1, 'a')], { heartbeat: async () => { throw rebalance; } });
    await expect(dispatchBatch(payload, async () => undefined, 2)).rejects.toBe(rebalance);
    expect(resolved).toEqual(['0']);
  });

  it('records how many messages each fetched batch held, by topic', async () => {
    const observed = () => histogramTotals('newsflow_consumer_batch_messages', { topic: 't' });
    const before = await observed();
    await dispatchBatch(payloadOf([message(0, 'a'), message(1, 'b'), message(2, 'a')]).payload, async () => undefined, 4);
    await dispatchBatch(payloadOf([message(3, 'c')]).payload, async () => undefined, 4);
    const after = await observed();
    expect({ count: after.count - before.count, sum: after.sum - before.sum }).toEqual({ count: 2, sum: 4 });
  });

  describe('while a handler runs', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('heartbeats every few seconds, so a long handler does not outlast the session timeout', async () => {
      const heartbeat = jest.fn(async () => undefined);
      const { payload, resolved } = payloadOf([message(0, 'a')], { heartbeat });
      let finish!: () => void;
      const done = dispatchBatch(payload, () => new Promise<void>((resolve) => (finish = resolve)), 4);
      // 40 s of handling, past the 30 s session timeout.
      await jest.advanceTimersByTimeAsync(40_000);
      expect(heartbeat.mock.calls.length).toBe(Math.floor(40_000 / HEARTBEAT_WHILE_HANDLING_MS));
      expect(HEARTBEAT_WHILE_HANDLING_MS).toBeLessThanOrEqual(10_000);
      finish();
      await done;
      expect(resolved).toEqual(['0']);
      // And none once the batch is done.
      const after = heartbeat.mock.calls.length;
      await jest.advanceTimersByTimeAsync(20_000);
      expect(heartbeat.mock.calls.length).toBe(after);
    });

    it('sends one heartbeat at a time and leaves a failed one to the heartbeat after the message', async () => {
      const rebalance = new Error('The group is rebalancing');
      let pending = 0;
      let maxPending = 0;
      const heartbeat = jest.fn(async () => {
        maxPending = Math.max(maxPending, ++pending);
        await new Promise((resolve) => setTimeout(resolve, 2.5 * HEARTBEAT_WHILE_HANDLING_MS));
        pending--;
        throw rebalance;
      });
      const { payload, resolved } = payloadOf([message(0, 'a'), message(1, 'a')], { heartbeat });
      let finish!: () => void;
      const done = dispatchBatch(payload, () => new Promise<void>((resolve) => (finish = resolve)), 1);
      const outcome = done.catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(10 * HEARTBEAT_WHILE_HANDLING_MS);
      expect(maxPending).toBe(1);
      expect(heartbeat.mock.calls.length).toBeGreaterThanOrEqual(3);
      finish();
      await jest.advanceTimersByTimeAsync(3 * HEARTBEAT_WHILE_HANDLING_MS);
      expect(await outcome).toBe(rebalance);
      expect(resolved).toEqual(['0']);
    });
  });
});
