/** Folds case, diacritics and apostrophe/dash variants so `Morocco’s`, `MOROCCO` and `Morocco` meet. */
// Letters NFKD does not decompose (Chełm, Tromsø, Đà Nẵng).
const FOLD: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i' };

export function normaliseName(text: string): string {
  // Hot path (every gazetteer lookup): plain ASCII names need only lower-casing.
  if (isPlainAsciiName(text)) return text.toLowerCase();
  return text
    .replace(/[łŁøØđĐßæÆœŒı]/g, (c) => FOLD[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** ASCII letters in words joined by single spaces (`^[A-Za-z]+(?: [A-Za-z]+)*$`), without a pattern's cost. */
function isPlainAsciiName(text: string): boolean {
  let afterLetter = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) afterLetter = true;
    else if (text.charCodeAt(i) === 0x20 && afterLetter) afterLetter = false;
    else return false;
  }
  return afterLetter;
}

/** Ids must be stable across articles, so slugs come from the folded name only. */
export function slugify(text: string): string {
  return normaliseName(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'x';
}

/** `MARRAKECH` → `Marrakech`; mixed-case text is left as written. */
export function titleCaseIfShouting(text: string): string {
  if (text !== text.toUpperCase() || text.length <= 4) return text;
  return text.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

const POSSESSIVE = /['’]s$|(?<=s)['’]$/;

/** Strips a trailing possessive (`Morocco’s`, `Morocco's`, `Reuters'`) and reports how many chars went. */
export function stripPossessive(text: string): { text: string; removed: number } {
  const m = POSSESSIVE.exec(text);
  if (!m) return { text, removed: 0 };
  return { text: text.slice(0, m.index), removed: text.length - m.index };
}
