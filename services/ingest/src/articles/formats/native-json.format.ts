import { ArticleDraft, emptyDraft, idText, text } from './article-draft';

/** Fields of the simple native JSON shape (see README); anything else is listed as unknown. */
const KNOWN = new Set(['source', 'sourceName', 'sourceItemId', 'headline', 'summary', 'body', 'bodyHtml', 'byline', 'language', 'url', 'publishedAt', 'updatedAt', 'media', 'pubStatus', 'embargoedUntil', 'expiresAt']);

const STRING_FIELDS = ['source', 'sourceName', 'headline', 'summary', 'body', 'bodyHtml', 'byline', 'language', 'url', 'publishedAt', 'updatedAt', 'pubStatus', 'embargoedUntil', 'expiresAt'];

export function parseNativeJson(doc: Record<string, unknown>): ArticleDraft {
  const draft = emptyDraft('native');
  draft.sourceId = text(doc.source);
  draft.sourceName = text(doc.sourceName);
  draft.sourceItemId = idText(doc.sourceItemId);
  draft.headline = text(doc.headline);
  draft.summary = text(doc.summary);
  draft.bodyText = text(doc.body);
  draft.bodyHtml = text(doc.bodyHtml);
  draft.byline = text(doc.byline);
  draft.language = text(doc.language);
  draft.url = text(doc.url);
  draft.firstCreated = text(doc.publishedAt);
  draft.versionCreated = text(doc.updatedAt);
  draft.pubStatus = text(doc.pubStatus);
  draft.embargoedUntil = text(doc.embargoedUntil);
  draft.expires = text(doc.expiresAt);
  if (Array.isArray(doc.media)) {
    draft.media = doc.media
      .map((m) => (m && typeof m === 'object' ? (m as Record<string, unknown>) : {}))
      .filter((m) => text(m.url))
      .map((m) => ({ url: text(m.url) as string, type: text(m.type), caption: text(m.caption) }));
  }
  draft.unknownFields = Object.keys(doc).filter((k) => !KNOWN.has(k));
  draft.wrongTypes = STRING_FIELDS.filter((k) => doc[k] !== undefined && doc[k] !== null && typeof doc[k] !== 'string');
  return draft;
}
