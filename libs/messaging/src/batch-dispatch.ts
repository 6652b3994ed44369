import { histogram } from '@newsflow/platform';
import { EachBatchPayload, EachMessagePayload, KafkaMessage } from 'kafkajs';

/** Messages per fetched batch: below load mostly 1, and what each fetch and offset commit is shared by. */
const batchMessages = histogram('newsflow_consumer_batch_messages', 'Messages per batch fetched from a partition', ['topic'],
  [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);

/**
 * While a handler runs: kafkajs heartbeats only between batches, and one slow message (an article
 * whose extraction takes a while) must not outlast the 30 s session timeout and get the member evicted.
 */
export const HEARTBEAT_WHILE_HANDLING_MS = 3_000;

/**
 * Handles one fetched batch of a partition with up to `concurrency` messages in flight, keeping
 * Kafka's ordering guarantee where it matters: messages with the same key (an article id) run one
 * after another in offset order; different keys overlap. That lets the stage's sends, inbox checks and
 * writes of many articles share round trips instead of one message paying for each in turn.
 *
 * The offset is resolved only up to the last message before which everything succeeded, so a failure
 * or a rebalance mid-batch leaves the rest uncommitted and redelivered (the inbox skips what already
 * finished). The first failure stops new work, and is rethrown once what runs has settled, so
 * kafkajs handles it the way it handles a failing eachMessage. While messages are in flight the member
 * heartbeats every HEARTBEAT_WHILE_HANDLING_MS, as a retry's wait does.
 */
export async function dispatchBatch(
  payload: EachBatchPayload,
  handleOne: (message: EachMessagePayload) => Promise<unknown>,
  concurrency: number,
): Promise<void> {
  const { batch, heartbeat, pause, resolveOffset, isRunning, isStale } = payload;
  batchMessages.observe({ topic: batch.topic }, batch.messages.length);
  const chains = chainsByKey(batch.messages);
  const done = new Set<KafkaMessage>();
  let failure: { error: unknown } | undefined;
  const halted = () => failure !== undefined || !isRunning() || isStale();

  let next = 0;
  const worker = async () => {
    while (next < chains.length && !halted()) {
      const chain = chains[next++];
      for (const message of chain) {
        if (halted()) return;
        try {
          await handleOne({ topic: batch.topic, partition: batch.partition, message, heartbeat, pause });
        } catch (error) {
          failure ??= { error };
          return;
        }
        done.add(message);
        try {
          await heartbeat();
        } catch (error) {
          // A rebalance: kafkajs must see it to rejoin, after the finished prefix is resolved.
          failure ??= { error };
          return;
        }
      }
    }
  };
  const stopHeartbeats = heartbeatEvery(HEARTBEAT_WHILE_HANDLING_MS, heartbeat);
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, chains.length)) }, worker));
  } finally {
    stopHeartbeats();
  }

  const lastDone = contiguousPrefixEnd(batch.messages, done);
  if (lastDone) resolveOffset(lastDone.offset);
  if (failure) throw failure.error;
}

/**
 * Heartbeats on a timer, one at a time, until stopped. A failure is ignored here, as the retry wait
 * does: the heartbeat after the message in flight meets the same rebalance and surfaces it.
 */
function heartbeatEvery(ms: number, heartbeat: () => Promise<void>): () => void {
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return;
    pending = true;
    heartbeat().catch(() => undefined).finally(() => { pending = false; });
  }, ms);
  return () => clearInterval(timer);
}

/** Messages grouped by key, each group in offset order; groups ordered by their first message. */
function chainsByKey(messages: KafkaMessage[]): KafkaMessage[][] {
  const byKey = new Map<string, KafkaMessage[]>();
  const chains: KafkaMessage[][] = [];
  for (const message of messages) {
    // Keyless messages carry no per-article order; each is its own chain.
    if (message.key === null || message.key === undefined) {
      chains.push([message]);
      continue;
    }
    const key = message.key.toString('latin1');
    let chain = byKey.get(key);
    if (!chain) {
      chain = [];
      byKey.set(key, chain);
      chains.push(chain);
    }
    chain.push(message);
  }
  return chains;
}

function contiguousPrefixEnd(messages: KafkaMessage[], done: Set<KafkaMessage>): KafkaMessage | undefined {
  let last: KafkaMessage | undefined;
  for (const message of messages) {
    if (!done.has(message)) break;
    last = message;
  }
  return last;
}
