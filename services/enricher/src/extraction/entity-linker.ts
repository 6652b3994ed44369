import { abbreviates, acronymParts, knownOrganisation } from './acronyms';
import { isShortFormOf } from './event-patterns';
import { Gazetteer, GazetteerPlace } from './gazetteer';
import { choosePlace, GeoContext } from './geocode';
import { normaliseName } from './normalise-name';
import { NAME_PARTICLES, surnameKeys } from './person-names';
import { RawMention } from './types';

/** A mention assigned to its entity. */
export interface LinkedMention extends RawMention {
  key: string;
  place?: GazetteerPlace;
}

/**
 * Decides which mentions are the same entity: bare surnames → the full name, short event names →
 * the longest, acronym ↔ long form written as "Long Form (ACR)", places → one gazetteer entry.
 * Weak mentions that link to nothing are dropped.
 */
export function linkMentions(
  mentions: RawMention[],
  gazetteer: Gazetteer,
  geo: GeoContext,
  texts: { headline: string; body: string },
  /** Answers of `gazetteer.lookup` already given for this article, by name (kept and added to). */
  placesByName = new Map<string, GazetteerPlace[]>(),
): LinkedMention[] {
  const aliases = acronymAliases(mentions, texts);
  readPeopleNamedAfterPlaces(mentions, texts);
  const fullNames = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.weak || !m.name.includes(' ')) continue;
    for (const k of surnameKeys(m.name)) {
      const seen = fullNames.get(k);
      // Two people sharing a surname make the bare surname ambiguous: link to neither.
      fullNames.set(k, seen === undefined || seen === m.name ? m.name : null);
    }
  }
  // "Sheikh Tamim bin Hamad Al Thani … Sheikh Tamim": a ruler's later mention is the honorific and the given name.
  for (const m of mentions) {
    if (m.type !== 'person' || !m.title?.endsWith('Sheikh') || !m.name.includes(' ')) continue;
    const k = `sheikh ${normaliseName(m.name.slice(0, m.name.indexOf(' ')))}`;
    const seen = fullNames.get(k);
    fullNames.set(k, seen === undefined || seen === m.name ? m.name : null);
  }
  // "Pope Leo XIV … Leo, born Robert Prevost": a pope is named by his regnal name alone (not Léo, Burkina Faso).
  for (const m of mentions) {
    if (m.type !== 'person' || !m.title?.endsWith('Pope') || !/^\S+ [IVXL]+$/.test(m.name)) continue;
    const k = normaliseName(m.name.slice(0, m.name.indexOf(' ')));
    if (!fullNames.has(k)) fullNames.set(k, m.name);
  }
  readSurnamesNamedAfterPlaces(mentions, fullNames, texts);
  readSurnamesReadAsOrganisations(mentions, fullNames);
  readPeopleNamedLikeTheStorysPlaces(mentions);
  const placesNamed = (name: string) => {
    let places = placesByName.get(name);
    if (places === undefined) placesByName.set(name, (places = gazetteer.lookup(name)));
    return places;
  };
  readClubsNamedAfterPlaces(mentions, placesNamed);
  // One resolution per name: "Churchill, Manitoba" decides what a bare "Churchill" elsewhere means.
  const placeHints = new Map<string, RawMention['hint']>();
  for (const m of mentions) if (m.type === 'place' && m.hint && !placeHints.has(normaliseName(m.name))) placeHints.set(normaliseName(m.name), m.hint);
  const events = [...new Set(mentions.filter((m) => m.type === 'event').map((m) => m.name))].sort((a, b) => b.length - a.length);

  const out: LinkedMention[] = [];
  for (const m of mentions) {
    if (m.type === 'person') {
      const full = atMostTwoWords(m.name) || NAME_PARTICLES.has(m.name.split(' ')[0].toLowerCase()) ? fullNames.get(normaliseName(m.name)) : undefined;
      const name = full ?? m.name;
      if (m.weak && !full) continue;
      out.push(linked(m, name, `person:${normaliseName(name)}`));
    } else if (m.type === 'event') {
      const name = events.find((e) => e !== m.name && isShortFormOf(m.name, e)) ?? m.name;
      out.push(linked(m, name, `event:${normaliseName(name)}`));
    } else if (m.type === 'organization') {
      const name = aliases.get(normaliseName(m.name)) ?? withoutLegalForm(m.name);
      out.push(linked(m, name, `organization:${normaliseName(name)}`));
    } else if (m.type === 'place') {
      const place = choosePlace(m.dateline ? gazetteer.lookupDateline(m.name) : placesNamed(m.name), geo, m.hint ?? placeHints.get(normaliseName(m.name)) ?? {});
      // "Genève", "Pékin", "Suisse": one place, one name, however the story spells it (the spelling stays a surface form).
      const name = (place && gazetteer.englishName(m.name, place)) ?? m.name;
      out.push(linked(m, name, place ? place.id : `place:${normaliseName(m.name)}`, place));
    } else {
      out.push(linked(m, m.name, `date:${m.name}`));
    }
  }
  return out;
}

