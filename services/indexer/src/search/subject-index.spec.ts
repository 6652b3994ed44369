import { SubjectIndex } from './subject-index';

describe('SubjectIndex', () => {
  it('numbers keys in the order first seen and finds only keys it was given', () => {
    const subjects = new SubjectIndex();
    expect([subjects.idOf('place:1'), subjects.idOf('paris'), subjects.idOf('place:1')]).toEqual([0, 1, 0]);
    expect(subjects.find('paris')).toBe(1);
    expect(subjects.find('lyon')).toBeUndefined();
  });

  it('lists each key’s slots in slot order, keys interleaved', () => {
    const subjects = new SubjectIndex();
    const [a, b] = [subjects.idOf('a'), subjects.idOf('b')];
    for (const slot of [0, 1, 2, 5, 9]) subjects.add(a, slot);
    for (const slot of [1, 5, 7]) subjects.add(b, slot);
    expect(subjects.slots(a)).toEqual([0, 1, 2, 5, 9]);
    expect(subjects.slots(b)).toEqual([1, 5, 7]);
  });

  it('takes slots out from the head, the middle and the tail, and appends after a removed tail', () => {
    const subjects = new SubjectIndex();
    const key = subjects.idOf('k');
    for (const slot of [1, 2, 3, 4]) subjects.add(key, slot);
    subjects.remove(key, 1);
    subjects.remove(key, 3);
    subjects.remove(key, 4);
    subjects.remove(key, 8);
    expect(subjects.slots(key)).toEqual([2]);
    subjects.add(key, 6);
    expect(subjects.slots(key)).toEqual([2, 6]);
    subjects.remove(key, 2);
    subjects.remove(key, 6);
    expect(subjects.slots(key)).toEqual([]);
    subjects.add(key, 10);
    expect(subjects.slots(key)).toEqual([10]);
  });

  it('reuses removed entries instead of growing while articles are replaced', () => {
    const subjects = new SubjectIndex();
    const keys = Array.from({ length: 40 }, (_, i) => subjects.idOf(`key-${i}`));
    for (const key of keys) subjects.add(key, 0);
    const grown = (subjects as unknown as { slotOf: { length: number } }).slotOf.length;
    // 1,000 versions of one article, each replacing the one before under the same 40 keys.
    for (let slot = 1; slot <= 1000; slot += 1) {
      for (const key of keys) subjects.remove(key, slot - 1);
      for (const key of keys) subjects.add(key, slot);
    }
    expect((subjects as unknown as { slotOf: { length: number } }).slotOf.length).toBe(grown);
    expect(keys.map((key) => subjects.slots(key))).toEqual(keys.map(() => [1000]));
  });
});
