import { hasOnlyAsciiWords } from './ascii-text';
import { Field, Span } from './types';

export interface EventMatch extends Span {
  /** `the 93rd session of the INTERPOL General Assembly` → `93rd INTERPOL General Assembly`. */
  name: string;
}

const HEADS = [
  'General Assembly', 'Summit', 'Conference', 'Games', 'Olympics', 'Olympic Games', 'Paralympics', 'World Cup', 'Championships', 'Championship',
  'Cup', 'Open', 'Festival', 'Forum', 'Election', 'Elections', 'Grand Prix', 'Marathon', 'Expo', 'Biennale', 'Fashion Week', 'Congress',
  'Film Festival', 'Climate Conference', 'COP\\d+', 'Super Bowl', 'Tour de France', 'Dialogue', 'Meeting', 'Talks', 'Derby', 'Classic', 'Carnival',
  'War', 'Revolution', 'Uprising', 'Crisis', 'Awards',
].sort((a, b) => b.length - a.length);

const HEAD = `(?:${HEADS.join('|')})`;

/** The character classes an event pattern is written with: Unicode's, or ASCII's for a text with only ASCII words (ascii-text.ts). */
interface Classes { upper: string; letter: string; digit: string; mark: string; flags: string }
const UNICODE: Classes = { upper: '\\p{Lu}', letter: '\\p{L}', digit: '\\p{N}', mark: '\\p{M}', flags: 'gu' };
const ASCII: Classes = { upper: 'A-Z', letter: 'A-Za-z', digit: '0-9', mark: '', flags: 'g' };

// Optional ordinal/year, optional "session/edition of the", then capitalised words ending in an event head.
function eventPattern({ upper, letter, digit, mark, flags }: Classes): RegExp {
  const cap = `(?:[${upper}][${letter}${digit}${mark}'’&.-]*|\\d{4}|\\d{1,3}(?:st|nd|rd|th))`;
  return new RegExp(
    `(?<![${letter}${digit}])(?:(\\d{1,3}(?:st|nd|rd|th)|\\d{4})\\s+(?:(?:session|edition|meeting)\\s+of\\s+(?:the\\s+)?)?)?((?:${cap}\\s+(?:of\\s+(?:the\\s+)?|de\\s+)?){0,5}?${HEAD})(?![${letter}])`,
    flags,
  );
}
const EVENT = eventPattern(UNICODE);
const EVENT_ASCII = eventPattern(ASCII);

/**
 * The head and the boundary every event match ends with, alone. Most stories name no event, and this
 * scan is several times cheaper than the full pattern, which tries its optional prefix at every offset.
 */
function headPattern({ letter, flags }: Classes): RegExp {
  return new RegExp(`${HEAD}(?![${letter}])`, flags.replace('g', ''));
}
const EVENT_HEAD = headPattern(UNICODE);
const EVENT_HEAD_ASCII = headPattern(ASCII);

const WEAK_ALONE = new Set(['Awards', 'Open', 'Cup', 'Games', 'Election', 'Elections', 'Congress', 'Meeting', 'Talks', 'Dialogue', 'Classic', 'War', 'Crisis', 'Forum', 'Summit', 'Conference', 'Championship', 'Championships', 'Festival', 'Revolution', 'Uprising', 'Derby', 'Carnival']);
const NOT_LEADING = /^(?:The|A|An|This|That|At|In|On|For|During|After|Before|Its|His|Her|Their|Our|Next|Last)\s+/;

// Named storms are events: "Hurricane Erick", "Typhoon Yagi", "Storm Bert". So are recurring events known by a name
// with no event head: "the Ashes", "the Masters", "the Six Nations", "the Hajj". One scan finds both (its alternatives
// all start with a capital, which keeps it as cheap as the storms alone were); namedEvent judges the context.
const NAMED = /(?<![\p{L}])(?:(?:Hurricane|Typhoon|Super Typhoon|Cyclone|Tropical Storm|Storm)\s+(?!(?:Center|Centre|Season|Warning|Watch|Agency|Service|Unit)\b)\p{Lu}\p{Ll}+|Ashes|Masters|Six Nations|(?:Maha\s)?Kumbh Mela|Formula One|Formula 1|Hajj?)(?![\p{L}\d])/gu;
/** As some copy writes them: "storm Boris", "the haj" (but "the storm Monday" is a day). */
const NAMED_LOWER_CASE = /(?:storm\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}\p{Ll}+|hajj?)(?![\p{L}\d])/gu;