/**
 * "Paris Hilton arrived … Hilton said": a two-word name holding a place, whose second word the text
 * uses alone as a surname (a bare-surname mention), is a person; the surname then links to it.
 */
function readPeopleNamedAfterPlaces(mentions: RawMention[], texts: { headline: string; body: string }): void {
  const candidates = mentions.filter((m) => m.personIfSurnameRecurs);
  if (candidates.length === 0) return;
  // "Michael Jordan said … Jordan, who won six titles": the bare word was read as the country, but
  // nothing in the text places it, so it may as well be the surname.
  const bareWord = (m: RawMention) => (m.type === 'person' && m.weak) || (m.type === 'place' && !m.name.includes(' ') && !placedByText(m, mentions, texts));
  const bare = new Set(mentions.filter(bareWord).map((m) => normaliseName(m.name)));
  const people = new Set(candidates.filter((m) => bare.has(normaliseName(m.name.slice(m.name.indexOf(' ') + 1)))).map((m) => m.name));
  for (const m of mentions) if (people.has(m.name) && m.type === 'organization') m.type = 'person';
}

/** "in Austin", "near Jackson", "King Abdullah of Jordan": a preposition that places what follows. */
const PLACED_BY = /\b(?:in|at|from|near|to|into|outside|across|around|toward|towards|of|between)\s+(?:the\s+)?$/i;
/** "Jordan's King Abdullah", "Jordan's government": what a country has, not what a person has. */
const PLACE_POSSESSES = /^['’]s\s+(?:king|queen|crown|prince|princess|emir|president|prime|foreign|defen[cs]e|interior|finance|health|government|capital|army|military|border|borders|economy|parliament|embassy|ministry|people|largest|second-largest|northern|southern|eastern|western|central)\b/i;

/**
 * The text itself says a bare word is a place: a preposition before it ("in Jordan"), a country's
 * possession after it ("Jordan's King Abdullah"), or a town before it ("Amman, Jordan").
 */
function placedByText(m: RawMention, mentions: RawMention[], texts: { headline: string; body: string }): boolean {
  if (m.hint || m.dateline) return true;
  const text = texts[m.field];
  if (PLACED_BY.test(text.slice(Math.max(0, m.start - 16), m.start)) || PLACE_POSSESSES.test(text.slice(m.end, m.end + 30))) return true;
  const comma = /,\s*$/.exec(text.slice(Math.max(0, m.start - 3), m.start));
  return !!comma && mentions.some((o) => o.type === 'place' && o.field === m.field && o.end === m.start - comma[0].length);
}

/**
 * "Defense Secretary Lloyd Austin … Austin said": a bare word the story uses as the surname of someone
 * it names in full is that person, though a town bears the name (and would otherwise get the weather),
 * unless the text places it (", Texas", "in Austin") or the dateline names it.
 */
function readSurnamesNamedAfterPlaces(mentions: RawMention[], fullNames: Map<string, string | null>, texts: { headline: string; body: string }): void {
  if (fullNames.size === 0) return;
  for (const m of mentions) {
    if (m.type !== 'place' || m.name.includes(' ') || !fullNames.get(normaliseName(m.name)) || placedByText(m, mentions, texts)) continue;
    m.type = 'person';
  }
}

/**
 * "Rory McIlroy won … McIlroy said": a lone word read as an organisation only on evidence a surname
 * has too (see personIfFullNamed) is the person the story names in full with that surname.
 */
function readSurnamesReadAsOrganisations(mentions: RawMention[], fullNames: Map<string, string | null>): void {
  for (const m of mentions) {
    if (!m.personIfFullNamed || m.type !== 'organization' || !fullNames.get(normaliseName(m.name))) continue;
    m.type = 'person';
    m.weak = true;
  }
}

/**
 * "Residents return to storm-battered Cedar Key" over "Residents of Cedar Key, Fla.": a name of several
 * words that the story reads as a place somewhere is that place everywhere, not a person.
 */
function readPeopleNamedLikeTheStorysPlaces(mentions: RawMention[]): void {
  const places = new Set(mentions.filter((m) => m.type === 'place' && m.name.includes(' ')).map((m) => normaliseName(m.name)));
  if (places.size === 0) return;
  for (const m of mentions) if (m.type === 'person' && !m.title && places.has(normaliseName(m.name))) m.type = 'place';
}

/**
 * "Arsenal beat Newcastle 2-0 … Newcastle manager Eddie Howe": once a match report names a club, the
 * bare name is the club throughout. So for a company ("miner Vale … profit at Vale"): a story that
 * names an organisation X means it by a bare X, unless a region places it ("Vale, Oregon") or it is the dateline.
 */
function readClubsNamedAfterPlaces(mentions: RawMention[], placesNamed: (name: string) => GazetteerPlace[]): void {
  // One pass over the mentions (this runs for every article); names as written: a club or company and the
  // place it shadows are spelt alike in one story.
  const clubs = new Set<string>();
  const places: RawMention[] = [];
  let matchReports = false;
  for (const m of mentions) {
    // A match report's clubs as folded names, as before companies were read so: "NEWCASTLE" in a shouted headline too.
    if (m.club) {
      clubs.add(normaliseName(m.name));
      matchReports = true;
    } else if (m.type === 'organization' && !m.weak) clubs.add(m.name);
    else if (m.type === 'place' && !m.hint && !m.dateline) places.push(m);
  }
  if (clubs.size === 0) return;
  for (const m of places) {
    if (!clubs.has(m.name) && !(matchReports && clubs.has(normaliseName(m.name)))) continue;
    // A country or region stays itself: "Mexico" is the national side's name too.
    if (!placesNamed(m.name).some((p) => p.kind !== 'city')) m.type = 'organization';
  }
}

/** One shape for every linked mention: spreading mentions of many shapes cost ~4 % of extraction. */
function linked(m: RawMention, name: string, key: string, place?: GazetteerPlace): LinkedMention {
  return { field: m.field, start: m.start, end: m.end, text: m.text, type: m.type, name, hint: m.hint, weak: m.weak, title: m.title, key, place };
}

/** Legal forms that follow a company's name and never make it another company. "Corporation" and "Limited" can be part of a name ("British Broadcasting Corporation"), so they stay. */
const LEGAL_FORM = /,?\s+(?:Inc\.?|Incorporated|Ltd\.?|PLC|plc|LLC|L\.L\.C\.|AG|GmbH|S\.?A\.?|N\.?V\.?)$/;

/** "Apple Inc" and "Apple" are one company, with one id in every article: the legal form is left out of the name. */
function withoutLegalForm(name: string): string {
  const base = name.replace(LEGAL_FORM, '');
  return base.length > 0 && base !== name ? base : name;
}

function atMostTwoWords(name: string): boolean {
  const space = name.indexOf(' ');
  return space < 0 || name.indexOf(' ', space + 1) < 0;
}

/**
 * "International Criminal Police Organization (ICPO–INTERPOL)": both spellings map to one canonical
 * name. When the acronym is itself the usual name (INTERPOL, NATO) it wins; otherwise the long form does.
 */
function acronymAliases(mentions: RawMention[], texts: { headline: string; body: string }): Map<string, string> {
  const aliases = new Map<string, string>();
  const orgs = mentions.filter((m) => m.type === 'organization');
  for (const long of orgs) {
    const following = /^\s*\(([^)]{2,40})\)/.exec(texts[long.field].slice(long.end, long.end + 45));
    if (!following) continue;
    const acronym = following[1].trim();
    const parts = [acronym, ...acronymParts(acronym)];
    const known = parts.map((p) => knownOrganisation(p)).find(Boolean);
    if (!known && !abbreviates(acronym, long.name)) continue;
    const target = known ?? long.name;
    for (const p of [long.name, ...parts]) aliases.set(normaliseName(p), target);
    const shortMention = orgs.find((o) => o.field === long.field && o.start > long.end && o.start <= long.end + 3);
    if (shortMention) aliases.set(normaliseName(shortMention.name), target);
  }
  addCompanyShortForms(orgs, aliases);
  return aliases;
}

