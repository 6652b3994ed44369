import { ArticleDraft, emptyDraft } from './article-draft';
import { attr, innerXml, nodeText, mixedText } from './safe-xml';

type Obj = Record<string, unknown>;

/** NITF `norm` dates are ISO 8601 basic format, e.g. 20251124T090000Z or 20251124T090000+0100. */
export function nitfDate(norm: string | undefined): string | undefined {
  const m = norm && /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/.exec(norm);
  if (!m) return norm;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
}

/** NITF 3.x: head/docdata for ids and dates, body.head for headline and byline, body.content for the text. */
export function parseNitf(root: Obj, xml: string): ArticleDraft {
  const nitf = (root.nitf ?? {}) as Obj;
  const head = (nitf.head ?? {}) as Obj;
  const docdata = (head.docdata ?? {}) as Obj;
  const body = (nitf.body ?? {}) as Obj;
  const draft = emptyDraft('nitf');
  draft.sourceItemId = attr(docdata['doc-id'], 'id-string');
  draft.sourceName = attr(docdata['doc-id'], 'regsrc') ?? attr(docdata['doc.copyright'], 'holder');
  draft.headline = mixedText(innerXml(xml, 'hl1')) ?? nodeText(head.title);
  draft.summary = innerXml(xml, 'abstract')?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() || undefined;
  // Bylines mix text and markup (`By <person>…</person>`), so they are read from the source text.
  draft.byline = innerXml(xml, 'byline')?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim() || undefined;
  draft.bodyHtml = innerXml(xml, 'body.content');
  draft.language = attr(nitf, 'lang') ?? attr(body, 'lang');
  draft.firstCreated = nitfDate(attr(docdata['date.issue'], 'norm'));
  draft.versionCreated = nitfDate(attr(docdata['date.release'], 'norm'));
  // NITF's own status: usable, embargoed (until date.release), withheld or canceled.
  draft.pubStatus = attr(docdata, 'management-status');
  if (draft.pubStatus === 'embargoed') draft.embargoedUntil = draft.versionCreated;
  draft.url = attr(head.pubdata, 'ex-ref');
  return draft;
}
