import { ArticleDraft, emptyDraft, idText, text } from './article-draft';

type Obj = Record<string, unknown>;

/** ninjs 1.x and 2.x top-level properties (IPTC schemas 1.4 and 2.0/2.1); 3.x's are these in camelCase. */
const KNOWN = new Set([
  '$schema', 'uri', 'standard', 'type', 'mimetype', 'representationtype', 'profile', 'version', 'firstcreated', 'versioncreated',
  'contentcreated', 'embargoed', 'pubstatus', 'urgency', 'copyrightholder', 'copyrightnotice', 'usageterms', 'ednote', 'language',
  'descriptions', 'description_text', 'description_html', 'headlines', 'headline', 'bodies', 'body_text', 'body_html', 'body_xml',
  'people', 'organisations', 'organizations', 'places', 'subjects', 'events', 'objects', 'infosources', 'title', 'by', 'byline',
  'slugline', 'located', 'renditions', 'associations', 'altids', 'trustindicators', 'genres', 'keywords', 'rightsinfo', 'expires',
  'place', 'person', 'subject', 'object', 'organisation', 'event', 'guid',
]);

/**
 * ninjs 3.x writes the 2.x properties in camelCase (`versionCreated`, `pubStatus`, `contentType`,
 * `infoSources`…); lower-cased they are the 2.x names. The object as is when no key has a capital.
 */
function lowered(obj: Obj): Obj {
  let out: Obj | undefined;
  for (const key of Object.keys(obj)) {
    if (!/[A-Z]/.test(key)) continue;
    out ??= { ...obj };
    const lower = key.toLowerCase();
    if (!(lower in obj)) out[lower] = obj[key];
  }
  return out ?? obj;
}

const objectsOf = (items: unknown): Obj[] => (Array.isArray(items) ? items : [])
  .filter((i): i is Obj => Boolean(i) && typeof i === 'object' && !Array.isArray(i))
  .map(lowered);

function byRole(items: unknown, role: string, contentType?: string): string | undefined {
  const objects = objectsOf(items);
  const matches = objects.filter((i) => !contentType || text(i.contenttype) === contentType || (!i.contenttype && contentType === 'text/plain'));
  const preferred = matches.find((i) => text(i.role) === role) ?? matches.find((i) => !i.role) ?? matches[0];
  return preferred ? text(preferred.value) : undefined;
}

function providerName(doc: Obj): string | undefined {
  return text(objectsOf(doc.infosources)[0]?.name) ?? text(doc.copyrightholder);
}

/** The canonical fields as ninjs names them, for refusals (1.x/2.x, and 3.x's camelCase). */
const NINJS_NAMES = {
  sourceItemId: 'uri', headline: 'headlines', body: 'bodies', publishedAt: 'firstcreated', contentCreated: 'contentcreated',
  updatedAt: 'versioncreated', pubStatus: 'pubstatus', embargoedUntil: 'embargoed', expiresAt: 'expires',
};
const NINJS3_NAMES = { ...NINJS_NAMES, publishedAt: 'firstCreated', contentCreated: 'contentCreated', updatedAt: 'versionCreated', pubStatus: 'pubStatus' };
const NINJS_HINTS = {
  sourceItemId: '(or guid, as Superdesk writes it)',
  headline: '(headlines with a main role, or headline)',
  body: '(bodies with a text/html or text/plain value, or body_html, body_text or body_xml)',
};

/** ninjs properties that must be strings when present. */
const NINJS_STRINGS = ['uri', 'headline', 'body_html', 'body_text', 'body_xml', 'description_text', 'byline', 'language', 'firstcreated', 'versioncreated', 'contentcreated', 'pubstatus', 'embargoed', 'expires'];

/**
 * A ninjs document: 2.x and 3.x use `headlines`/`bodies` arrays, 1.x `headline`/`body_html` strings;
 * 3.x names its properties in camelCase (`pubStatus`: a 3.x kill was read as a duplicate).
 */
export function parseNinjs(doc: Obj): ArticleDraft {
  const draft = emptyDraft('ninjs');
  const d = lowered(doc);
  const camel = d !== doc;
  const sent = (lower: string) => (camel ? Object.keys(doc).find((k) => k.toLowerCase() === lower) : undefined) ?? lower;
  draft.fieldNames = camel ? NINJS3_NAMES : NINJS_NAMES;
  draft.fieldHints = NINJS_HINTS;
  draft.wrongTypes = NINJS_STRINGS.filter((k) => d[k] !== undefined && d[k] !== null && typeof d[k] !== 'string' && !(k === 'uri' && typeof d[k] === 'number')).map(sent);
  // Superdesk's ninjs (AAP and others) names the item by `guid`, not `uri`.
  draft.sourceItemId = idText(d.uri) ?? idText(d.guid);
  draft.headline = byRole(d.headlines, 'main') ?? text(d.headline);
  draft.summary = byRole(d.descriptions, 'summary', 'text/plain') ?? text(d.description_text);
  draft.bodyHtml = byRole(d.bodies, 'main', 'text/html') ?? text(d.body_html);
  draft.bodyText = byRole(d.bodies, 'main', 'text/plain') ?? text(d.body_text);
  // body_xml (ninjs 1.x) holds the body as XML markup, such as NITF's or XHTML's: sanitised like HTML.
  if (!draft.bodyHtml && !draft.bodyText) draft.bodyHtml = text(d.body_xml);
  draft.byline = text(d.byline) ?? text(d.by);
  draft.language = text(d.language);
  draft.dateline = text(d.located);
  draft.firstCreated = text(d.firstcreated);
  draft.contentCreated = text(d.contentcreated);
  draft.versionCreated = text(d.versioncreated);
  draft.pubStatus = text(d.pubstatus);
  draft.embargoedUntil = text(d.embargoed);
  draft.expires = text(d.expires);
  draft.sourceName = providerName(d);
  // 2.x: an object of renditions by name; 3.x: an array of them, each with its `name`.
  const renditions = d.renditions && typeof d.renditions === 'object' ? d.renditions : {};
  draft.media = objectsOf(Array.isArray(renditions) ? renditions : Object.values(renditions as Obj))
    .filter((r) => Boolean(text(r.href)))
    .map((r) => ({ url: text(r.href) as string, type: text(r.mimetype) ?? text(r.contenttype) }));
  draft.unknownFields = Object.keys(doc).filter((k) => !KNOWN.has(k) && !(camel && KNOWN.has(k.toLowerCase())));
  return draft;
}

/** ninjs is recognised by its content type, its `$schema`/`standard`, or by ninjs-only property names. */
export function looksLikeNinjs(doc: Obj): boolean {
  const schema = text(doc.$schema) ?? text((doc.standard as Obj | undefined)?.name);
  if (schema && /ninjs/i.test(schema)) return true;
  if ('uri' in doc) {
    return 'headlines' in doc || 'bodies' in doc || 'body_html' in doc || 'body_text' in doc || 'versioncreated' in doc || 'versionCreated' in doc || 'firstCreated' in doc;
  }
  // Superdesk's ninjs (AAP and others): `guid` and the ninjs-only snake_case names, never native JSON's.
  return 'guid' in doc && ('body_html' in doc || 'body_text' in doc || 'versioncreated' in doc || 'firstcreated' in doc || 'pubstatus' in doc);
}
