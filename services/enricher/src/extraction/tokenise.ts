import { hasOnlyAsciiWords } from './ascii-text';

/** A word with its offsets in the field it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Follows a sentence boundary, so its capital letter says nothing about it being a name. */
  sentenceStart: boolean;
}

// Dotted acronyms first (`U.S.`), then words that may carry inner hyphens, en dashes and apostrophes.
const TOKEN = /(?:\p{Lu}\.){2,}|\b(?:Jr|Sr|St|Mt|Ft)\.|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’–&](?=[\p{L}\p{N}])|['’](?=\s|$))*/gu;
/** The same for a text whose letters and digits are all ASCII (see ascii-text.ts). */
const TOKEN_ASCII = /(?:[A-Z]\.){2,}|\b(?:Jr|Sr|St|Mt|Ft)\.|[A-Za-z0-9](?:[A-Za-z0-9]|[-'’–&](?=[A-Za-z0-9])|['’](?=\s|$))*/g;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(hasOnlyAsciiWords(text) ? TOKEN_ASCII : TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], start, end: start + m[0].length, sentenceStart: isSentenceStart(text, start) });
  }
  return tokens;
}

function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s"“‘'([«—–-]/.test(text[i])) {
    if (text[i] === '\n' || text[i] === '“') return true;
    i -= 1;
  }
  return i < 0 || /[.!?:;]/.test(text[i]);
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}
