import { addToLogContext, currentLogContext, runWithLogContext } from './log-context';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('log context', () => {
  it('is empty outside a handled message or request', () => {
    expect(currentLogContext()).toEqual({});
  });

  it('follows the handler through awaits, timers and promise chains', async () => {
    const seen = await runWithLogContext({ traceId: 't1', articleId: 'a1' }, async () => {
      await tick();
      const inTimer = await new Promise((resolve) => setTimeout(() => resolve(currentLogContext()), 1));
      const inChain = await Promise.resolve().then(() => currentLogContext());
      return { inTimer, inChain, after: currentLogContext() };
    });
    for (const context of Object.values(seen)) expect(context).toEqual({ traceId: 't1', articleId: 'a1' });
    expect(currentLogContext()).toEqual({});
  });

  it('keeps concurrent handlers apart', async () => {
    const run = (id: string) =>
      runWithLogContext({ articleId: id }, async () => {
        await tick();
        return currentLogContext().articleId;
      });
    expect(await Promise.all([run('a'), run('b'), run('c')])).toEqual(['a', 'b', 'c']);
  });

  it('merges a nested context over the outer one and ignores empty fields', () => {
    runWithLogContext({ traceId: 't1', correlationId: 'c1' }, () => {
      runWithLogContext({ articleId: 'a1', correlationId: undefined, traceId: '' }, () => {
        expect(currentLogContext()).toEqual({ traceId: 't1', correlationId: 'c1', articleId: 'a1' });
      });
    });
  });

  it('adds fields learnt mid-way to the current context only', async () => {
    await runWithLogContext({ traceId: 't1' }, async () => {
      await tick();
      addToLogContext({ articleId: 'late' });
      await tick();
      expect(currentLogContext()).toEqual({ traceId: 't1', articleId: 'late' });
    });
    addToLogContext({ articleId: 'nowhere' });
    expect(currentLogContext()).toEqual({});
  });
});
