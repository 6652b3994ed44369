import { normaliseName } from './normalise-name';

/**
 * Titles and honorifics that precede names. Longest first so `Major General` beats `General`.
 * They are split off the canonical name ("King Mohammed VI" → Mohammed VI).
 */
const TITLES = `Major General|Lieutenant General|Brigadier General|Secretary General|Secretary-General|Attorney General|Director General|Director-General|
Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defence Minister|Defense Minister|Finance Minister|Interior Minister|Health Minister|
Chief Minister|Economy Minister|Mining Minister|Tourism Minister|Transport Minister|Agriculture Minister|Electricity Minister|Transport Secretary|Justice Minister|Education Minister|Energy Minister|Trade Minister|Crown Prince|Chief Executive|Chief Justice|Police Chief|
Police Commissioner|Head Coach|Supreme Leader|General Secretary|Grand Ayatollah|Deputy Minister|Deputy Mayor|
Senate Majority Leader|Senate Minority Leader|House Majority Leader|House Minority Leader|Majority Leader|Minority Leader|
Executive Director|Managing Director|Cabinet Secretary|Sheriff|Councillor|Councilor|Councilman|Councilwoman|Alderman|Alderwoman|
King|Queen|Prince|Princess|Pope|Sheikh|Emir|Sultan|President|Premier|Chancellor|Minister|Senator|Sen.|Rep.|Representative|
Governor|Gov.|Mayor|Judge|Justice|Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Sir|Dame|Lord|Lady|Professor|Prof.|Director|Commissioner|
Ambassador|Secretary|Coach|Captain|Capt.|Colonel|Col.|General|Gen.|Lt.|Sgt.|Sergeant|Admiral|Marshal|Archbishop|Bishop|Cardinal|
Rabbi|Imam|Magistrate|Lieutenant Colonel|Lt. Col.|Lt. Gen.|Maj. Gen.|Brig. Gen.|Maj.|Brig.|Senior General|Senior Gen.|Commander-in-Chief|
U.S. Attorney|Foreign Secretary|Home Secretary|Cllr.|Cllr|Sayyid|Ayatollah|Chairman|Chairwoman|Chair|CEO|Spokesman|Spokeswoman|Spokesperson|Inspector|Detective|Superintendent|
Chief|Deputy|Speaker|Leader|Father|Sister|Brother|Saint|St.`
  .split('|')
  .map((t) => t.trim())
  .filter(Boolean)
  .sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);

// Indexed by first word: this runs for every word of every capitalised run.
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of TITLES) {
  const words = t.split(' ').map((w) => w.toLowerCase());
  TITLES_BY_FIRST.set(words[0], [...(TITLES_BY_FIRST.get(words[0]) ?? []), words]);
}

/** Length in words of the title at `words[i]`, or 0. */
export function titleLengthAt(words: string[], i: number): number {
  const candidates = words[i] === undefined ? undefined : TITLES_BY_FIRST.get(words[i].toLowerCase());
  if (!candidates) return 0;
  for (const title of candidates) {
    if (title.every((w, k) => words[i + k]?.toLowerCase() === w)) return title.length;
  }
  return 0;
}

/** Names that open with a title word and are the whole name ("Lady Gaga" is not Ms Gaga): folded. */
const TITLED_NAMES = new Set(['lady gaga', 'queen latifah', 'dr. dre', 'dr dre', 'king princess', 'sir mix-a-lot', 'lord huron', 'prince royce', 'chief keef']);

export function isTitledName(text: string): boolean {
  return TITLED_NAMES.has(normaliseName(text));
}

/**
 * Titles that are surnames too ("Ollie Pope", "Stephen King", "Carole King"): after a first name and
 * ending the run, with no name after them, they are the surname.
 */
export const SURNAME_TITLES = new Set(['pope', 'king', 'bishop', 'prince', 'judge', 'marshal', 'chancellor', 'sheriff', 'cardinal', 'major', 'lord', 'deacon']);

/** Lower-case role words in running text ("said coach Pep Guardiola", "striker Erling Haaland"). */
export const ROLE_CUES = new Set(
  `president minister coach striker midfielder defender goalkeeper captain manager chief executive ceo founder director
  spokesman spokeswoman spokesperson author singer actor actress rapper player star leader lawmaker senator governor mayor
  judge prosecutor lawyer attorney analyst economist professor scientist researcher officer commander general chairman
  chairwoman secretary ambassador envoy premier chancellor king queen prince pope sheikh emir activist writer journalist
  photographer designer driver cyclist runner champion winner survivor farmer resident owner teacher doctor nurse candidate
  opposition rival incumbent veteran skipper boss head deputy official novelist poet filmmaker director artist curator`
    .split(/\s+/)
    .filter(Boolean),
);

/** Particles allowed inside names ("Ibn", "bin", "de", "van der", "al"). */
export const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'dos', 'das', 'y', 'abu', 'bint']);

/** Regnal numbers up to XXX ("Leo XIV", "Charles III"), not beyond: "LIV Golf" and "CIA" are no numerals. */
const ROMAN = /^(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})|Jr\.?|Sr\.?)$/;
/** The letters ROMAN's matches start with: most words need not try it (it runs for every word of every run). */
const ROMAN_FIRST = new Set([...'IVXJS'].map((c) => c.charCodeAt(0)));

/** Name words: capitalised, not shouted (except Roman numerals), hyphens allowed (Al-Raisi). */
export function looksLikeNameWord(word: string): boolean {
  if (ROMAN_FIRST.has(word.charCodeAt(0)) && ROMAN.test(word)) return true;
  if (NAME_PARTICLES.has(word.toLowerCase())) return true;
  return (
    /^\p{Lu}[\p{Ll}\p{M}'’]+(?:[-'’]\p{L}[\p{L}\p{M}]*)*$/u.test(word) ||
    // McNamee, O'Brien, DeSantis, DiCaprio, LaGuardia, VanDyke; al-Sharaa, el-Sisi.
    /^(?:Mc|Mac|O['’]|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}\p{Ll}+$/u.test(word) ||
    /^(?:al|el|bin|ibn|ben|abu)-\p{Lu}\p{Ll}+$/u.test(word)
  );
}

/** The words a later bare mention may use: the last name, and the last two for compound surnames. */
export function surnameKeys(fullName: string): string[] {
  const words = fullName.split(' ').filter((w) => !ROMAN.test(w));
  if (words.length < 2) return [];
  const keys = [normaliseName(words[words.length - 1])];
  if (words.length >= 3) keys.push(normaliseName(words.slice(-2).join(' ')));
  // "Ursula von der Leyen" is "von der Leyen" after the first mention, "Ahmed Naser Al-Raisi" may be "Naser Al-Raisi".
  if (words.length >= 4) {
    const particle = words.findIndex((w, i) => i > 0 && NAME_PARTICLES.has(w.toLowerCase()));
    if (particle > 0 && words.length - particle > 2) keys.push(normaliseName(words.slice(particle).join(' ')));
  }
  return keys;
}
