import { acronymParts, isCommodityName, isNonOrgAcronym, knownOrganisation } from './acronyms';
import { Sequence } from './capitalised-sequences';
import { LEADING_STOPWORDS, NON_NAME_WORDS, PLACE_FEATURE_WORDS } from './common-words';
import { Gazetteer, GazetteerPlace } from './gazetteer';
import { PlaceHint } from './geocode';
import { NlpHints } from './nlp-hints';
import { companyCueAfter, endsWithOrganisationHead, hasOrganisationHead, ORG_CUES, organisationAppositive, startsWithOrganisationHead } from './organisation-cues';
import { isTitledName, looksLikeNameWord, NAME_PARTICLES, ROLE_CUES, SURNAME_TITLES, titleLengthAt } from './person-names';
import { normaliseName } from './normalise-name';
import { isStreetName } from './street-names';
import { isAcronym, Token } from './tokenise';
import { Field, RawMention } from './types';

export interface ClassifyContext {
  field: Field;
  /** The field's text, so mention text is always the exact slice. */
  fieldText: string;
  gazetteer: Gazetteer;
  /** Countries the article names; lets small cities in those countries through. */
  countries: Set<string>;
  hints: NlpHints;
  /** The dateline's place, normalised ("cedar key"): the story says it is a place, whether the gazetteer knows it or not. */
  datelinePlace?: string;
  /**
   * The gazetteer's answers for names already asked about in this article (see placesNamed): a story
   * names its places again and again. One map per article; the answers are only read, never changed.
   */
  placesByName?: Map<string, GazetteerPlace[]>;
}

/** `ctx.gazetteer.lookup(name)`, asked once per article and name when the context keeps answers. */
function placesNamed(ctx: ClassifyContext, name: string): GazetteerPlace[] {
  const known = ctx.placesByName;
  if (!known) return ctx.gazetteer.lookup(name);
  let places = known.get(name);
  if (places === undefined) known.set(name, (places = ctx.gazetteer.lookup(name)));
  return places;
}

/** Second words of clubs named after their town ("Manchester United", "Leicester City"): never a surname. */
const CLUB_WORDS = new Set(['united', 'city', 'town', 'county', 'rovers', 'rangers', 'athletic', 'albion', 'wanderers', 'hotspur', 'villa', 'forest', 'wednesday', 'dynamo', 'fc', 'sc']);

