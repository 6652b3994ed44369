import type { Entity, Location } from '@newsflow/contracts';
import { findSequences } from './capitalised-sequences';
import { classifySequence, ClassifyContext } from './classify-sequence';
import { DateMatch, findDates } from './date-expressions';
import { redateInZone } from './redate-in-zone';
import { releasedAt } from '@newsflow/contracts/release-time';
import { DateOrder, dateOrderOf } from './numeric-date-order';
import { Dateline, DateOnlyDateline, parseDateline, parseDatelineField, parseDateOnlyDateline } from './dateline-parser';
import { findEvents } from './event-patterns';
import { Gazetteer, GazetteerPlace } from './gazetteer';
import { choosePlace, GeoContext } from './geocode';
import { isTitleCase, matchTitleCaseHeadline } from './headline-matcher';
import { linkMentions } from './entity-linker';
import { NlpHints, NO_HINTS } from './nlp-hints';
import { normaliseName } from './normalise-name';
import { choosePrimaryLocation } from './primary-location';
import { zoneAt } from './time-zone';
import { hasOnlyAsciiWords } from './ascii-text';
import { buildEntities } from './build-entities';
import { tokenise } from './tokenise';
import { leadingArea } from './leading-area';
import { datelineArea } from './dateline-area';
import { unclaimedTokens } from './unclaimed-tokens';
import { ArticleText, Field, RawMention, Span } from './types';

export interface ExtractOptions {
  gazetteer: Gazetteer;
  /** Optional NLP library consulted where the rules are silent (see `compromise-hints.ts`). */
  hints?: (text: string) => NlpHints;
}

export interface Extraction {
  entities: Entity[];
  primaryLocation: Location | null;
}

/** Wire stories are a few KB; beyond this the rest is read for nothing but cost (1 MB bodies exist). */
export const MAX_FIELD_CHARS = 100_000;

