import { hasOnlyAsciiWords } from './ascii-text';

/** A word with its offsets in the field it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Follows a sentence boundary, so its capital letter says nothing about it being a name. */
  sentenceStart: boolean;
}

// Dotted acronyms first (`U.S.`), abbreviations that keep their full stop (`St.`, and titles: "Lt. Col. Viktor
// Trehubov" is one name with its titles, not three runs), then words that may carry inner hyphens, en dashes and apostrophes.
const TOKEN = /(?:\p{Lu}\.){2,}|\b(?:Jr|Sr|St|Mt|Ft|(?:Dr|Lt|Col|Gen|Maj|Brig|Capt|Sgt|Gov|Sen|Rep|Prof|Cllr)(?=\.\s+\p{Lu}))\.|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[-'’–&](?=[\p{L}\p{N}])|['’](?=\s|$))*/gu;
/** The same for a text whose letters and digits are all ASCII (see ascii-text.ts). */
const TOKEN_ASCII = /(?:[A-Z]\.){2,}|\b(?:Jr|Sr|St|Mt|Ft|(?:Dr|Lt|Col|Gen|Maj|Brig|Capt|Sgt|Gov|Sen|Rep|Prof|Cllr)(?=\.\s+[A-Z]))\.|[A-Za-z0-9](?:[A-Za-z0-9]|[-'’–&](?=[A-Za-z0-9])|['’](?=\s|$))*/g;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(hasOnlyAsciiWords(text) ? TOKEN_ASCII : TOKEN)) {
    const start = m.index ?? 0;
    tokens.push({ text: m[0], start, end: start + m[0].length, sentenceStart: isSentenceStart(text, start) });
  }
  return tokens;
}

/** What may stand between a sentence's end and its first word: `\s`, quotes, brackets, dashes. */
const BETWEEN_SENTENCES = new Set(['"', '“', '‘', "'", '(', '[', '«', '—', '–', '-', ...spaces()]);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);

// Sets rather than a pattern per character: this walks back from every token.
function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && BETWEEN_SENTENCES.has(text[i])) {
    if (text[i] === '\n' || text[i] === '“') return true;
    i -= 1;
  }
  return i < 0 || SENTENCE_END.has(text[i]);
}

/** The characters `\s` matches. */
function spaces(): string[] {
  const found: string[] = [];
  for (let c = 0; c <= 0xffff; c += 1) if (/\s/.test(String.fromCharCode(c))) found.push(String.fromCharCode(c));
  return found;
}

export function isCapitalised(word: string): boolean {
  // Asked of every token: an ASCII first letter is answered without the pattern (\p{Lu} in ASCII is A-Z).
  const c = word.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return CAPITAL_FIRST.test(word);
}
const CAPITAL_FIRST = /^\p{Lu}/u;

export function isAcronym(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters);
}