const HYPHENED_PLACE = /^(\p{Lu}[\p{L}'’]+)-(?:based|backed|led|born|bound|run|owned|made|listed|funded|controlled|held|registered)$/u;

/** Organisation cues that also come before a person ("his rival Jonas Vingegaard", "team captain"). */
const PERSON_OR_ORG_CUES = new Set(['rival', 'team', 'club']);

const LOCATIVES = new Set(['in', 'at', 'from', 'to', 'near', 'off', 'north', 'south', 'east', 'west', 'outskirts', 'province', 'state', 'region', 'department', 'outside', 'across', 'around', 'into', 'toward', 'towards', 'via', 'of', 'visit', 'visited', 'left', 'reached', 'inside', 'throughout', 'northern', 'southern', 'eastern', 'western', 'central', 'capital', 'city', 'town', 'village']);

/** Turns one capitalised run into typed mentions; a run can hold several ("INTERPOL Secretary General Valdecy Urquiza"). */
export function classifySequence(seq: Sequence, ctx: ClassifyContext): RawMention[] {
  return classify(seq.words, seq.before, seq.after, ctx);
}

function classify(words: Token[], before: string[], after: string, ctx: ClassifyContext): RawMention[] {
  if (words.length === 0) return [];
  const texts = words.map((w) => w.text);
  const whole = spanOf(words);
  const prev = before[before.length - 1] ?? '';

  // "Seoul-based HYBE", "Rwanda-backed M23": the place is itself, and the name starts after it.
  const hyphened = texts[0].includes('-') ? HYPHENED_PLACE.exec(texts[0]) : null;
  if (hyphened) {
    const place: Token = { ...words[0], text: hyphened[1], end: words[0].start + hyphened[1].length };
    return [...classify([place], before, '', ctx), ...classify(words.slice(1), [], after, ctx)];
  }

  // "President of the International Criminal Police Organization": the office, then what it heads.
  const lead = titleLengthAt(texts, 0);
  if (lead > 0 && texts[lead]?.toLowerCase() === 'of') return classify(dropConnectors(words.slice(lead + 1)), ['of'], after, ctx);
  if (lead > 0 && isTitledName(whole.text)) return [mention(ctx, words, 'person', whole.text)];
  // "St. Peter's Square", "Saint Mark's Basilica": a place named after a saint, not the saint.
  if (texts.length >= 3 && SAINT.has(texts[0]) && SAINTS_PLACES.has(texts[texts.length - 1]) && !texts.includes('and')) return [mention(ctx, words, 'place', whole.text)];
  // "Judge Alan Whitcombe of the Manchester Crown Court": a titled name, then the body the person belongs to.
  const ofAfterName = lead > 0 ? texts.indexOf('of', lead + 1) : -1;
  if (ofAfterName > lead && ofAfterName - lead <= 4 && texts.slice(lead, ofAfterName).every(looksLikeNameWord) && hasOrganisationHead(texts.slice(ofAfterName + 1))) {
    return [...classify(words.slice(0, ofAfterName), before, '', ctx), ...classify(dropConnectors(words.slice(ofAfterName + 1)), ['of'], after, ctx)];
  }

  const feature = featureAfter(words, after, prev, ctx);
  if (feature) return [feature];

  const known = knownOrganisation(whole.text);
  if (known) return [mention(ctx, words, 'organization', known)];
  // "CEDAR KEY, Fla. (AP) — Residents of Cedar Key…": the dateline has said what the name is
  // (though "UNITED NATIONS (AP)" heads stories about the organisation).
  if (ctx.datelinePlace !== undefined && normaliseName(whole.text) === ctx.datelinePlace) return [placeMention(ctx, words, after)];
  if (/^(?:Brent|West|U\.S\.|WTI)$/.test(texts[0]) && (isCommodityName(whole.text) || (/^\s+crude\b/.test(after) && isCommodityName(`${whole.text} crude`)))) return [];
  // "and" joined the run; unless the whole is one body ("Ministry of Trade and Industry") it lists separate names.
  const and = texts.findIndex((t) => t === 'and' || t === '&');
  // "Harvard University and the Massachusetts Institute of Technology": a complete name on each side.
  // "Bank of America and Deutsche Bank" too, but not "Department of Health and Human Services": the first is "of" a place.
  const left = texts.slice(0, and);
  // "HYBE and Geffen Records": an acronym alone is a complete name too.
  const leftComplete = endsWithOrganisationHead(left) || (and === 1 && isAcronym(left[0])) || (startsWithOrganisationHead(left) && placesNamed(ctx, left.slice(2).join(' ')).length > 0);
  const twoBodies = and > 0 && leftComplete && hasOrganisationHead(dropConnectors(words.slice(and + 1)).map((w) => w.text));
  if (and > 0 && (twoBodies || !hasOrganisationHead(texts)) && placesNamed(ctx, whole.text).length === 0) {
    return [...classify(words.slice(0, and), before, '', ctx), ...classify(words.slice(and + 1), [texts[and]], after, ctx)];
  }
  if (hasOrganisationHead(texts) && !texts.some((t, i) => i > 0 && titleLengthAt(texts, i) > 0 && looksLikeNameWord(texts[texts.length - 1]))) {
    // "U.S. National Hurricane Center": a leading country code is where the body is, not part of its name.
    if (words.length > 2 && /^(?:U\.S\.|US|UK|U\.K\.)$/.test(texts[0])) return [...single(words[0], prev, '', ctx), mention(ctx, words.slice(1), 'organization', spanOf(words.slice(1)).text)];
    return [mention(ctx, words, 'organization', whole.text.replace(/^the\s+/i, ''))];
  }
  // "a house in Larkspur Close", "12 Rue Quintalon": an address, never a person (see street-names.ts).
  if (lead === 0 && isStreetName(texts, prev) && placesNamed(ctx, whole.text).length === 0) return [];
  // "his main rival, Jonas Vingegaard": "rival", "team" and "club" come before people too; a first and last name is one.
  const personAfterCue = PERSON_OR_ORG_CUES.has(prev) && texts.length >= 2 && texts.length <= 3 && texts.every(looksLikeNameWord) && placesNamed(ctx, texts[0]).length === 0;
  if (ORG_CUES.has(prev) && !personAfterCue && !placesNamed(ctx, whole.text).some((p) => p.kind !== 'city')) return [mention(ctx, words, 'organization', whole.text)];

  for (let i = 0; i < texts.length; i += 1) {
    const tl = titleLengthAt(texts, i);
    if (tl === 0 || (i === 0 && texts.length === 1) || titleIsSurname(texts, i, tl, ctx)) continue;
    const out = classify(words.slice(0, i), before, '', ctx);
    const rest = words.slice(i + tl);
    if (rest[0]?.text.toLowerCase() === 'of') return [...out, ...classify(dropConnectors(rest.slice(1)), ['of'], after, ctx)];
    // "Kerala Chief Minister Pinarayi Vijayan": titles stack; none of them is part of the name.
    const titleWords = texts.slice(i, i + tl);
    for (let more = titleLengthAt(texts, i + tl); more > 0 && rest.length > more; more = titleLengthAt(rest.map((w) => w.text), 0)) {
      titleWords.push(...rest.splice(0, more).map((w) => w.text));
    }
    let n = 0;
    while (n < rest.length && n < 5 && looksLikeNameWord(rest[n].text) && rest[n].text.toLowerCase() !== 'of') n += 1;
    if (n > 0 && !NAME_PARTICLES.has(rest[n - 1].text.toLowerCase())) {
      // "Prime Minister Sheikh Hasina": see keepsSheikh.
      const sheikh = keepsSheikh(titleWords, rest.slice(0, n));
      const named = sheikh ? [words[words.indexOf(rest[0]) - 1], ...rest.slice(0, n)] : rest.slice(0, n);
      if (sheikh) titleWords.pop();
      const person = mention(ctx, named, 'person', spanOf(named).text);
      if (titleWords.length > 0) person.title = titleWords.join(' ');
      out.push(person);
    }
    return [...out, ...classify(dropConnectors(rest.slice(n)), [], after, ctx)];
  }

  // "the Elizabeth line", "the Victoria line": a rail or metro line named after someone or somewhere,
  // not a mention of that place (Elizabeth, New Jersey) or person.
  if (prev === 'the' && /^\s+lines?\b/.test(after)) return [];

  // "Shares in Rio Tinto rose": a company, though a town bears its name.
  if (sharesIn(before)) return [mention(ctx, words, 'organization', whole.text)];
  // Ronald "Bato" dela Rosa: a nickname, not Bato in the Philippines.
  if (words.length === 1 && isNickname(words[0], ctx.fieldText)) return [];
  // "Rocky Mountain spotted fever", "West Nile virus": a disease, neither a place nor a person.
  if (namesNoPlace(whole.text, after, ctx)) return [];
  const places = placesNamed(ctx, whole.text);
  // "Arsenal beat Newcastle 2-0": a club, though a city bears its name (a national side, named after
  // its country, stays the country).
  if (playsAgainst(before, after, places) && !LEADING_STOPWORDS.has(texts[0].toLowerCase())) {
    return [{ ...mention(ctx, words, 'organization', whole.text), club: true }];
  }
  if (places.length > 0 && !(words.length === 1 && acronymInProse(words[0], ctx.fieldText)) && acceptPlace(places, words, prev, after, ctx)) return [placeMention(ctx, words, after, places)];

  // "Sea of Galilee", "Strait of Hormuz": a feature "of" a name is one place, not the name's place.
  // ("…and the Strait of Hormuz": the right of an "and" keeps its "the".)
  const the = texts[0] === 'the' ? 1 : 0;
  if (texts[the + 1] === 'of' && texts.length <= the + 4 && /^(?:Sea|Gulf|Bay|Strait|Straits|Isle|Isles|Lake|Cape)$/.test(texts[the])) {
    return [mention(ctx, words.slice(the), 'place', spanOf(words.slice(the)).text)];
  }
  // "Mark Jensen of Boulder": with no organisation head, "of" separates a name from where it is from.
  const of = texts.indexOf('of');
  if (of > 0) return [...classify(words.slice(0, of), before, '', ctx), ...classify(dropConnectors(words.slice(of + 1)), ['of'], after, ctx)];

  const allNames = texts.every(looksLikeNameWord) && !texts.some((t) => NON_NAME_WORDS.has(t.toLowerCase()));
  if (ROLE_CUES.has(prev) && allNames && texts.length <= 5) return [mention(ctx, words, 'person', whole.text)];

  if (words.length === 1) return single(words[0], prev, after, ctx, before);

  const decomposed = decompose(words, prev, after, ctx);
  if (decomposed) return decomposed;
  // "Residents of Cedar Key, Fla.": a name the text puts in a state or country is a place the gazetteer lacks.
  if (allNames && LOCATIVES.has(prev) && regionAfter(after, ctx)) return [placeMention(ctx, words, after)];

  if (PLACE_FEATURE_WORDS.has(texts[texts.length - 1].toLowerCase()) || /^(?:Lake|Mount|Mt\.|River|Isle|Cape|Gulf)$/.test(texts[0])) {
    return [mention(ctx, words, 'place', whole.text)];
  }
  // A leading acronym ("IG Metall", "BMW Group"), or a country or region inside the run ("Kenya Red Cross",
  // "Atlanta Braves", "Visit Norway"): people are not named after places, organisations are.
  const bigPlace = (name: string) => placesNamed(ctx, name).some((p) => p.kind !== 'city' || (p.population ?? 0) >= 300_000);
  // "Henk van der Meulen", "João Batista dos Santos", later "Van Houten": a particle before the last name word makes
  // the run a person's name, though a word of it is a big place (Van, Turkey; Santos, Brazil).
  const particleName = texts.length >= 2 && texts.slice(0, -1).some((t) => NAME_PARTICLES.has(t.toLowerCase())) && texts.every(looksLikeNameWord);
  const placeWord = !particleName && texts.some((t, i) => bigPlace(t) || (i + 1 < texts.length && bigPlace(`${t} ${texts[i + 1]}`)));
  if ((isAcronym(texts[0]) && !looksLikeNameWord(texts[0])) || placeWord) {
    const org = mention(ctx, words, 'organization', whole.text);
    // "Atlanta Braves" and "Houston Rockets" are teams (a plural last word); "Paris Hilton" may be a person.
    if (placeWord && allNames && texts.length === 2 && !/[^s]s$/.test(texts[1]) && !CLUB_WORDS.has(texts[1].toLowerCase())) org.personIfSurnameRecurs = true;
    return [org];
  }

  if (organisationAppositive(after)) return [mention(ctx, words, 'organization', whole.text.replace(/^the\s+/i, ''))];
  const hinted = ctx.hints.typeOf(whole.start, whole.end);
  if (allNames && texts.length <= 5 && (hinted === undefined || hinted === 'person')) return [mention(ctx, words, 'person', whole.text)];
  if (hinted === 'organization' || hinted === 'place' || hinted === 'person') return [mention(ctx, words, hinted, whole.text)];
  return [];
}

function single(word: Token, prev: string, after: string, ctx: ClassifyContext, before: string[] = [prev]): RawMention[] {
  const text = word.text;
  // "Sen. Chuck Schumer, D-N.Y.": a party and a state, not an organisation.
  if (/^[RDI]-[A-Z]/.test(text)) return [];
  if (isAcronym(text) && !/^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$/.test(text)) {
    const parts = acronymParts(text);
    const knownPart = parts.map((p) => knownOrganisation(p)).find(Boolean);
    if (knownPart) return [mention(ctx, [word], 'organization', knownPart)];
    const places = placesNamed(ctx, text).filter((p) => p.kind === 'country');
    if (places.length > 0) return [placeMention(ctx, [word], after, places)];
    if (isNonOrgAcronym(text) || text.replace(/[^\p{L}]/gu, '').length < 2 || after.startsWith('$')) return [];
    return [mention(ctx, [word], 'organization', text)];
  }
  const places = placesNamed(ctx, text);
  // Names before what companies do ("Glencore's chief executive", "Infosys rose 1.7%"); a town's name
  // only before its chief executive ("Ajax chief executive Menno Geelen"), a country's never.
  const company = companyCueAfter(after);
  const executive = company === 'executive' && !places.some((p) => p.kind !== 'city');
  if (!executive && places.length > 0 && acceptPlace(places, [word], prev, after, ctx)) return [placeMention(ctx, [word], after, places)];
  const hinted = ctx.hints.typeOf(word.start, word.end);
  if (LEADING_STOPWORDS.has(text.toLowerCase())) return [];
  // CamelCase brands (PeruRail, SpaceX) and names after an organisation cue ("power utility Eskom").
  const camel = /^\p{Lu}\p{Ll}+\p{Lu}/u.test(text);
  if (camel || company || ORG_CUES.has(prev) || sharesIn(before)) {
    const org = mention(ctx, [word], 'organization', text);
    // "McIlroy", "DeChambeau" are written like brands; "X said in a statement" is said by people too.
    if ((camel && looksLikeNameWord(text)) || (company === 'statement' && !ORG_CUES.has(prev))) org.personIfFullNamed = true;
    return [org];
  }
  if (hinted === 'organization' || hinted === 'place') return [mention(ctx, [word], hinted, text)];
  if (!looksLikeNameWord(text)) return [];
  // Bare surnames count only once linked to a full name (or when a library vouches for them).
  return [{ ...mention(ctx, [word], 'person', text), weak: hinted !== 'person' }];
}

const RESULT = '(?:beat|beats|defeated|edged|thrashed|hammered|routed|drew|drew with|lost to)';
/** A scoreline right after the name, or after the result and the other side: "Newcastle 2-0", "Arsenal beat Newcastle 2-0". */
const SCORED = new RegExp(`^\\s+(?:${RESULT}\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3})?\\d{1,2}-\\d{1,2}\\b`, 'u');
const SET_SCORES = /\d{1,2}-\d{1,2}(?:\s*\(\d+\))?,?\s+\d{1,2}-\d{1,2}/;
const RESULT_AFTER = new RegExp(`^\\s+${RESULT}\\b`);
/** Before a side: a result ("beat Newcastle", "drew with Lyon", "vs Milan"). Not "hosted": cities and leaders host. */
const RESULT_BEFORE = new Set(['beat', 'beats', 'beating', 'defeated', 'edged', 'thrashed', 'hammered', 'routed', 'vs', 'vs.', 'v', 'v.']);

/**
 * A side in a match report: certain with a scoreline; with a result word alone ("Trump defeated
 * Harris" reads the same) only for a name that is a big city, where a club is the likelier reading.
 * A country's name is its national side and stays the country.
 */
function playsAgainst(before: string[], after: string, places: GazetteerPlace[]): boolean {
  // Runs for every capitalised run: the cheap tests first.
  const prev = before[before.length - 1] ?? '';
  // "Sabalenka beat Gauff 6-4 3-6 6-2": set scores are a tennis match between people, not a club's result.
  const scored = /\d-\d/.test(after) && SCORED.test(after) && !SET_SCORES.test(after);
  const result = !scored && (RESULT_BEFORE.has(prev) || (prev === 'with' && before[before.length - 2] === 'drew') || RESULT_AFTER.test(after));
  if (!scored && !result) return false;
  if (places.some((p) => p.kind !== 'city')) return false;
  return scored || (places.length > 0 && maxPop(places) >= 100_000);
}

/** "Marrakech Morocco", "in Gaza City Palestine": consecutive gazetteer names. Only after a locative or ending in a country. */
function decompose(words: Token[], prev: string, after: string, ctx: ClassifyContext): RawMention[] | undefined {
  const parts = placeNamesAlong(words, ctx);
  if (!parts) return undefined;
  const lastPlaces = parts[parts.length - 1].places;
  const lastIsArea = lastPlaces.some((p) => p.kind !== 'city');
  if (!LOCATIVES.has(prev) && !lastIsArea) return undefined;
  // "Marrakech Morocco" yes, "Parks Canada" no: the leading names must be places of the trailing one's
  // country, and after a locative, where the trailing name is a town too ("in Ikeja Lagos"), of its state.
  const within = (c: GazetteerPlace) => lastPlaces.some((p) => p.countryCode === c.countryCode && (lastIsArea || p.admin1 === c.admin1));
  if (parts.slice(0, -1).every((p) => p.places.some(within))) {
    return parts.map((p, k) => placeMention(ctx, p.words, k === parts.length - 1 ? after : ', ' + parts[k + 1].text, p.places));
  }
  // "residents of Halls Gap" is not Halls, Tennessee and Gap, France: after a locative, small towns'
  // names that do not nest are one place the gazetteer lacks (named, but with no coordinates to give).
  const small = parts.every((p) => p.places.every((c) => c.kind === 'city' && (c.population ?? 0) < 100_000));
  return LOCATIVES.has(prev) && small ? [mention(ctx, words, 'place', spanOf(words).text)] : undefined;
}

/**
 * The run cut greedily into the longest gazetteer names from the left, or undefined where no name
 * starts. Candidates are at most the gazetteer's longest name in words, and grow a word at a time:
 * every longer span was a lookup that could not match, and rebuilding each span's text made a long
 * run of names ("Paris Paris Paris…") cost its cube.
 */
function placeNamesAlong(words: Token[], ctx: ClassifyContext): { words: Token[]; text: string; places: GazetteerPlace[] }[] | undefined {
  const parts: { words: Token[]; text: string; places: GazetteerPlace[] }[] = [];
  const longest = ctx.gazetteer.longestNameWords;
  let i = 0;
  while (i < words.length) {
    const candidates: string[] = [words[i].text];
    const end = Math.min(words.length, i + longest);
    for (let j = i + 1; j < end; j += 1) candidates.push(`${candidates[candidates.length - 1]} ${words[j].text}`);
    let n = candidates.length;
    let places: GazetteerPlace[] = [];
    while (n > 0 && (places = placesNamed(ctx, candidates[n - 1])).length === 0) n -= 1;
    if (n === 0) return undefined;
    parts.push({ words: words.slice(i, i + n), text: candidates[n - 1], places });
    i += n;
  }
  return parts;
}

/**
 * Lower-case words after a name that make the two one place: "the Amazon river", "the Mekong delta".
 * Not "coast": "Mexico's Pacific coast" is a stretch of a country, not a place with a name.
 */
const FEATURES_AFTER = new Set(
  'river delta lake estuary canal strait mountains range basin glacier volcano reservoir creek island islands forest rainforest jungle sea gulf bay valley desert peninsula plateau falls'.split(' '),
);
/** Features an area has as well as a name of its own ("the California desert", "the Congo basin"): after a country, state or big city, the name is that place. */
const FEATURES_OF_AREAS = new Set('desert valley peninsula plateau forest rainforest jungle mountains range islands basin'.split(' '));
const WORD_AFTER = /^\s+(\p{Ll}+)\b/u;

/**
 * "the Amazon river", "the Colorado river": a name and a geographic feature are a place, the river and
 * not the company, the state or a person. Named "Amazon River" (no gazetteer entry, so no coordinates).
 */
function featureAfter(words: Token[], after: string, prev: string, ctx: ClassifyContext): RawMention | undefined {
  if (words.length > 3) return undefined;
  const m = featureWordAfter(after);
  if (!m || !words.every((w) => looksLikeNameWord(w.text))) return undefined;
  // "the Iguazu falls" is a place; "Nikkei falls as Toyota cuts…" is a verb.
  if (m.word === 'falls' && prev !== 'the') return undefined;
  const whole = spanOf(words);
  if (FEATURES_OF_AREAS.has(m.word) && placesNamed(ctx, whole.text).some((p) => p.kind !== 'city' || (p.population ?? 0) >= 100_000)) return undefined;
  // "Former Prime Minister … river": a title opening the run is a person's, whatever follows.
  if (titleLengthAt(words.map((w) => w.text), 0) > 0 || ROLE_CUES.has(prev)) return undefined;
  const end = whole.end + m.length;
  return { field: ctx.field, start: whole.start, end, text: ctx.fieldText.slice(whole.start, end), type: 'place', name: `${whole.text} ${m.word[0].toUpperCase()}${m.word.slice(1)}` };
}

/**
 * WORD_AFTER's word when it is one of FEATURES_AFTER, and the length of the match. This runs for every
 * run the classifier sees, nearly always before a space and a lower-case ASCII word: such text is read
 * by character codes, anything else by the pattern.
 */
export function featureWordAfter(after: string): { word: string; length: number } | undefined {
  let i = 0;
  while (i < after.length && (after.charCodeAt(i) === 0x20 || after.charCodeAt(i) === 0x0a)) i += 1;
  if (i === 0) return viaPattern(after);
  const from = i;
  while (i < after.length && after.charCodeAt(i) >= 0x61 && after.charCodeAt(i) <= 0x7a) i += 1;
  // An ASCII character that is not a word character (or the end) ends the word as \b would; anything else is the pattern's to judge.
  const next = i < after.length ? after.charCodeAt(i) : -1;
  if (i === from || next >= 0x80 || (next >= 0 && isAsciiWordChar(next))) return viaPattern(after);
  const word = after.slice(from, i);
  return FEATURES_AFTER.has(word) ? { word, length: i } : undefined;
}

function viaPattern(after: string): { word: string; length: number } | undefined {
  const m = WORD_AFTER.exec(after);
  return m && FEATURES_AFTER.has(m[1]) ? { word: m[1], length: m[0].length } : undefined;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * "Sheikh" is an honorific, but in "Sheikh Hasina" and "Sheikh Mujibur Rahman" it is what the name is
 * written and searched as; before an Arabic patronymic ("Sheikh Tamim bin Hamad Al Thani") it is a
 * title like "King", and the name is the rest.
 */
function keepsSheikh(titleWords: string[], name: Token[]): boolean {
  return titleWords[titleWords.length - 1] === 'Sheikh' && !name.some((w) => /^(?:bin|bint|ibn|al|el)(?:-|$)/i.test(w.text));
}

function acceptPlace(places: GazetteerPlace[], words: Token[], prev: string, after: string, ctx: ClassifyContext): boolean {
  if (places.some((p) => p.kind !== 'city')) return true;
  const text = words.map((w) => w.text).join(' ');
  if (words.length > 1) {
    return !words.every((w) => looksLikeNameWord(w.text)) || LOCATIVES.has(prev) || maxPop(places) >= 50_000 || places.some((p) => p.countryCode && ctx.countries.has(p.countryCode));
  }
  if (LEADING_STOPWORDS.has(text.toLowerCase()) || NON_NAME_WORDS.has(text.toLowerCase())) return false;
  // "Mobile phones will be banned", "Nice words were exchanged": opening a sentence, an everyday word
  // is capitalised anyway, so it names a place only with a cue (", Ala.") or a city too big to mistake.
  if (words[0].sentenceStart && ctx.gazetteer.isEverydayWord(text)) return !!regionAfter(after, ctx) || maxPop(places) >= 1_000_000;
  if (LOCATIVES.has(prev) && maxPop(places) >= 1000) return true;
  if (regionAfter(after, ctx)) return true;
  if (maxPop(places) >= 100_000) return true;
  return places.some((p) => p.countryCode && ctx.countries.has(p.countryCode) && (p.population ?? 0) >= 15_000);
}

/** `, Texas` / `, Morocco` right after a name: the country or state that disambiguates it. */
export function regionAfter(after: string, ctx: Pick<ClassifyContext, 'gazetteer'>): PlaceHint | undefined {
  const m = /^,\s+((?:\p{Lu}[\p{L}.]*\.?)(?:\s\p{Lu}[\p{L}]*){0,2})/u.exec(after);
  if (!m) return undefined;
  return ctx.gazetteer.area(m[1]);
}

/** "Lyme disease", "Marburg virus", "Rocky Mountain spotted fever", "the DAX index": named after a place, not the place. */
const NOT_PLACE_AFTER = /^\s+(?:disease|fever|spotted fever|virus|syndrome|flu|index|share average|stock index)\b/;
/** Planets, which towns are named after (Jupiter, Florida; Mars, Pennsylvania): the town only when the text places it. */
const PLANETS = new Set(['mercury', 'venus', 'mars', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto']);

function namesNoPlace(text: string, after: string, ctx: ClassifyContext): boolean {
  if (NOT_PLACE_AFTER.test(after)) return true;
  return PLANETS.has(text.toLowerCase()) && !regionAfter(after, ctx);
}

/** A word in double quotes right after a name word: `Ronald "Bato" dela Rosa`. */
function isNickname(word: Token, text: string): boolean {
  const open = text[word.start - 1];
  const close = text[word.end];
  if ((open !== '"' && open !== '“') || (close !== '"' && close !== '”')) return false;
  return /\p{Lu}[\p{L}.'’-]*\s$/u.test(text.slice(Math.max(0, word.start - 30), word.start - 1));
}

/**
 * "Germany's DAX": a lone shouted word among lower-case words is an acronym, a country's at most (see
 * single), not Dax, France. In a shouted headline every name is in capitals.
 */
function acronymInProse(word: Token, text: string): boolean {
  // Most words are not shouted: their second letter settles it without isAcronym's pattern.
  const second = word.text.charCodeAt(1);
  if (second >= 0x61 && second <= 0x7a) return false;
  return isAcronym(word.text) && /\p{Ll}/u.test(text.slice(Math.max(0, word.start - 30), word.end + 30));
}

/** "shares in X", "shares of X": the two words before a run (see capitalised-sequences.ts). */
function sharesIn(before: string[]): boolean {
  return before.length === 2 && (before[1] === 'in' || before[1] === 'of') && before[0] === 'shares';
}

const SAINT = new Set(['St.', 'St', 'Saint']);
/** The last words of places named after saints ("St. Peter's Square"). */
const SAINTS_PLACES = new Set(['Square', 'Basilica', 'Cathedral', 'Church', 'Abbey', 'Chapel']);

/**
 * "Ollie Pope", "Stephen King": a title word (see SURNAME_TITLES) that ends a run of two or three name
 * words is the surname. Not after a country's adjective or name ("British Prince", "Jordan King").
 */
function titleIsSurname(texts: string[], i: number, tl: number, ctx: ClassifyContext): boolean {
  if (tl !== 1 || i === 0 || i > 2 || i + 1 !== texts.length || !SURNAME_TITLES.has(texts[i].toLowerCase())) return false;
  const given = texts.slice(0, i);
  if (!given.every((t) => looksLikeNameWord(t) && titleLengthAt([t], 0) === 0 && !NON_NAME_WORDS.has(t.toLowerCase()))) return false;
  return !/(?:ish|ese|ian|ean|i)$/.test(given[0]) && !ctx.gazetteer.area(given[0]) && !ctx.gazetteer.area(given[0].replace(/n$/, ''));
}

function maxPop(places: GazetteerPlace[]): number {
  return Math.max(0, ...places.map((p) => p.population ?? 0));
}

function dropConnectors(words: Token[]): Token[] {
  let a = 0;
  while (a < words.length && /^(?:of|the|and|for|on)$/i.test(words[a].text)) a += 1;
  return words.slice(a);
}

function spanOf(words: Token[]): { start: number; end: number; text: string } {
  const start = words[0].start;
  const end = words[words.length - 1].end;
  // Token texts joined by their single-space gaps reproduce the field text (sequences never cross other gaps).
  return { start, end, text: words.map((w) => w.text).join(' ') };
}

function mention(ctx: ClassifyContext, words: Token[], type: RawMention['type'], name: string): RawMention {
  const s = spanOf(words);
  return { field: ctx.field, start: s.start, end: s.end, text: ctx.fieldText.slice(s.start, s.end), type, name };
}

function placeMention(ctx: ClassifyContext, words: Token[], after: string, places?: GazetteerPlace[]): RawMention {
  const m = mention(ctx, words, 'place', spanOf(words).text);
  // "Paris, Texas" is disambiguated by what follows; "Kenya, Uganda and Tanzania" is a list.
  if (after.startsWith(',') && (places ?? placesNamed(ctx, m.name)).some((p) => p.kind === 'city')) m.hint = regionAfter(after, ctx);
  return m;
}
