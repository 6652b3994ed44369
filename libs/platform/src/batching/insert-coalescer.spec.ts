import { InsertCoalescer, InsertManyTarget } from './insert-coalescer';

/** Records each insertMany's documents; every document is new. */
function recordingTarget(): InsertManyTarget<{ _id: string }> & { batches: string[][] } {
  const batches: string[][] = [];
  return { batches, collectionName: 'spec', insertMany: async (documents) => void batches.push(documents.map((d) => d._id)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InsertCoalescer', () => {
  it('without a linger, writes an idle collection\'s insert at once: one a few ms later goes alone', async () => {
    const target = recordingTarget();
    const inserts = new InsertCoalescer(target);
    const first = inserts.insert({ _id: 'a' });
    await pause(15);
    await Promise.all([first, inserts.insert({ _id: 'b' })]);
    expect(target.batches).toEqual([['a'], ['b']]);
  });

  it('with a linger, an insert a few ms after an idle collection\'s first shares its insertMany', async () => {
    const target = recordingTarget();
    const inserts = new InsertCoalescer(target, { lingerMs: 60 });
    const first = inserts.insert({ _id: 'a' });
    await pause(15);
    await expect(Promise.all([first, inserts.insert({ _id: 'b' })])).resolves.toEqual([true, true]);
    expect(target.batches).toEqual([['a', 'b']]);
  });

  it('keeps to maxDocuments whatever the linger', async () => {
    const target = recordingTarget();
    const inserts = new InsertCoalescer(target, { maxDocuments: 2, lingerMs: 20 });
    await Promise.all(['a', 'b', 'c'].map((_id) => inserts.insert({ _id })));
    expect(target.batches).toEqual([['a', 'b'], ['c']]);
  });
});
