import { ArticleDraft, emptyDraft, idText, text } from './article-draft';

type Obj = Record<string, unknown>;

/** ninjs 1.x and 2.x top-level properties (IPTC schemas 1.4 and 2.0/2.1). */
const KNOWN = new Set([
  '$schema', 'uri', 'standard', 'type', 'mimetype', 'representationtype', 'profile', 'version', 'firstcreated', 'versioncreated',
  'contentcreated', 'embargoed', 'pubstatus', 'urgency', 'copyrightholder', 'copyrightnotice', 'usageterms', 'ednote', 'language',
  'descriptions', 'description_text', 'description_html', 'headlines', 'headline', 'bodies', 'body_text', 'body_html', 'body_xml',
  'people', 'organisations', 'organizations', 'places', 'subjects', 'events', 'objects', 'infosources', 'title', 'by', 'byline',
  'slugline', 'located', 'renditions', 'associations', 'altids', 'trustindicators', 'genres', 'keywords', 'rightsinfo', 'expires',
  'place', 'person', 'subject', 'object', 'organisation', 'event',
]);

function byRole(items: unknown, role: string, contentType?: string): string | undefined {
  if (!Array.isArray(items)) return undefined;
  const objects = items.filter((i): i is Obj => Boolean(i) && typeof i === 'object');
  const matches = objects.filter((i) => !contentType || text(i.contenttype) === contentType || (!i.contenttype && contentType === 'text/plain'));
  const preferred = matches.find((i) => text(i.role) === role) ?? matches.find((i) => !i.role) ?? matches[0];
  return preferred ? text(preferred.value) : undefined;
}

function providerName(doc: Obj): string | undefined {
  const sources = Array.isArray(doc.infosources) ? (doc.infosources as Obj[]) : [];
  return text(sources[0]?.name) ?? text(doc.copyrightholder);
}

/** The canonical fields as ninjs names them, for refusals. */
const NINJS_NAMES = { sourceItemId: 'uri', publishedAt: 'firstcreated', updatedAt: 'versioncreated', pubStatus: 'pubstatus', embargoedUntil: 'embargoed' };

/** ninjs properties that must be strings when present. */
const NINJS_STRINGS = ['uri', 'headline', 'body_html', 'body_text', 'body_xml', 'description_text', 'byline', 'language', 'firstcreated', 'versioncreated', 'pubstatus', 'embargoed'];

/** A ninjs document: 2.x uses `headlines`/`bodies` arrays, 1.x `headline`/`body_html` strings. */
export function parseNinjs(doc: Obj): ArticleDraft {
  const draft = emptyDraft('ninjs');
  draft.fieldNames = NINJS_NAMES;
  draft.wrongTypes = NINJS_STRINGS.filter((k) => doc[k] !== undefined && doc[k] !== null && typeof doc[k] !== 'string' && !(k === 'uri' && typeof doc[k] === 'number'));
  draft.sourceItemId = idText(doc.uri);
  draft.headline = byRole(doc.headlines, 'main') ?? text(doc.headline);
  draft.summary = byRole(doc.descriptions, 'summary', 'text/plain') ?? text(doc.description_text);
  draft.bodyHtml = byRole(doc.bodies, 'main', 'text/html') ?? text(doc.body_html);
  draft.bodyText = byRole(doc.bodies, 'main', 'text/plain') ?? text(doc.body_text);
  // body_xml (ninjs 1.x) holds the body as XML markup, such as NITF's or XHTML's: sanitised like HTML.
  if (!draft.bodyHtml && !draft.bodyText) draft.bodyHtml = text(doc.body_xml);
  draft.byline = text(doc.byline) ?? text(doc.by);
  draft.language = text(doc.language);
  draft.firstCreated = text(doc.firstcreated);
  draft.versionCreated = text(doc.versioncreated);
  draft.pubStatus = text(doc.pubstatus);
  draft.embargoedUntil = text(doc.embargoed);
  draft.sourceName = providerName(doc);
  const renditions = doc.renditions && typeof doc.renditions === 'object' ? doc.renditions : {};
  draft.media = (Array.isArray(renditions) ? renditions : Object.values(renditions as Obj))
    .filter((r): r is Obj => Boolean(r) && typeof r === 'object' && Boolean(text((r as Obj).href)))
    .map((r) => ({ url: text(r.href) as string, type: text(r.mimetype) ?? text(r.contenttype) }));
  draft.unknownFields = Object.keys(doc).filter((k) => !KNOWN.has(k));
  return draft;
}

/** ninjs is recognised by its content type, its `$schema`/`standard`, or by ninjs-only property names. */
export function looksLikeNinjs(doc: Obj): boolean {
  const schema = text(doc.$schema) ?? text((doc.standard as Obj | undefined)?.name);
  if (schema && /ninjs/i.test(schema)) return true;
  return 'uri' in doc && ('headlines' in doc || 'bodies' in doc || 'body_html' in doc || 'body_text' in doc || 'versioncreated' in doc);
}
