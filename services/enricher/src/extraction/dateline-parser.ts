import { parseNativeDateline, parseNativeDatelineField } from './native-datelines';

export interface Dateline {
  /** `MARRAKECH` as written, and where it sits in the text parsed. */
  place: { text: string; start: number; end: number };
  /** The other places of a story filed from several ("NEW YORK/LONDON"): `LONDON`. */
  alsoFrom: { text: string; start: number; end: number }[];
  /** `Morocco`, `Texas`, `Calif.` after the place, when given. */
  region?: { text: string; start: number; end: number };
  /** `AP`, `Reuters`. */
  source?: string;
  /** The whole dateline including the dash, so nothing inside it is read twice. */
  end: number;
}

/** Combining marks too: "MÜNSTER" typed as U + U+0308 (decomposed, NFD) is one word. */
const WORD = "\\p{Lu}\\p{M}*[\\p{L}\\p{M}.'’-]*";
const PLACE = `(${WORD}(?:\\s+${WORD}){0,3})`;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2}';
/** "Texas", "Calif.", and countries with joining words: "Bosnia and Herzegovina", "Democratic Republic of Congo". */
const REGION = `${WORD}(?:\\s+(?:(?:and|of|the)\\s+){0,2}${WORD}){0,3}`;
const DATELINE = new RegExp(
  `^(\\s*)${PLACE}((?:\\s*\\/\\s*${WORD}(?:\\s+${WORD}){0,3})*)(?:(,\\s*)(?!${MONTH})(${REGION}))?(?:,\\s*${MONTH})?\\s*(?:\\(([^)\\n]{1,40})\\))?\\s*(?:[—–]|--?)\\s+`,
  'u',
);

/**
 * Wire datelines: "MARRAKECH, Morocco (AP) —", "Marrakech –", "LONDON (Reuters) -",
 * "PARIS, Nov 24 (Reuters) -", "NEW YORK/LONDON (Reuters) -" (filed from both; the first is the
 * dateline's place). A capitalised run before a dash only counts when it is shouted or
 * followed by a source, or is short, so an ordinary sentence with a dash is not taken for one.
 */
export function parseDateline(text: string): Dateline | undefined {
  const m = DATELINE.exec(text.slice(0, 200));
  // Agencies writing in other scripts have their own forms (TASS, Xinhua, Yonhap…); only a non-Latin opening is tried.
  if (!m) return parseNativeDateline(text);
  const [, lead, place, others, sep, region, source] = m;
  const shouted = place === place.toUpperCase();
  if (!shouted && !source && place.split(/\s+/).length > 3) return undefined;
  const start = lead.length;
  const alsoFrom = [...others.matchAll(/[^/\s](?:[^/]*[^/\s])?/gu)].map((o) => {
    const oStart = start + place.length + (o.index ?? 0);
    return { text: o[0], start: oStart, end: oStart + o[0].length };
  });
  const out: Dateline = { place: { text: place, start, end: start + place.length }, alsoFrom, source, end: m[0].length };
  if (region) {
    const rStart = start + place.length + others.length + (sep ?? '').length;
    out.region = { text: region, start: rStart, end: rStart + region.length };
  }
  return out;
}

/** A dateline of a date and a source alone, with no place: "Nov 5 (Reuters) -", "NOV. 5 (AP) —". */
export interface DateOnlyDateline {
  /** `Nov 5` as written, and where it sits in the text. */
  date: { text: string; start: number; end: number };
  source: string;
  /** The whole dateline including the dash. */
  end: number;
}

/** Months as a dateline writes them, shouted or not ("Nov", "NOV.", "September"). */
const DATE_ONLY = /^(\s*)((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\s*\(([^)\n]{1,40})\)\s*(?:[—–]|--?)\s+/i;

/**
 * Reuters files stories about no one place ("Nov 5 (Reuters) - Glencore said…") under a date alone.
 * The source in brackets and the dash are required, so a sentence that opens with a date is not one.
 */
export function parseDateOnlyDateline(text: string): DateOnlyDateline | undefined {
  const m = DATE_ONLY.exec(text.slice(0, 80));
  if (!m) return undefined;
  const [whole, lead, date, source] = m;
  return { date: { text: date, start: lead.length, end: lead.length + date.length }, source, end: whole.length };
}

/** A place, then optionally ", region", a date and "(source)", a trailing dash: what a dateline field holds. */
const FIELD = new RegExp(`^\\s*${PLACE}((?:\\s*\\/\\s*${WORD}(?:\\s+${WORD}){0,3})*)(?:(,\\s*)(${REGION}))?(?=\\s*(?:$|[,(—–-]))`, 'u');

/**
 * The article's own `dateline` field, which a format's structured dateline fills (NITF
 * `<dateline><location>`, NewsML-G2 `located`) or ingest copies from the text: a bare location
 * ("GENEVA", "Genève", "New York, NY", "PARIS, France") or a whole dateline ("LONDON (Reuters)",
 * "PARIS, Nov 24 (Reuters) -"). Unlike the text's first words, the field is a dateline by
 * definition, so no source or dash is required; offsets are within the field.
 */
export function parseDatelineField(field: string | undefined): Dateline | undefined {
  if (!field || field.length > 300) return undefined;
  const m = FIELD.exec(field);
  if (!m) return parseNativeDatelineField(field);
  const [whole, place, others, sep, maybeRegion] = m;
  // "PARIS, Nov 24": a date is no region.
  const region = maybeRegion && !new RegExp(`^${MONTH}`, 'u').test(maybeRegion) ? maybeRegion : undefined;
  const start = whole.length - whole.trimStart().length;
  const alsoFrom = [...others.matchAll(/[^/\s](?:[^/]*[^/\s])?/gu)].map((o) => {
    const oStart = start + place.length + (o.index ?? 0);
    return { text: o[0], start: oStart, end: oStart + o[0].length };
  });
  const source = /\(([^)\n]{1,40})\)/u.exec(field.slice(whole.length))?.[1];
  const out: Dateline = { place: { text: place, start, end: start + place.length }, alsoFrom, source, end: field.length };
  if (region) {
    const rStart = start + place.length + others.length + (sep ?? '').length;
    out.region = { text: region, start: rStart, end: rStart + region.length };
  }
  return out;
}
