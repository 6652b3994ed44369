import { dominantScript } from './dominant-script';
import { ALPHABETS, LANGUAGES } from './stop-words';
import { asciiWordCounts, unicodeWordCounts, WordCounts } from './word-counts';

/** How much a caller wants to see before the text's language is named. */
export interface LanguageEvidence {
  /** Letters the text must have at all. */
  minLetters: number;
  /** Name the language of a script that holds most of the letters (see SCRIPTS; `und` when the script does not say). */
  scripts: boolean;
  /** Words the stop-word vote needs. */
  minWords: number;
  /** Share of all words that must be the leading language's stop words. */
  minShare: number;
  /** How many times the runner-up's share the leader's must be, at least. */
  lead: number;
}

/** What the text says about its language: the verdict, and each known language's share of its words. */
export interface LanguageJudgement {
  /** A language code; `und` when the text is in a language the vote cannot name; undefined when it says too little. */
  language: string | undefined;
  /** Words counted (outside quotations when enough were left). */
  words: number;
  /** Share of those words that are each language's stop words (languages of STOPWORDS only). */
  shares: Record<string, number>;
}

/** A longer text says nothing more about its language, and would only cost more to count. */
export const SAMPLE_CHARACTERS = 5000;

/**
 * Quotations, within a paragraph: an English story quoting a French minister is still English.
 * Straight, curly, guillemets, German and CJK quotation marks.
 */
export const QUOTATION = /"[^"\n]{1,1000}"|“[^”\n]{1,1000}”|«[^»\n]{1,1000}»|„[^“”\n]{1,1000}[“”]|「[^」\n]{1,1000}」/g;
const QUOTE_MARK = /["“«„「]/;
/** Latin letters beyond a–z (Latin-1, Extended-A/B, Extended Additional), lower-cased. */
const EXTENDED_LATIN = /[\u00df-\u00ff\u0100-\u024f\u1e00-\u1eff]/g;
/** A language's own letters are at most this share of the text's letters when the text is in another. */
const ALIEN_SHARE = 0.015;

/**
 * The text's language by its script, or else by a vote of the commonest function words of each
 * language STOPWORDS knows: the one whose words are a clear share of the text's, well ahead of the
 * next. `und` (undetermined) when the text is clearly in some language but not one the vote can name:
 * two languages too close to call (Danish and Norwegian), letters the winner does not use (Polish's ł,
 * Turkish's ı, Vietnamese's ơ), a script several languages share. Undefined when the text is too short
 * or has too few stop words for `evidence`. Quotations do not vote when enough words are left outside them.
 */
export function detectLanguage(text: string, evidence: LanguageEvidence): string | undefined {
  return judgeLanguage(text, evidence).language;
}

export function judgeLanguage(text: string, evidence: LanguageEvidence): LanguageJudgement {
  let sample = text.slice(0, SAMPLE_CHARACTERS);
  let counts: ReturnType<typeof countWords> | undefined;
  // Most wire copy quotes someone: the words outside the quotations are counted, and the whole text
  // only when too few are left (counting both doubled the cost of every article).
  if (QUOTE_MARK.test(sample)) {
    const unquoted = sample.replace(QUOTATION, ' ');
    if (unquoted !== sample) {
      const outside = countWords(unquoted);
      if (outside.counts.words >= evidence.minWords && outside.counts.letters >= evidence.minLetters) {
        sample = unquoted;
        counts = outside;
      }
    }
  }
  counts ??= countWords(sample);
  const { letters, words, hits } = counts.counts;
  const shares: Record<string, number> = {};
  LANGUAGES.forEach((lang, index) => (shares[lang] = words > 0 ? hits[index] / words : 0));
  const judged = (language: string | undefined): LanguageJudgement => ({ language, words, shares });
  if (letters < evidence.minLetters) return judged(undefined);
  if (!counts.ascii && evidence.scripts) {
    const script = dominantScript(sample, letters);
    if (script) return judged(script);
  }
  if (words < evidence.minWords) return judged(undefined);
  let top = 0;
  let second = -1;
  for (let i = 1; i < LANGUAGES.length; i++) {
    if (hits[i] > hits[top]) {
      second = top;
      top = i;
    } else if (second < 0 || hits[i] > hits[second]) second = i;
  }
  const [topShare, secondShare] = [hits[top] / words, hits[second] / words];
  // Clearly some language's text, but two are too close to call (Danish and Norwegian): undetermined.
  if (topShare >= evidence.minShare && topShare < secondShare * evidence.lead) return judged('und');
  const language = topShare >= evidence.minShare ? LANGUAGES[top] : undefined;
  // Written with letters the winner (or, without one, any language the vote knows) does not use.
  return judged(!counts.ascii && alienLetters(sample, language ? ALPHABETS[language] : ALL_LETTERS, letters) ? 'und' : language);
}

/** Every letter of ALPHABETS. */
const ALL_LETTERS = [...new Set(Object.values(ALPHABETS).join(''))].join('');

function countWords(sample: string): { counts: WordCounts; ascii: boolean } {
  const ascii = asciiWordCounts(sample);
  return ascii ? { counts: ascii, ascii: true } : { counts: unicodeWordCounts(sample), ascii: false };
}

/** Whether many of the text's letters are beyond a–z and not `own` (a few, in names, are fine). */
function alienLetters(sample: string, own: string, letters: number): boolean {
  let alien = 0;
  for (const [letter] of sample.normalize('NFC').toLowerCase().matchAll(EXTENDED_LATIN)) if (!own.includes(letter)) alien++;
  return alien >= 3 && alien / letters >= ALIEN_SHARE;
}