export function extractEntities(article: ArticleText, options: ExtractOptions): Extraction {
  const headline = clean(article.headline);
  const body = clean(article.body);
  const texts = { headline, body };
  const hints = options.hints ?? (() => NO_HINTS);
  const g = options.gazetteer;

  const mentions: RawMention[] = [];
  const claimed: Record<Field, Span[]> = { headline: [], body: [] };

  // The dateline first: it names the place the story was filed from and must not be read as an acronym.
  const dateline = parseDateline(body);
  let datelineSpan: Span | undefined;
  let datelineHint: { countryCode?: string; admin1?: string } | undefined;
  let filedAt: GazetteerPlace | undefined;
  /** A dateline place the gazetteer does not know ("CEDAR KEY, Fla."): still a place wherever the text names it. */
  let unknownDatelinePlace: string | undefined;
  if (dateline) {
    datelineSpan = { field: 'body', start: 0, end: dateline.end, text: body.slice(0, dateline.end) };
    claimed.body.push(datelineSpan);
    const read = readDateline(dateline, g);
    datelineHint = read.hint;
    filedAt = read.filedAt;
    if (read.candidates.length > 0) mentions.push({ field: 'body', ...dateline.place, type: 'place', name: read.placeName, hint: datelineHint, dateline: true });
    else unknownDatelinePlace = normaliseName(read.placeName);
    for (const other of dateline.alsoFrom) {
      const name = titleCaseDateline(other.text);
      if (g.lookup(name).length > 0) mentions.push({ field: 'body', ...other, type: 'place', name });
    }
    if (dateline.region && (read.country || g.lookup(dateline.region.text).some((p) => p.kind !== 'city'))) {
      mentions.push({ field: 'body', ...dateline.region, type: 'place', name: dateline.region.text });
    }
  }
  // "Nov 5 (Reuters) -": no place, so the story's text places it; the source is no name in the story.
  const dateOnly = dateline ? undefined : parseDateOnlyDateline(body);
  if (dateOnly) {
    datelineSpan = { field: 'body', start: 0, end: dateOnly.end, text: body.slice(0, dateOnly.end) };
    claimed.body.push(datelineSpan);
  }
  // The source's own dateline field (NITF <dateline><location>, G2 `located`), when the text has none
  // that resolves: a bare "GENEVA" or "New York, NY" there is where the story was filed from.
  const field = filedAt ? undefined : parseDatelineField(article.dateline);
  const fromField = field ? readDateline(field, g) : undefined;
  if (fromField?.filedAt) {
    filedAt = fromField.filedAt;
    datelineHint = fromField.hint ?? { countryCode: filedAt.countryCode };
  }
  // Relative dates ("today", "on Monday") are the days of the place the story was filed from.
  const filedZone = filedAt ? zoneAt(filedAt.lat, filedAt.lon) : undefined;
  const filedCountry = filedAt?.countryCode;
  /** The region the dateline gives ("PAIPORTA, Spain"), which places the story whatever the place's size. */
  const regionHint = fromField?.filedAt ? fromField.hint : dateline ? datelineHint : undefined;
  /** Something besides the dateline's own name places the story in the dateline's country. */
  const corroborated = (entities: Entity[], datelineId?: string) => {
    const cc = filedAt?.countryCode;
    if (!cc) return true;
    return regionHint?.countryCode === cc || entities.some((e) => e.type === 'place' && e.id !== datelineId && e.geo?.countryCode === cc) ||
      (!!article.language && !!LANGUAGE_COUNTRIES[article.language]?.includes(cc));
  };
  /** The dateline field's place as an entity when the text does not name it (it has no mentions then). */
  const fieldPlace = (entities: Entity[]): Entity | undefined => {
    if (!fromField?.filedAt || !field) return undefined;
    const place = fromField.filedAt;
    const named = entities.find((e) => e.id === place.id);
    if (named) return named;
    return {
      id: place.id, type: 'place', name: g.englishName(fromField.placeName, place) ?? fromField.placeName, surfaceForms: [field.place.text], mentions: [], mentionCount: 0, salience: 0,
      geo: { lat: place.lat, lon: place.lon, countryCode: place.countryCode, admin1: place.admin1, population: place.population },
    };
  };

  if (article.placeOnly) {
    const geo = { countries: new Set<string>(datelineHint?.countryCode ? [datelineHint.countryCode] : []), admins: new Set<string>() };
    const places = buildEntities(linkMentions(mentions, g, geo, texts), texts);
    const filed = dateline ? places.find((e) => e.mentions.some((m) => m.field === 'body' && m.start === dateline.place.start)) : fieldPlace(places);
    return { entities: [], primaryLocation: filed ? choosePrimaryLocation([filed], filed, corroborated([], filed.id)) : null };
  }

  // "CORRECTED-", "UPDATE 2-", "EXCLUSIVE:": the wire's label for the story, not a name in it.
  const label = WIRE_LABEL.exec(headline);
  if (label) claimed.headline.push({ field: 'headline', start: 0, end: label[0].length, text: label[0] });

  // Relative dates are read from the day readers got the story (an embargo's end), where it is; a dateline
  // of a date alone says that day outright, wherever the story turns out to be.
  const order = dateOrderOf(article.languageTag, filedCountry);
  const filedOn = dateOnly ? datelineDay(body, dateOnly, { releasedAt: releasedAt(article), readIn: filedZone, order }) : undefined;
  const dateAnchor = filedOn ? { releasedAt: `${filedOn.name}T00:00:00Z`, readIn: undefined, order } : { releasedAt: releasedAt(article), readIn: filedZone, order };
  if (filedOn) claim(filedOn, 'date');
  for (const field of ['body', 'headline'] as const) {
    for (const d of findDates(texts[field], field, dateAnchor.releasedAt, dateAnchor.readIn, dateAnchor.order)) claim(d, 'date');
    for (const e of findEvents(texts[field], field)) claim(e, 'event');
  }

  /** The gazetteer's answers by name for this article: the classifier and the linker ask about the same few names again and again. */
  const placesByName = new Map<string, GazetteerPlace[]>();
  const geo = geoContext(body, g, datelineHint);
  // "ATLANTA (AP) —": the country the story was filed from, even when the dateline does not name it.
  if (filedCountry) geo.countries.add(filedCountry);
  const bodyTokens = unclaimedTokens(tokenise(body), claimed.body);
  // The story's first sentence starts after its dateline ("LONDON (Reuters) — Reading from a statement").
  const openingAt = dateline?.end ?? dateOnly?.end;
  const opening = openingAt === undefined ? undefined : bodyTokens.find((t) => t.start >= openingAt);
  if (opening) opening.sentenceStart = true;
  const ctx: ClassifyContext = { field: 'body', fieldText: body, gazetteer: g, countries: geo.countries, hints: hints(body), datelinePlace: unknownDatelinePlace, placesByName };
  for (const seq of findSequences(body, bodyTokens)) mentions.push(...classifySequence(seq, ctx));

  if (isTitleCase(headline)) {
    const known = new Map<string, Omit<RawMention, keyof Span>>();
    for (const m of mentions) if (!m.weak) known.set(normaliseName(m.text), { type: m.type, name: m.name, hint: m.hint });
    mentions.push(...matchTitleCaseHeadline(headline, known, g, claimed.headline));
  } else {
    const hctx: ClassifyContext = { ...ctx, field: 'headline', fieldText: headline, hints: hints(headline) };
    const tokens = unclaimedTokens(tokenise(headline), claimed.headline);
    for (const seq of findSequences(headline, tokens)) mentions.push(...classifySequence(seq, hctx));
  }

  const linked = linkMentions(mentions, g, geo, texts, placesByName);
  const entities = buildEntities(linked, texts);
  const datelineId = dateline ? linked.find((m) => m.field === 'body' && m.start === dateline.place.start)?.key : undefined;
  const datelinePlace = datelineId ?? fieldPlace(entities) ?? (unknownDatelinePlace !== undefined ? datelineArea(entities, regionHint, g) : undefined);
  const datelineEntityId = typeof datelinePlace === 'string' ? datelinePlace : datelinePlace?.id;
  const primaryLocation = choosePrimaryLocation(entities, datelinePlace, corroborated(entities, datelineEntityId));
  // "today" is the primary location's day, as in the weather stage, when it is not the dateline's.
  const redated = filedOn ? undefined : redateInZone(linked, texts, { ...dateAnchor, zone: primaryLocation?.timezone });
  return { entities: redated ? buildEntities(redated, texts) : entities, primaryLocation };

  function claim(span: Span & { name: string }, type: 'date' | 'event') {
    // "NEW YORK, Jan 15 (Reuters) -": the dateline's own date is a date like any other.
    if (claimed[span.field].some((s) => span.start < s.end && span.end > s.start && !(type === 'date' && s === datelineSpan))) return;
    claimed[span.field].push(span);
    mentions.push({ field: span.field, start: span.start, end: span.end, text: span.text, type, name: span.name });
  }
}

