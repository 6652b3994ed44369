import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Everyday English words, lower-cased, that `keep` accepts: those that are also place names
 * ("mobile", "nice", "reading", "hurricane"). At the start of a sentence such a word's capital letter
 * says nothing, so it is not taken for the place there without a cue.
 *
 * From dictionary-en's Hunspell word list, which spells common words in lower case and proper nouns
 * capitalised: "nice" is there, "paris" and "london" are not. Only stems are listed (its affix rules
 * are not applied), so a derived word such as "independence" is missed: a miss keeps today's reading.
 */
export function everydayWordsAmong(keep: (word: string) => boolean): Set<string> {
  const dic = readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8');
  const words = new Set<string>();
  // The first line is the entry count; each entry is `word` or `word/FLAGS`.
  for (const line of dic.split('\n').slice(1)) {
    const slash = line.indexOf('/');
    const word = slash < 0 ? line.trim() : line.slice(0, slash);
    if (/^[a-z]{3,}$/.test(word) && keep(word)) words.add(word);
  }
  return words;
}