/** "the Ashes" and "the Masters" only with their article (a master of the craft is none); the "Ministry of Hajj" is a ministry. */
function namedEvent(text: string, start: number, name: string): boolean {
  if (/^\p{L}/u.test(text[start - 1] ?? '')) return false;
  if (name === 'Ashes' || name === 'Masters') return /(?:^|[^\p{L}])[Tt]he\s$/u.test(text.slice(Math.max(0, start - 5), start));
  if (/^[Hh]aj/.test(name)) return !/\bof\s$/.test(text.slice(Math.max(0, start - 4), start));
  return true;
}

export function findEvents(text: string, field: Field): EventMatch[] {
  const found: EventMatch[] = [];
  for (const pattern of [NAMED, NAMED_LOWER_CASE]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      if (namedEvent(text, start, m[0])) found.push({ field, start, end: start + m[0].length, text: m[0], name: m[0] });
    }
  }
  const ascii = hasOnlyAsciiWords(text);
  if (!(ascii ? EVENT_HEAD_ASCII : EVENT_HEAD).test(text)) return found;
  for (const m of text.matchAll(ascii ? EVENT_ASCII : EVENT)) {
    let start = m.index ?? 0;
    let raw = m[0];
    let ordinalOf: string | undefined = m[1];
    let core = m[2];
    // A sentence ended inside the run ("… opens in June. The Paris Olympics"): the name starts after it.
    const cut = afterLastSentenceEnd(raw);
    if (cut > 0) {
      raw = raw.slice(cut);
      start += cut;
      core = raw;
      ordinalOf = undefined;
    }
    // A capital at sentence start is not part of the name ("The 93rd ..." keeps only "93rd ...").
    for (let lead = NOT_LEADING.exec(raw); lead; lead = NOT_LEADING.exec(raw)) {
      const cut = lead[0].length;
      raw = raw.slice(cut);
      start += cut;
    }
    core = core.replace(NOT_LEADING, '');
    // In title-case headlines the run starts too early ("Marrakech Hosts 93rd ..."): an ordinal opens the name.
    const ordinal = /(?:^|\s)(\d{1,3}(?:st|nd|rd|th)\s)/.exec(raw);
    if (!ordinalOf && ordinal && ordinal.index > 0) {
      const cut = ordinal.index + ordinal[0].length - ordinal[1].length;
      raw = raw.slice(cut);
      start += cut;
      core = raw;
    }
    if (WEAK_ALONE.has(core) && !ordinalOf) continue;
    // "National Democratic Congress" is a party; a congress is an event only with its number ("20th Party Congress").
    if (/Congress$/.test(core) && !ordinalOf) continue;
    const name = [ordinalOf, core].filter(Boolean).join(' ').replace(/\s+/g, ' ');
    if (!/\p{Lu}/u.test(name)) continue;
    if (found.some((f) => start < f.end && start + raw.length > f.start)) continue;
    found.push({ field, start, end: start + raw.length, text: raw, name });
  }
  return found;
}

/** Abbreviations a name may hold before a capital ("St. Patrick's Day Festival"): their full stop ends no sentence. */
const ABBREVIATION = /^(?:St|Mt|Ft|Dr|Jr|Sr|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Lt|Col|Capt|Prof|No|vs)$/;

/** Where the last sentence inside a matched run ends: after a word of lower-case letters and its full stop. */
function afterLastSentenceEnd(raw: string): number {
  let cut = 0;
  for (const m of raw.matchAll(/(\p{L}*\p{Ll})\.\s+/gu)) {
    if (!ABBREVIATION.test(m[1])) cut = (m.index ?? 0) + m[0].length;
  }
  return cut;
}

/**
 * Shorter names refer to a longer event already seen when their words are a subset in order
 * ("General Assembly", "93rd General Assembly" → "93rd INTERPOL General Assembly").
 */
export function isShortFormOf(short: string, long: string): boolean {
  const s = short.toLowerCase().split(' ');
  const l = long.toLowerCase().split(' ');
  if (s.length >= l.length) return false;
  let i = 0;
  for (const w of l) if (w === s[i]) i += 1;
  return i === s.length && s[s.length - 1] === l[l.length - 1];
}
