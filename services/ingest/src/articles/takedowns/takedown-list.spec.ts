import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { contentHashOf } from '../article-identity';
import { copyFingerprintOf, takenDownCopiesOf } from './copy-fingerprint';
import { TAKEDOWNS_PROPAGATION_MS, TAKEDOWNS_RELOAD_MS, TakedownList } from './takedown-list';
import { Takedown, TakedownRepository } from './takedown.repository';

const ID = '6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74';
const OTHER = '0f8a1c2e-7a1b-5c3d-9e4f-123456789abc';

const takedown = (id: string, extra: Partial<Takedown> = {}): Takedown =>
  ({ _id: id, takenDownAt: new Date('2026-12-07T10:00:00Z'), correlationId: 'corr-kill', sourceId: 'wire', sourceItemId: 'item-1', ...extra });

/** The store as one collection and a generation token, shared by every "instance" (TakedownList) built on it. */
function memoryStore() {
  const docs = new Map<string, Takedown>();
  const state = { generation: null as string | null, down: false, reads: 0 };
  const up = () => {
    if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoNetworkError' });
  };
  const repository = {
    generation: jest.fn(async () => (up(), state.generation)),
    all: jest.fn(async () => (up(), (state.reads += 1), [...docs.values()])),
    find: async (id: string) => (up(), docs.get(id) ?? null),
    insert: jest.fn(async (t: Takedown) => (up(), docs.has(t._id) ? false : (docs.set(t._id, t), true))),
    delete: async (id: string) => (up(), docs.delete(id)),
    addCopies: jest.fn(async (id: string, copies: { contentHashes: string[]; copyFingerprints: string[] }) => {
      up();
      const listed = docs.get(id);
      if (!listed) return false;
      const union = (held: string[] | undefined, more: string[]) => [...new Set([...(held ?? []), ...more])];
      docs.set(id, { ...listed, contentHashes: union(listed.contentHashes, copies.contentHashes), copyFingerprints: union(listed.copyFingerprints, copies.copyFingerprints) });
      return true;
    }),
    bumpGeneration: async () => (up(), (state.generation = randomUUID()), undefined),
  };
  return { repository, docs, state, instance: () => new TakedownList(repository as unknown as TakedownRepository) };
}

