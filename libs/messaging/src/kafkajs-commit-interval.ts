/**
 * kafkajs 2.2.4, its latest release, commits a consumer's offsets after every batch whatever
 * `autoCommitInterval` says: its runner calls `autoCommitOffsets()` once each batch is handled, and
 * the interval only adds commits between the messages of an eachMessage loop. Below saturation a
 * stage's batch is mostly one message, so the four groups sent 1.0–1.1 offset commits per article,
 * more than produce requests, each one a write to `__consumer_offsets` and a round trip before the
 * partition's next batch (bench/README.md, "Offset commits").
 *
 * With an interval (or a threshold) set, this makes the commit after a batch honour it, as Kafka's own
 * consumer does with `auto.commit.interval.ms`, and keeps the commits that bound redelivery:
 * - everything resolved is committed when the group rebalances (kafkajs's heartbeat path, as before)
 *   and before the consumer leaves the group (a stop or a drain), so a successor starts where this one
 *   finished;
 * - the heartbeat, which kafkajs sends after every batch and every empty fetch, also commits once the
 *   interval has passed, so an idle consumer's last offsets do not wait for the next message.
 * A crash can redeliver what was handled within the last interval; the stages' inboxes skip it.
 * Without an interval or threshold kafkajs behaves as it always did (tests, tools, the bench's relay).
 * Remove this when a kafkajs release honours the interval (the spec tells).
 */

export interface ConsumerGroupInternals {
  autoCommit: boolean;
  autoCommitInterval: number | null;
  autoCommitThreshold: number | null;
  logger?: { warn(message: string, extra?: Record<string, unknown>): void };
  commitOffsets(offsets?: unknown): Promise<void>;
  commitOffsetsIfNecessary(): Promise<void>;
  heartbeat(options: { interval: number }): Promise<unknown>;
  leave(): Promise<void>;
}

export interface RunnerInternals {
  autoCommit: boolean;
  heartbeatInterval: number;
  consumerGroup: ConsumerGroupInternals;
  autoCommitOffsets(): Promise<void> | undefined;
  heartbeat(): Promise<void>;
}

type RunnerClass = { prototype: RunnerInternals & { [AMENDED]?: true } };
type ConsumerGroupClass = { prototype: ConsumerGroupInternals & { [AMENDED]?: true } };

const AMENDED = Symbol.for('newsflow.kafkajs.commitInterval');

const paced = (group: ConsumerGroupInternals) => group.autoCommitInterval != null || group.autoCommitThreshold != null;

const commitsOnTheWay = new WeakMap<ConsumerGroupInternals, Promise<void>>();

/**
 * kafkajs restarts the interval only when a commit's response is in, so every heartbeat and batch
 * that ends meanwhile (one per message, sixteen at a time) would find it due and send another: ~0.3
 * commits per article from the stages in the bench, instead of a few a second. They join the one on
 * its way instead; what they resolved after it left goes with the next.
 */
function commitIfDue(group: ConsumerGroupInternals): Promise<void> {
  const onTheWay = commitsOnTheWay.get(group);
  if (onTheWay) return onTheWay;
  const commit = group.commitOffsetsIfNecessary().finally(() => commitsOnTheWay.delete(group));
  commitsOnTheWay.set(group, commit);
  return commit;
}

function autoCommitOffsets(this: RunnerInternals): Promise<void> | undefined {
  if (!this.autoCommit) return undefined;
  return paced(this.consumerGroup) ? commitIfDue(this.consumerGroup) : this.consumerGroup.commitOffsets();
}

function heartbeatWith(isRebalancing: (error: unknown) => boolean) {
  return async function heartbeat(this: RunnerInternals): Promise<void> {
    const group = this.consumerGroup;
    try {
      await group.heartbeat({ interval: this.heartbeatInterval });
    } catch (error) {
      // Before the partitions move to another member: all that is resolved, whatever the interval.
      if (isRebalancing(error) && this.autoCommit) await group.commitOffsets();
      throw error;
    }
    if (this.autoCommit && paced(group)) await commitIfDue(group);
  };
}

function leaveAfterCommitting(leave: ConsumerGroupInternals['leave']) {
  return async function leaveGroup(this: ConsumerGroupInternals): Promise<void> {
    if (this.autoCommit && paced(this)) {
      // A failed commit must not keep the member in the group: its partitions would wait for the session timeout.
      await this.commitOffsets().catch((error: unknown) =>
        this.logger?.warn('Could not commit offsets before leaving the group; the next member gets them again', { error: String(error) }));
    }
    return leave.call(this);
  };
}

/** kafkajs's Runner and ConsumerGroup classes and its rebalance test (not its public API, hence the requires of its files). */
export function kafkajsConsumerInternals(): { Runner: RunnerClass; ConsumerGroup: ConsumerGroupClass; isRebalancing: (error: unknown) => boolean } {
  return {
    Runner: require('kafkajs/src/consumer/runner') as RunnerClass,
    ConsumerGroup: require('kafkajs/src/consumer/consumerGroup') as ConsumerGroupClass,
    isRebalancing: (require('kafkajs/src/errors') as { isRebalancing: (error: unknown) => boolean }).isRebalancing,
  };
}

/** Idempotent; consumers already created get it too (they share the prototypes). */
export function paceKafkajsAutoCommits(internals = kafkajsConsumerInternals()): void {
  const { Runner, ConsumerGroup, isRebalancing } = internals;
  if (Runner.prototype[AMENDED]) return;
  Runner.prototype.autoCommitOffsets = autoCommitOffsets;
  Runner.prototype.heartbeat = heartbeatWith(isRebalancing);
  ConsumerGroup.prototype.leave = leaveAfterCommitting(ConsumerGroup.prototype.leave);
  Runner.prototype[AMENDED] = true;
}
