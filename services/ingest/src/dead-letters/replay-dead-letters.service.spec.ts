import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { DeadLetter, DeadLetterStore, planReplay, ReplayHold } from '@newsflow/messaging';
import { TakedownRepository } from '../articles/takedowns/takedown.repository';
import { ReplayDeadLettersService } from './replay-dead-letters.service';

const KILLED = '6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74';
const LIVE = '0f8a1c2e-7a1b-5c3d-9e4f-123456789abc';

const parked = (partition: number, offset: string, articleId: string): DeadLetter => ({
  partition, offset, key: articleId, headers: { 'article-id': articleId, 'dlq-error-code': 'RETRIES_EXHAUSTED' }, originalTopic: 'news.articles.weather.v1',
  value: JSON.stringify({ articleId, payload: { article: { id: articleId } } }),
});

/** The broker side as the store plans it: what would be sent is recorded instead. */
function fakeStore(letters: DeadLetter[]) {
  const sent: DeadLetter[] = [];
  const store = {
    replayChecked: jest.fn(async (_stage: string, select: (d: DeadLetter) => boolean, hold: ReplayHold) => {
      const { send, skipped } = planReplay(letters, select, hold);
      sent.push(...send);
      return { replayed: send.length, skipped };
    }),
  };
  return { store: store as unknown as DeadLetterStore, sent, replayChecked: store.replayChecked };
}

describe('ReplayDeadLettersService', () => {
  let log: jest.SpyInstance;
  beforeEach(() => (log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined)));
  afterEach(() => jest.restoreAllMocks());

  const letters = [parked(0, '0', KILLED), parked(0, '1', LIVE), parked(1, '3', KILLED)];
  const takedowns = (ids: string[]) => ({ listedIds: jest.fn(async () => new Set(ids)) }) as unknown as TakedownRepository;

  it('replays all but the messages of a taken-down article, reports each one it left parked and logs it by id', async () => {
    const { store, sent } = fakeStore(letters);
    const report = await new ReplayDeadLettersService(store, takedowns([KILLED])).replay('indexer', () => true);
    expect(sent.map((d) => d.key)).toEqual([LIVE]);
    expect(report).toEqual({ replayed: 1, skipped: [
      { partition: 0, offset: '0', key: KILLED, articleId: KILLED, reason: 'taken-down' },
      { partition: 1, offset: '3', key: KILLED, articleId: KILLED, reason: 'taken-down' },
    ] });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ msg: 'dead letter not replayed: its article is taken down', stage: 'indexer', partition: 1, offset: '3', articleId: KILLED }));
  });

  it('replays one message of an article not listed as before', async () => {
    const { store, sent } = fakeStore(letters);
    const report = await new ReplayDeadLettersService(store, takedowns([KILLED])).replay('indexer', (d) => d.partition === 0 && d.offset === '1');
    expect(report).toEqual({ replayed: 1, skipped: [] });
    expect(sent).toEqual([letters[1]]);
  });

  it('reads the list afresh for every replay: an article listed since the last one is held', async () => {
    const { store, sent } = fakeStore(letters);
    const listed: string[] = [];
    const repository = { listedIds: async () => new Set(listed) } as unknown as TakedownRepository;
    const service = new ReplayDeadLettersService(store, repository);
    expect((await service.replay('indexer', (d) => d.offset === '0')).replayed).toBe(1);
    listed.push(KILLED);
    expect(await service.replay('indexer', (d) => d.offset === '0')).toMatchObject({ replayed: 0, skipped: [{ articleId: KILLED }] });
    expect(sent).toHaveLength(1);
  });

  it('replays nothing when the takedown list cannot be read', async () => {
    const { store, replayChecked } = fakeStore(letters);
    const unreadable = { listedIds: async () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:27017')) } as unknown as TakedownRepository;
    const refused = new ReplayDeadLettersService(store, unreadable).replay('indexer', () => true);
    await expect(refused).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(refused).rejects.toMatchObject({ response: { rule: 'takedown-list-unavailable', message: expect.stringMatching(/nothing was replayed.*ECONNREFUSED/) } });
    expect(replayChecked).not.toHaveBeenCalled();
  });
});