describe('TakedownList', () => {
  let warn: jest.SpyInstance;
  let log: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  const started = async (list: TakedownList) => {
    await list.onModuleInit();
    list.onApplicationShutdown();
    return list;
  };

  it('loads the list before ingest starts, and does not start without it', async () => {
    const store = memoryStore();
    store.docs.set(ID, takedown(ID));
    const list = await started(store.instance());
    expect(list.find(ID)).toMatchObject({ _id: ID, correlationId: 'corr-kill' });
    expect(list.find(OTHER)).toBeUndefined();

    store.state.down = true;
    await expect(store.instance().onModuleInit()).rejects.toThrow(/ECONNREFUSED/);
  });

  it('lists a kill on its own instance at once, before the store has answered', async () => {
    const store = memoryStore();
    const list = await started(store.instance());
    let release: () => void = () => undefined;
    store.repository.insert.mockImplementationOnce((t: Takedown) => new Promise((resolve) => (release = () => resolve((store.docs.set(t._id, t), true)))));
    const adding = list.add(takedown(ID));
    expect(list.find(ID)).toBeDefined();
    release();
    await expect(adding).resolves.toMatchObject({ _id: ID });
    expect(store.docs.has(ID)).toBe(true);
  });

  it('keeps the first takedown\'s record when the article is taken down again', async () => {
    const store = memoryStore();
    const list = await started(store.instance());
    await list.add(takedown(ID, { reason: 'Court order 1' }));
    const again = await list.add(takedown(ID, { reason: 'Court order 2', correlationId: 'corr-2' }));
    expect(again).toMatchObject({ reason: 'Court order 1', correlationId: 'corr-kill' });
    expect(list.find(ID)?.reason).toBe('Court order 1');
    expect(store.docs.get(ID)?.reason).toBe('Court order 1');
  });

  it('picks up another instance\'s kill and lift on its next poll, and rereads the list only when it changed', async () => {
    const store = memoryStore();
    const here = await started(store.instance());
    const there = await started(store.instance());
    await here.refresh();
    const reads = store.state.reads;
    await here.refresh();
    expect(store.state.reads).toBe(reads);

    await there.add(takedown(ID));
    expect(here.find(ID)).toBeUndefined();
    await here.refresh();
    expect(here.find(ID)).toBeDefined();
    expect(store.state.reads).toBe(reads + 1);

    await expect(there.lift(ID)).resolves.toMatchObject({ _id: ID });
    expect(there.find(ID)).toBeUndefined();
    await here.refresh();
    expect(here.find(ID)).toBeUndefined();
  });

  it('rereads the list now and then also without a new generation (one whose write failed)', async () => {
    const store = memoryStore();
    const list = await started(store.instance());
    store.docs.set(ID, takedown(ID));
    const now = Date.now();
    await list.refresh(now + 1000);
    expect(list.find(ID)).toBeUndefined();
    await list.refresh(now + TAKEDOWNS_RELOAD_MS + 1000);
    expect(list.find(ID)).toBeDefined();
  });

  it('does not let a reread that began before its own kill drop it', async () => {
    const store = memoryStore();
    const list = await started(store.instance());
    await store.repository.bumpGeneration();
    let release: () => void = () => undefined;
    store.repository.all.mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve([]))));
    const refreshing = list.refresh();
    await new Promise((resolve) => setImmediate(resolve));
    await list.add(takedown(ID));
    release();
    await refreshing;
    expect(list.find(ID)).toBeDefined();
    // The next poll reads the list as it now is, the kill included.
    await list.refresh();
    expect(list.find(ID)).toBeDefined();
  });

  it('keeps the last list while the store is away, and says so once per outage', async () => {
    const store = memoryStore();
    store.docs.set(ID, takedown(ID));
    const list = await started(store.instance());
    store.state.down = true;
    await list.refresh();
    await list.refresh(Date.now() + TAKEDOWNS_RELOAD_MS * 2);
    await list.refresh();
    expect(list.find(ID)).toBeDefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ msg: expect.stringMatching(/last read stays in force/), takedowns: 1 });

    store.state.down = false;
    await list.refresh();
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ msg: 'takedown list read again' }));
    store.state.down = true;
    await list.refresh();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  describe('the taken-down copy', () => {
    const copy = { headline: 'Court hears Ellerbrook claim', body: 'A defamation claim was heard on Tuesday.' };
    const asSent = (headline: string, body: string) => ({ headline, body, contentHash: contentHashOf(headline, body) });
    const withCopy = (id: string) => takedown(id, takenDownCopiesOf([{ ...asSent(copy.headline, copy.body), pubStatus: 'usable' }]));

    it('finds the takedown by the copy under any id: as sent, and with case, spacing or invisible characters changed', async () => {
      const list = await started(memoryStore().instance());
      await list.add(withCopy(ID));
      expect(list.findCopy(asSent(copy.headline, copy.body))?._id).toBe(ID);
      expect(list.findCopy(asSent(copy.headline.toUpperCase(), copy.body.replace('claim', 'cla\u200Bim').replace(/ /g, '\u00A0 ')))?._id).toBe(ID);
      expect(list.findCopy(asSent(copy.headline, 'A defamation claim was dismissed on Tuesday.'))).toBeUndefined();
    });

    it('reads the fingerprints with the list on another instance, and lifting takes them away everywhere', async () => {
      const store = memoryStore();
      const here = await started(store.instance());
      const there = await started(store.instance());
      await there.add(withCopy(ID));
      expect(here.findCopy(asSent(copy.headline, copy.body))).toBeUndefined();
      await here.refresh();
      expect(here.findCopy(asSent(copy.headline, `  ${copy.body}`))?._id).toBe(ID);

      await there.lift(ID);
      expect(there.findCopy(asSent(copy.headline, copy.body))).toBeUndefined();
      await here.refresh();
      expect(here.findCopy(asSent(copy.headline, copy.body))).toBeUndefined();
    });

    it('keeps another takedown of the same copy when one is lifted', async () => {
      const list = await started(memoryStore().instance());
      await list.add(withCopy(ID));
      await list.add(withCopy(OTHER));
      await list.lift(OTHER);
      expect(list.findCopy(asSent(copy.headline, copy.body))?._id).toBe(ID);
    });

    it('adds the copies an entry lacks, here at once and on another instance at its next poll, and only what is new', async () => {
      const store = memoryStore();
      store.docs.set(ID, takedown(ID));
      const here = await started(store.instance());
      const there = await started(store.instance());
      const copies = takenDownCopiesOf([{ ...asSent(copy.headline, copy.body), pubStatus: 'usable' }]);
      await here.addCopies(ID, copies);
      expect(here.findCopy(asSent(copy.headline, copy.body))?._id).toBe(ID);
      expect(store.docs.get(ID)).toMatchObject(copies);
      await there.refresh();
      expect(there.findCopy(asSent(copy.headline, ` ${copy.body}`))?._id).toBe(ID);
      await here.addCopies(ID, copies);
      expect(store.repository.addCopies).toHaveBeenCalledTimes(1);
    });

    it('adds no copies to an article lifted meanwhile', async () => {
      const store = memoryStore();
      const list = await started(store.instance());
      await list.addCopies(ID, takenDownCopiesOf([{ ...asSent(copy.headline, copy.body), pubStatus: 'usable' }]));
      expect(store.repository.addCopies).not.toHaveBeenCalled();
      expect(list.findCopy(asSent(copy.headline, copy.body))).toBeUndefined();
    });

    it('works by id alone for an entry listed before fingerprints were kept, and then makes no fingerprint of a submission', async () => {
      const store = memoryStore();
      store.docs.set(ID, takedown(ID));
      const list = await started(store.instance());
      expect(list.find(ID)).toBeDefined();
      const submission = asSent(copy.headline, copy.body);
      const normalize = jest.spyOn(String.prototype, 'normalize');
      expect(list.findCopy(submission)).toBeUndefined();
      expect(normalize).not.toHaveBeenCalled();
      await list.add(withCopy(OTHER));
      expect(list.findCopy({ ...submission, contentHash: 'other' })?._id).toBe(OTHER);
      expect(normalize).toHaveBeenCalled();
      expect(withCopy(OTHER).copyFingerprints).toEqual([copyFingerprintOf(copy.headline, copy.body)]);
    });
  });

  it('logs the first refusal by copy apart from the first by id', async () => {
    const list = await started(memoryStore().instance());
    await list.add(takedown(ID));
    expect(list.firstRefusal(ID, 'copy')).toBe(true);
    expect(list.firstRefusal(ID)).toBe(true);
    expect(list.firstRefusal(ID, 'copy')).toBe(false);
    await list.lift(ID);
    await list.add(takedown(ID));
    expect(list.firstRefusal(ID, 'copy')).toBe(true);
  });

  it('answers null when lifting an article that is not listed', async () => {
    const list = await started(memoryStore().instance());
    await expect(list.lift(ID)).resolves.toBeNull();
  });

  it('reports the first refusal of a takedown once, and again after it was lifted and listed anew', async () => {
    const list = await started(memoryStore().instance());
    await list.add(takedown(ID));
    expect(list.firstRefusal(ID)).toBe(true);
    expect(list.firstRefusal(ID)).toBe(false);
    await list.lift(ID);
    await list.add(takedown(ID));
    expect(list.firstRefusal(ID)).toBe(true);
  });

  it('resolves propagated once every instance has had time to read a new takedown, and at once for an older one', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T10:00:00Z') });
    try {
      const list = memoryStore().instance();
      let done = false;
      const waiting = list.propagated({ takenDownAt: new Date() }).then(() => (done = true));
      await jest.advanceTimersByTimeAsync(TAKEDOWNS_PROPAGATION_MS - 100);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(100);
      await waiting;
      expect(done).toBe(true);
      await list.propagated({ takenDownAt: new Date(Date.now() - TAKEDOWNS_PROPAGATION_MS) });
    } finally {
      jest.useRealTimers();
    }
  });
});
