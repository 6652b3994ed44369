import * as personNames from './person-names';
import { findSequences, MAX_RUN_WORDS } from './capitalised-sequences';
import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';
import { tokenise } from './tokenise';

// Lineups, tag clouds, tables of places and title-cased bodies: long runs of capitalised words. Their
// cost is counted in work (gazetteer lookups, words handed to the title matcher) rather than time,
// so a busy machine cannot make these pass or fail.
describe('extraction of long capitalised runs', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string) => extractEntities({ headline: 'Officials meet', body, publishedAt: '2026-12-07T10:00:00Z' }, { gazetteer });
  const wordsOf = (body: string) => body.split(/\s+/).filter(Boolean).length;
  const surnames = ['Smith', 'Jones', 'Nakamura', 'Okafor', 'Petrov', 'Dubois', 'Garcia', 'Muller'];
  const titleCaseRun = (n: number) => Array.from({ length: n }, (_, i) => `${surnames[i % 8]}${i.toString(36).replace(/\d/g, 'q')}`).join(' ');

  function lookupsFor(body: string): number {
    const lookup = jest.spyOn(gazetteer, 'lookup');
    try {
      extract(body);
      return lookup.mock.calls.length;
    } finally {
      lookup.mockRestore();
    }
  }

  /** Words of the arrays handed to titleLengthAt: what rebuilding a run's texts for every word costs. */
  function titleWordsFor(run: () => unknown): number {
    const titleLength = jest.spyOn(personNames, 'titleLengthAt');
    try {
      run();
      return titleLength.mock.calls.reduce((sum, [words]) => sum + words.length, 0);
    } finally {
      titleLength.mockRestore();
    }
  }

  it('looks up a run of one place name a bounded number of times per word, not per word cubed', () => {
    const body = 'The tour will stop in ' + 'Paris '.repeat(700) + 'and then end.';
    // Was ~340 lookups a word at this size (225,000), growing with the square of the run.
    expect(lookupsFor(body)).toBeLessThan(10 * wordsOf(body));
  });

  it('reads a long list of places after "in" as those places, whatever its length', () => {
    const { entities, primaryLocation } = extract('The tour will stop in ' + 'Paris '.repeat(100) + 'and then end.');
    expect(entities.map((e) => [e.type, e.name])).toEqual([['place', 'Paris']]);
    expect(entities[0].mentionCount).toBe(100);
    expect(primaryLocation?.name).toBe('Paris');
  });

  it('cuts runs at MAX_RUN_WORDS, the part after a cut keeping the cue before the run', () => {
    const text = 'The tour will stop in ' + 'Paris '.repeat(40);
    const sequences = findSequences(text, tokenise(text));
    expect(sequences.map((s) => s.words.length)).toEqual([MAX_RUN_WORDS, MAX_RUN_WORDS, 40 - 2 * MAX_RUN_WORDS]);
    expect(sequences.map((s) => s.before)).toEqual([['stop', 'in'], ['stop', 'in'], ['stop', 'in']]);
    for (const s of sequences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps the longest real names and runs whole', () => {
    const text = 'European Commission President Ursula von der Leyen and NATO Secretary-General Mark Rutte met the U.N. Office for the Coordination of Humanitarian Affairs.';
    expect(findSequences(text, tokenise(text)).map((s) => s.text)).toEqual([
      'European Commission President Ursula von der Leyen and NATO Secretary-General Mark Rutte',
      'U.N. Office for the Coordination of Humanitarian Affairs',
    ]);
  });

  it('classifies a title-cased body with work in proportion to its length', () => {
    const body = titleCaseRun(5000);
    // Was the square of the run: ~5,000 words handed over for each of its words.
    expect(titleWordsFor(() => extract(body))).toBeLessThan(100 * wordsOf(body));
  });

  it('trims a long run of "The" with work in proportion to its length', () => {
    const text = 'The '.repeat(5000);
    const tokens = tokenise(text);
    let sequences: unknown[] = [];
    expect(titleWordsFor(() => (sequences = findSequences(text, tokens)))).toBeLessThan(100 * tokens.length);
    expect(sequences).toEqual([]);
  });

  it('knows how many words its longest name has, so longer spans are never looked up', () => {
    expect(gazetteer.longestNameWords).toBeGreaterThanOrEqual(9);
    expect(gazetteer.lookup('Georgia del Sur y las Islas Sandwich del Sur').length).toBeGreaterThan(0);
    expect(gazetteer.longestNameWords).toBeLessThan(MAX_RUN_WORDS);
  });
});
