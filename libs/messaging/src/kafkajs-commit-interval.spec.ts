import { ConsumerGroupInternals, kafkajsConsumerInternals, paceKafkajsAutoCommits, RunnerInternals } from './kafkajs-commit-interval';

type Internals = ReturnType<typeof kafkajsConsumerInternals>;

/** Fresh copies of kafkajs's classes per test, so the unamended ones can be observed too. */
function loadInternals(): Internals {
  let internals: unknown;
  jest.isolateModules(() => {
    internals = kafkajsConsumerInternals();
  });
  return internals as Internals;
}

/** A consumer group whose broker calls are spies; `interval` null is kafkajs's default (no pacing). */
function groupOf({ ConsumerGroup }: Internals, interval: number | null, heartbeat: () => Promise<unknown> = async () => undefined) {
  const calls: string[] = [];
  const group = Object.create(ConsumerGroup.prototype) as ConsumerGroupInternals & { memberId: string | null; coordinator: unknown };
  Object.assign(group, {
    autoCommit: true,
    autoCommitInterval: interval,
    autoCommitThreshold: null,
    groupId: 'g',
    memberId: 'm-1',
    logger: { warn: jest.fn() },
    coordinator: { leaveGroup: jest.fn(async () => void calls.push('leave')) },
    commitOffsets: jest.fn(async () => void calls.push('commit')),
    commitOffsetsIfNecessary: jest.fn(async () => void calls.push('commit-if-due')),
    heartbeat: jest.fn(heartbeat),
  });
  return { group, calls };
}

function runnerOf({ Runner }: Internals, group: ConsumerGroupInternals): RunnerInternals {
  return Object.assign(Object.create(Runner.prototype) as RunnerInternals, { autoCommit: true, heartbeatInterval: 3000, consumerGroup: group });
}

const rebalancing = () => Object.assign(new Error('The group is rebalancing'), { type: 'REBALANCE_IN_PROGRESS' });

describe('kafkajs commit interval', () => {
  it('is still missing from the installed kafkajs: a batch commits although an interval is set (remove the amendment once this fails)', async () => {
    const internals = loadInternals();
    const { group, calls } = groupOf(internals, 1000);
    await runnerOf(internals, group).autoCommitOffsets();
    expect(calls).toEqual(['commit']);
  });

  it('once amended, the commit after a batch waits for the interval, and without one commits as kafkajs did', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const paced = groupOf(internals, 1000);
    await runnerOf(internals, paced.group).autoCommitOffsets();
    expect(paced.calls).toEqual(['commit-if-due']);

    const unpaced = groupOf(internals, null);
    await runnerOf(internals, unpaced.group).autoCommitOffsets();
    expect(unpaced.calls).toEqual(['commit']);
  });

  it('commits everything resolved when the heartbeat finds the group rebalancing, and rethrows for kafkajs to rejoin', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const { group, calls } = groupOf(internals, 1000, async () => { throw rebalancing(); });
    await expect(runnerOf(internals, group).heartbeat()).rejects.toMatchObject({ type: 'REBALANCE_IN_PROGRESS' });
    expect(calls).toEqual(['commit']);
  });

  it('commits nothing on any other heartbeat failure', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const { group, calls } = groupOf(internals, 1000, async () => { throw new Error('connection closed'); });
    await expect(runnerOf(internals, group).heartbeat()).rejects.toThrow('connection closed');
    expect(calls).toEqual([]);
  });

  it('lets a heartbeat commit once the interval is due, so an idle consumer catches up; not without an interval', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const paced = groupOf(internals, 1000);
    await runnerOf(internals, paced.group).heartbeat();
    expect(paced.calls).toEqual(['commit-if-due']);

    const unpaced = groupOf(internals, null);
    await runnerOf(internals, unpaced.group).heartbeat();
    expect(unpaced.calls).toEqual([]);
  });

  it('sends one paced commit at a time: batches and heartbeats that end while it is on its way join it', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const { group } = groupOf(internals, 1000);
    let answer!: () => void;
    (group.commitOffsetsIfNecessary as jest.Mock).mockImplementationOnce(() => new Promise<void>((resolve) => (answer = resolve)));
    const runner = runnerOf(internals, group);
    const waiting = [runner.autoCommitOffsets(), runner.heartbeat(), runner.heartbeat(), runner.autoCommitOffsets()];
    await new Promise(setImmediate); // every heartbeat has reached its commit by now
    expect(group.commitOffsetsIfNecessary).toHaveBeenCalledTimes(1);
    answer();
    await Promise.all(waiting);
    // Once it is answered, the next batch asks again (and kafkajs decides whether the interval is up).
    await runner.autoCommitOffsets();
    expect(group.commitOffsetsIfNecessary).toHaveBeenCalledTimes(2);
  });

  it('commits before leaving the group, and leaves even when that commit fails', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const { group, calls } = groupOf(internals, 1000);
    await group.leave();
    expect(calls).toEqual(['commit', 'leave']);

    const failing = groupOf(internals, 1000);
    (failing.group.commitOffsets as jest.Mock).mockRejectedValueOnce(new Error('coordinator gone'));
    await failing.group.leave();
    expect(failing.calls).toEqual(['leave']);
    expect(failing.group.logger?.warn).toHaveBeenCalledWith(expect.stringContaining('Could not commit offsets'), { error: 'Error: coordinator gone' });

    const unpaced = groupOf(internals, null);
    await unpaced.group.leave();
    expect(unpaced.calls).toEqual(['leave']);
  });

  it('amends once, however often it is called', async () => {
    const internals = loadInternals();
    paceKafkajsAutoCommits(internals);
    const { heartbeat } = internals.Runner.prototype;
    const { leave } = internals.ConsumerGroup.prototype;
    paceKafkajsAutoCommits(internals);
    expect(internals.Runner.prototype.heartbeat).toBe(heartbeat);
    expect(internals.ConsumerGroup.prototype.leave).toBe(leave);
  });
});
