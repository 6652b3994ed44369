/**
 * Street names ("Larkspur Close", "12 Rue Quintalon", "Via Orbetello", "Calle Yermolta",
 * "Bahnhofstraße"): neither a person nor a place the weather or a search facet should show. Court
 * and crime copy names where someone lives, and a home address is personal data, so a street is
 * tagged as nothing at all rather than as a place without coordinates (which would still be a facet).
 * The caller keeps names the gazetteer knows as towns ("Spring Grove", "Mount Road").
 */
const STREET_LAST = new Set('road rd rd. avenue ave ave. boulevard blvd blvd. strasse straße gasse allee'.split(' '));
/** Street words that are surnames too (Glenn Close, Andy Street, Diane Lane): a street only after "on", "in", "at"… or a house number. */
const STREET_LAST_SURNAMES = new Set('street st. lane close drive way crescent terrace gardens grove mews row walk place'.split(' '));
/** Romance-language streets name the kind first ("Rue de la Paix", "Via Orbetello", "Avenida Paulista"). */
const STREET_FIRST = new Set('rue via calle rua avenida avenue viale piazza largo boulevard'.split(' '));
/** Single words: German and Swiss compounds ("Bahnhofstrasse", "Herrengasse"). */
const STREET_SUFFIX = /\p{Ll}(?:straße|strasse|gasse|allee)$/u;
/** Streets that stand for an institution, as wire copy uses them: "Wall Street rallied", "Downing Street said". */
const INSTITUTIONS = new Set(['wall street', 'downing street', 'fleet street']);
const BEFORE_ADDRESS = new Set(['on', 'in', 'at', 'off', 'along', 'near', 'from', 'to', 'into', 'of']);

/** `words`: the run; `prev`: the lower-cased word before it. */
export function isStreetName(words: string[], prev: string): boolean {
  if (words.length === 1) return STREET_SUFFIX.test(words[0]);
  const last = words[words.length - 1].toLowerCase();
  if (STREET_FIRST.has(words[0].toLowerCase()) || STREET_LAST.has(last)) return true;
  if (!STREET_LAST_SURNAMES.has(last) || INSTITUTIONS.has(words.join(' ').toLowerCase())) return false;
  return BEFORE_ADDRESS.has(prev) || /^\d+[a-z]?$/.test(prev);
}
