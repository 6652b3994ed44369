import { ArticleDraft, emptyDraft } from './article-draft';
import { attr, elementsOf, innerXml, nodeText, mixedText } from './safe-xml';
import { tokens } from './xml-scanner';

type Obj = Record<string, unknown>;

/**
 * NITF `norm` dates are ISO 8601 basic format, e.g. 20251124T090000Z or 20251124T090000+0100, written
 * here in the extended format. One without a zone stays without: it is read in the source's zone.
 */
export function nitfDate(norm: string | undefined): string | undefined {
  const m = norm && /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/.exec(norm);
  if (!m) return norm;
  const zone = !m[7] ? '' : m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
}

/** The canonical fields as NITF names them, for refusals (an NITF desk never wrote `sourceItemId`). */
const NITF_NAMES = {
  sourceItemId: 'doc-id@id-string', headline: 'hl1', body: 'body.content', language: 'baselang',
  publishedAt: 'date.issue', embargoedUntil: 'date.release', pubStatus: 'management-status', url: 'pubdata@ex-ref', expiresAt: 'date.expire',
};

/**
 * The byline as a reader sees it: markup (`By <person>…</person>`) removed, references decoded, and a
 * `<byttl>` title kept apart from the name ("By BERNARD CONDON, AP Business Writer", not "CONDONAP").
 */
export function nitfByline(xml: string): string | undefined {
  const inner = innerXml(xml, 'byline');
  if (inner === undefined) return undefined;
  const separated = inner.replace(/<(?:[\w.-]+:)?byttl\b[^>]*>/g, (tag, offset: number) => {
    const before = mixedText(inner.slice(0, offset)) ?? '';
    return before && !/[,;:/–—-]$/.test(before) ? `, ${tag}` : ` ${tag}`;
  });
  return mixedText(separated);
}

/**
 * The body.content: `<hl2>` subheads are headings (they were bare text between paragraphs), and
 * `<media>` blocks (read as media) are left out (their caption ran on at the end of the text).
 */
export function nitfBodyHtml(xml: string): string | undefined {
  const content = innerXml(xml, 'body.content');
  return content === undefined ? undefined : withoutMedia(content).replace(/<(\/?)(?:[\w.-]+:)?hl2\b[^>]*>/g, '<$1h2>');
}

const isMedia = (name: string) => name.slice(name.indexOf(':') + 1) === 'media';

/** The markup without its `<media>…</media>` elements, in one linear pass. */
function withoutMedia(markup: string): string {
  if (!/<(?:[\w.-]+:)?media\b/.test(markup)) return markup;
  let kept = '';
  let depth = 0;
  for (const token of tokens(markup)) {
    const media = (token.kind === 'open' || token.kind === 'close') && isMedia(token.name);
    if (media && token.kind === 'open' && !token.selfClosing) depth++;
    else if (media && token.kind === 'close') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !media) kept += markup.slice(token.start, token.end);
  }
  return kept;
}

/** NITF `<media>` in the body: its `media-reference` (an http(s) one is kept later) and its caption. */
function nitfMedia(xml: string): ArticleDraft['media'] {
  const content = innerXml(xml, 'body.content') ?? '';
  return elementsOf(content, 'media').flatMap((media) => {
    const [reference] = elementsOf(media.inner, 'media-reference');
    const attrs = reference?.attributes ?? /<(?:[\w.-]+:)?media-reference\b([^>]*)>/.exec(media.inner)?.[1] ?? '';
    const value = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1]?.trim() || undefined;
    const url = value('source');
    if (!url) return [];
    const caption = mixedText(innerXml(media.inner, 'media-caption'));
    return [{ url, ...(value('mime-type') ? { type: value('mime-type') } : {}), ...(caption ? { caption } : {}) }];
  });
}

/**
 * The place of the body.head `<dateline>` as written: its `<location>` (with any city, country…), else
 * its text without the `<story.date>` ("Oslo"). A dateline holding only a date gives none.
 */
export function nitfDateline(xml: string): string | undefined {
  const inner = innerXml(xml, 'dateline');
  if (inner === undefined) return undefined;
  const location = innerXml(inner, 'location');
  const place = location !== undefined
    ? mixedText(location.replace(/<[^>]*>/g, (tag) => `${tag} `))
    : mixedText(inner.replace(/<(?:[\w.-]+:)?story\.date\b[^>]*?(?:\/>|>[^<]*<\/(?:[\w.-]+:)?story\.date\s*>)/g, ''));
  return place?.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').replace(/\s+,/g, ',') || undefined;
}

/** `<evloc city="Tegucigalpa" state-prov="…" iso-cc="HND"/>`: the event's place, city and region as written. */
function eventLocation(docdata: Obj): string | undefined {
  const evloc = docdata.evloc;
  const parts = [attr(evloc, 'city'), attr(evloc, 'state-prov')].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** NITF 3.x: head/docdata for ids and dates, body.head for headline and byline, body.content for the text. */
export function parseNitf(root: Obj, xml: string): ArticleDraft {
  const nitf = (root.nitf ?? {}) as Obj;
  const head = (nitf.head ?? {}) as Obj;
  const docdata = (head.docdata ?? {}) as Obj;
  const body = (nitf.body ?? {}) as Obj;
  const draft = emptyDraft('nitf');
  draft.fieldNames = NITF_NAMES;
  draft.sourceItemId = attr(docdata['doc-id'], 'id-string');
  draft.sourceName = attr(docdata['doc-id'], 'regsrc') ?? attr(docdata['doc.copyright'], 'holder');
  draft.headline = mixedText(innerXml(xml, 'hl1')) ?? nodeText(head.title);
  draft.summary = innerXml(xml, 'abstract')?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() || undefined;
  // Bylines mix text and markup (`By <person>…</person>`), so they are read from the source text.
  draft.byline = nitfByline(xml);
  draft.bodyHtml = nitfBodyHtml(xml);
  draft.media = nitfMedia(xml);
  // `baselang` is the NITF DTD's language attribute; `xml:lang` is read too, though rare in real NITF.
  draft.language = attr(nitf, 'lang') ?? attr(nitf, 'baselang') ?? attr(body, 'lang');
  draft.dateline = nitfDateline(xml) ?? eventLocation(docdata);
  // date.issue is when the item was issued. NITF has no version time: date.release is when the item
  // may be released, its embargo (it was taken as the version time, so an embargo more than a day
  // ahead was refused as a future timestamp and an early lift as an older version).
  draft.firstCreated = nitfDate(attr(docdata['date.issue'], 'norm'));
  const release = nitfDate(attr(docdata['date.release'], 'norm'));
  // NITF's own status: usable, embargoed (until date.release), withheld or canceled.
  draft.pubStatus = attr(docdata, 'management-status');
  if (draft.pubStatus === 'embargoed') draft.embargoedUntil = release;
  else draft.releaseAt = release;
  draft.expires = nitfDate(attr(docdata['date.expire'], 'norm'));
  draft.url = attr(head.pubdata, 'ex-ref');
  return draft;
}
