import type { DeadLetter } from './dead-letter-store';
import { holdNothing, planReplay, takenDownHold } from './replay-plan';

const KILLED = '6f1c5e0a-8d2b-5c4e-9a57-2f0d8b1e3c74';
const LIVE = '0f8a1c2e-7a1b-5c3d-9e4f-123456789abc';

const letter = (partition: number, offset: string, articleId: string | null, extra: Partial<DeadLetter> = {}): DeadLetter => ({
  partition, offset, key: articleId, headers: articleId ? { 'article-id': articleId } : {}, originalTopic: 'news.articles.weather.v1',
  value: articleId ? JSON.stringify({ articleId, payload: { article: { id: articleId } } }) : 'poison', ...extra,
});

describe('planReplay', () => {
  const parked = [letter(0, '0', KILLED), letter(0, '1', LIVE), letter(1, '0', null), letter(2, '5', KILLED)];

  it('holds back every selected message of a taken-down article and reports it; the rest go, in topic order', () => {
    const { send, skipped } = planReplay(parked, () => true, takenDownHold(new Set([KILLED])));
    expect(send.map((d) => `${d.partition}:${d.offset}`)).toEqual(['0:1', '1:0']);
    expect(skipped).toEqual([
      { partition: 0, offset: '0', key: KILLED, articleId: KILLED, reason: 'taken-down' },
      { partition: 2, offset: '5', key: KILLED, articleId: KILLED, reason: 'taken-down' },
    ]);
  });

  it('holds back one selected message of a taken-down article, and lets one of an article not listed go', () => {
    const one = (partition: number, offset: string) => (d: DeadLetter) => d.partition === partition && d.offset === offset;
    const hold = takenDownHold(new Set([KILLED]));
    expect(planReplay(parked, one(2, '5'), hold)).toEqual({ send: [], skipped: [expect.objectContaining({ partition: 2, offset: '5', reason: 'taken-down' })] });
    expect(planReplay(parked, one(0, '1'), hold)).toEqual({ send: [parked[1]], skipped: [] });
  });

  it('holds a message whose payload names the taken-down article under another key or header', () => {
    const disguised = letter(0, '7', LIVE, { value: JSON.stringify({ articleId: LIVE, payload: { article: { id: KILLED } } }) });
    expect(planReplay([disguised], () => true, takenDownHold(new Set([KILLED]))).skipped).toEqual([
      { partition: 0, offset: '7', key: LIVE, articleId: KILLED, reason: 'taken-down' },
    ]);
  });

  it('sends everything selected when nothing is held, and never a message without its original topic', () => {
    const { send, skipped } = planReplay([...parked, letter(0, '9', LIVE, { originalTopic: undefined })], () => true, holdNothing);
    expect(send).toHaveLength(4);
    expect(skipped).toEqual([]);
  });
});