const WIRE_LABEL = /^\s*(?:(?:CORRECTED|CORRECTING|REFILE|RPT|REPEAT|UPDATE(?:\s+\d+)?|WRAPUP(?:\s+\d+)?|EXCLUSIVE|BREAKING|ANALYSIS|FACTBOX|INSIGHT|EXPLAINER|FOCUS|BRIEF|TIMELINE|GRAPHIC|POLL|URGENT|FLASH|BULLETIN|ADVISORY|WATCH|LIVE)\s*[-–—:|]\s*)+/;

/**
 * A dateline's place: its name, the gazetteer's candidates, the country or state its region names
 * ("TBILISI, Georgia" the country, "ATLANTA, Georgia" the state), and the place it was filed from.
 */
function readDateline(dateline: Dateline, g: Gazetteer) {
  const region = dateline.region?.text;
  const placeName = titleCaseDateline(dateline.place.text);
  const candidates = g.lookupDateline(placeName);
  const state = region ? g.usState(region) : undefined;
  // "GOMA, Congo (AP)": AP's "Congo" is either Congo; the one with a town of that name is meant.
  const countries = region ? g.lookup(region).filter((p) => p.kind === 'country') : [];
  const country = countries.find((c) => candidates.some((p) => p.countryCode === c.countryCode)) ?? countries[0];
  // "TBILISI, Georgia" names the country, "ATLANTA, Georgia" the state: the one the place is in.
  const inState = !!state && (!country || candidates.some((p) => p.countryCode === 'US' && p.admin1 === state));
  // "VICTORIA, British Columbia": a region names its country too.
  const area = region && !state && !country ? g.area(region) : undefined;
  const hint = inState ? { countryCode: 'US', admin1: state } : country ? { countryCode: country.countryCode } : area ? { countryCode: area.countryCode } : undefined;
  const filedAt = choosePlace(candidates, { countries: new Set(), admins: new Set() }, hint);
  return { placeName, candidates, hint, country, filedAt };
}

/**
 * Countries whose language a story is in: a small town there named by the dateline of a story in that
 * language is plausible; one elsewhere may be a big city's name in that language the gazetteer lacks.
 */
