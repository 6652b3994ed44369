import type { Entity } from '@newsflow/contracts';
import { LinkedMention } from './entity-linker';
import { slugify, titleCaseIfShouting } from './normalise-name';
import { normaliseSalience, rawSalience } from './salience';

/** Groups linked mentions into the contract's entities: id, canonical name, surface forms, offsets, salience, geo. */
export function buildEntities(mentions: LinkedMention[], texts: { headline: string; body: string }): Entity[] {
  const groups = new Map<string, LinkedMention[]>();
  for (const m of mentions) {
    const group = groups.get(m.key);
    if (group) group.push(m);
    else groups.set(m.key, [m]);
  }
  const firstParagraphEnd = firstParagraphLength(texts.body);

  const drafts = [...groups.values()].map((group) => {
    const sorted = dedupe(group).sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'headline' ? -1 : 1));
    const first = sorted[0];
    const bodyMentions = sorted.filter((m) => m.field === 'body');
    const entity: Entity = {
      id: entityId(first),
      type: first.type,
      name: canonicalName(sorted),
      surfaceForms: [...new Set(sorted.map((m) => m.text))],
      mentions: sorted.map((m) => ({ field: m.field, start: m.start, end: m.end, text: m.text })),
      mentionCount: sorted.length,
      salience: 0,
    };
    const titles = [...new Set(sorted.map((m) => m.title).filter((t): t is string => Boolean(t)))];
    if (entity.type === 'person' && titles.length > 0) entity.titles = titles;
    const place = first.place;
    if (place) {
      entity.geo = { lat: place.lat, lon: place.lon, countryCode: place.countryCode, admin1: place.admin1, population: place.population };
    }
    const raw = rawSalience({
      type: entity.type,
      mentionCount: entity.mentionCount,
      inHeadline: sorted.some((m) => m.field === 'headline'),
      firstPosition: bodyMentions.length ? bodyMentions[0].start / Math.max(1, texts.body.length) : 1,
      inFirstParagraph: bodyMentions.some((m) => m.start < firstParagraphEnd),
    });
    return { entity, raw };
  });
  const saliences = normaliseSalience(drafts.map((d) => d.raw));
  drafts.forEach((d, i) => (d.entity.salience = saliences[i]));
  return drafts.map((d) => d.entity).sort((a, b) => b.salience - a.salience);
}

function entityId(m: LinkedMention): string {
  if (m.type === 'place') return m.place ? m.place.id : `place:${slugify(m.name)}`;
  return `${m.type}:${slugify(m.name)}`;
}

/** Linked names (people, events, dates, acronyms) are canonical already; places take the spelling the text uses most. */
function canonicalName(group: LinkedMention[]): string {
  if (group[0].type !== 'place') return group[0].name;
  const counts = new Map<string, number>();
  for (const m of group) {
    const n = titleCaseIfShouting(m.name);
    if (n.length > 3 || !group[0].place || n === n.toUpperCase() === false) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best ?? group[0].place?.name ?? group[0].name;
}

/** Fields are cut to MAX_FIELD_CHARS, far below 2^26, so field, start and end pack into one exact number. */
function dedupe(group: LinkedMention[]): LinkedMention[] {
  const seen = new Set<number>();
  return group.filter((m) => {
    const k = ((m.field === 'body' ? OFFSETS : 0) + m.start) * OFFSETS + m.end;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const OFFSETS = 2 ** 26;

function firstParagraphLength(body: string): number {
  const i = body.indexOf('\n\n');
  return i < 0 ? Math.min(body.length, 400) : i;
}
