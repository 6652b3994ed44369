import { dominantScript } from './dominant-script';
import { LANGUAGES } from './stop-words';
import { asciiWordCounts, unicodeWordCounts } from './word-counts';

/** How much a caller wants to see before the text's language is named. */
export interface LanguageEvidence {
  /** Letters the text must have at all. */
  minLetters: number;
  /** Name the language of a script that holds most of the letters (see SCRIPTS: a guess for some). */
  scripts: boolean;
  /** Words the stop-word vote needs. */
  minWords: number;
  /** Share of all words that must be the leading language's stop words. */
  minShare: number;
  /** How many times the runner-up's share the leader's must be, at least. */
  lead: number;
}

/** A longer text says nothing more about its language, and would only cost more to count. */
export const SAMPLE_CHARACTERS = 5000;

/**
 * The text's language by its script, or else by a vote of the commonest function words of each
 * language STOPWORDS knows: the one whose words are a clear share of the text's, well ahead of the
 * next. Undefined when the text is too short or the vote too close for `evidence`.
 */
export function detectLanguage(text: string, evidence: LanguageEvidence): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const ascii = asciiWordCounts(sample);
  const { letters, words, hits } = ascii ?? unicodeWordCounts(sample);
  if (letters < evidence.minLetters) return undefined;
  if (!ascii && evidence.scripts) {
    const script = dominantScript(sample, letters);
    if (script) return script;
  }
  if (words < evidence.minWords) return undefined;
  const scores = LANGUAGES.map((lang, index) => [lang, hits[index] / words] as const);
  scores.sort((a, b) => b[1] - a[1]);
  const [top, second] = scores;
  return top[1] >= evidence.minShare && top[1] >= second[1] * evidence.lead ? top[0] : undefined;
}