/** Last words of a company's full name, whose first word alone names it later ("Ford Motor Co … Ford shares fell"). */
const COMPANY_HEADS = new Set(['co', 'co.', 'corp', 'corp.', 'corporation', 'company', 'inc', 'inc.', 'motor', 'motors', 'group', 'electronics', 'industries', 'holdings', 'airways', 'airlines', 'plc']);

/** A lone word that starts one company's full name in the story is that company (two such companies: neither). */
function addCompanyShortForms(orgs: RawMention[], aliases: Map<string, string>): void {
  const longs = new Map<string, string | null>();
  for (const o of orgs) {
    const space = o.name.indexOf(' ');
    if (space < 0 || !COMPANY_HEADS.has(o.name.slice(o.name.lastIndexOf(' ') + 1).toLowerCase())) continue;
    const first = normaliseName(o.name.slice(0, space));
    const seen = longs.get(first);
    longs.set(first, seen === undefined || seen === o.name ? (aliases.get(normaliseName(o.name)) ?? o.name) : null);
  }
  if (longs.size === 0) return;
  for (const o of orgs) {
    if (o.name.includes(' ')) continue;
    const key = normaliseName(o.name);
    const long = longs.get(key);
    if (long && !aliases.has(key)) aliases.set(key, withoutLegalForm(long));
  }
}