const LANGUAGE_COUNTRIES: Record<string, string[] | undefined> = {
  en: ['US', 'GB', 'IE', 'CA', 'AU', 'NZ', 'ZA', 'IN'],
  fr: ['FR', 'BE', 'CH', 'LU', 'MC', 'CA', 'SN', 'CI', 'ML', 'BF', 'NE', 'CM', 'CD', 'CG', 'GA', 'BJ', 'TG', 'GN', 'MG', 'HT', 'TN', 'MA', 'DZ', 'RE', 'GP', 'MQ', 'GF', 'NC', 'PF'],
  es: ['ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'GQ'],
  pt: ['PT', 'BR', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL'],
  it: ['IT', 'CH', 'SM', 'VA'],
  de: ['DE', 'AT', 'CH', 'LI', 'LU'],
  nl: ['NL', 'BE', 'SR'],
};

/** The day a date-only dateline names ("NOV. 5" read as "Nov. 5"), as a date mention at its place in the body. */
function datelineDay(body: string, dateline: DateOnlyDateline, at: { releasedAt?: string; readIn?: string; order?: DateOrder }): DateMatch | undefined {
  const { text, start, end } = dateline.date;
  const [found] = findDates(' '.repeat(start) + titleCaseDateline(text), 'body', at.releasedAt, at.readIn, at.order);
  return found?.start === start && found.end === end && !found.name.includes('/') ? { ...found, text: body.slice(start, end) } : undefined;
}

/** A shouted dateline is a place name whatever its length ("KYIV" → "Kyiv"). */
function titleCaseDateline(text: string): string {
  return text === text.toUpperCase() ? text.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase()) : text;
}

/** Strips NULs and other control characters by replacing them with spaces, so offsets stay valid. */
function clean(text: unknown): string {
  if (typeof text !== 'string') return '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  return text.slice(0, MAX_FIELD_CHARS).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
}

/** Up to three capitalised words: where countries and states are named. */
const CAPITALISED_RUN = /\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+){0,2}/gu;
/** The same for a text whose letters are all ASCII (see ascii-text.ts). */
const CAPITALISED_RUN_ASCII = /[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2}/g;

/**
 * Alone, "Georgia" names a country or a US state, "Victoria" an Australian state or a Canadian city,
 * "Punjab" an Indian or a Pakistani province: such a name cannot say which country the story is in.
 * A country's own name always can.
 */
function namesSeveralAreas(name: string, area: { countryCode: string }, g: Gazetteer): boolean {
  const key = `${area.countryCode}|${name}`;
  let several = severalAreas.get(key);
  if (several === undefined) {
    const places = g.lookup(name);
    several = !places.some((p) => p.kind === 'country' && p.countryCode === area.countryCode) &&
      places.some((p) => p.countryCode !== area.countryCode && (p.kind !== 'city' || (p.population ?? 0) >= 100_000));
    // Area names are a few thousand; the bound only keeps a hostile stream of names from growing it.
    if (severalAreas.size > 20_000) severalAreas.clear();
    severalAreas.set(key, several);
  }
  return several;
}

/** Answers of namesSeveralAreas: the same few area names come up in article after article. */
const severalAreas = new Map<string, boolean>();

/** Countries and US states the body names: what ambiguous city names are resolved against. */
function geoContext(body: string, g: Gazetteer, hint?: { countryCode?: string; admin1?: string }): GeoContext {
  const countries = new Set<string>();
  const admins = new Set<string>();
  if (hint?.countryCode) countries.add(hint.countryCode);
  if (hint?.admin1) admins.add(`US:${hint.admin1}`);
  // A story names the same few places again and again: each distinct run is looked up once.
  const seen = new Set<string>();
  for (const match of body.matchAll(hasOnlyAsciiWords(body) ? CAPITALISED_RUN_ASCII : CAPITALISED_RUN)) {
    const run = match[0];
    if (seen.has(run)) continue;
    let undecided = false;
    const named = leadingArea(run, g);
    if (named) {
      const { name, area } = named;
      // Alone, "Georgia" cannot say which country the story is in; after a town ("Savannah, Georgia") it can.
      if (namesSeveralAreas(name, area, g) && body.slice(Math.max(0, match.index - 2), match.index) !== ', ') undecided = true;
      else {
        countries.add(area.countryCode);
        if (area.admin1) admins.add(`${area.countryCode}:${area.admin1}`);
      }
    }
    // An undecided name is looked at again where it next appears, perhaps after a town.
    if (!undecided) seen.add(run);
  }
  return { countries, admins };
}
