import { Article, PUB_STATUSES } from '@newsflow/contracts';
import { detectLanguage, LanguageEvidence } from '@newsflow/text';
import { articleIdFor, contentHashOf } from '../article-identity';
import { ArticleDraft } from './article-draft';
import { htmlToText, sanitizeHtml, textToHtml } from './html-body';
import { checkCarriable } from './carriable-article';
import { InputProblem } from './input-problem';
import { embargoNeedsOffset, embargoOf, expiryOf, isoTime, TimeContext, timestamp } from './timestamps';

export const MAX_HEADLINE = 1000;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/**
 * For a story that declares no language: a lenient vote, since one must be chosen, but no guess from
 * the script alone (Cyrillic is Ukrainian's too). Short or ambiguous texts are `und`, undetermined.
 */
const UNDECLARED_LANGUAGE: LanguageEvidence = { minLetters: 0, scripts: false, minWords: 5, minShare: 0.05, lead: 1.3 };
const SOURCE_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const DATELINE = /^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,60}(?:,\s*[A-Z][\p{L} .'’-]{1,40})*(?:,\s*[A-Z][a-z]{2}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?)\s*[-–—]+\s/u;

/** Only web addresses: a `javascript:` or `file:` URL would reach every consumer's page as the story's link. */
function isWebUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * The formats' publication statuses as the canonical one: ninjs `withheld`, NewsML-G2 `stat:withheld`,
 * NITF `embargoed` (an embargo, its time in `embargoedUntil`, not a status of its own).
 */
function pubStatusOf(value: string | undefined): Article['pubStatus'] {
  if (value === undefined) return undefined;
  const status = value.trim().toLowerCase().replace(/^[\w-]+:/, '').replace('cancelled', 'canceled');
  if (status === 'embargoed') return undefined;
  if ((PUB_STATUSES as readonly string[]).includes(status)) return status as Article['pubStatus'];
  throw new InputProblem(422, 'pattern', `pubStatus must be one of ${PUB_STATUSES.join(', ')}, got ${value.slice(0, 60)}`, 'pubStatus');
}

const isEmbargoStatus = (value: string | undefined) => value !== undefined && /^(?:[\w-]+:)?embargoed$/i.test(value.trim());

/**
 * Media whose URL a page can load (http or https). Another (`javascript:`, a `tag:` URI, a relative
 * path) is dropped and listed back in `ignoredFields` as `media.<n>.url`: the story is never lost for it.
 */
function webMedia(draft: ArticleDraft): ArticleDraft['media'] {
  return draft.media.filter((item, index) => {
    if (isWebUrl(item.url)) return true;
    const field = `media.${index}.url`;
    if (!draft.unknownFields.includes(field)) draft.unknownFields.push(field);
    return false;
  });
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new InputProblem(422, 'required', `${field} is required`, field);
  return value;
}

export function extractDateline(body: string): string | undefined {
  return DATELINE.exec(body.slice(0, 200))?.[1]?.trim();
}

export interface NormalizeOptions {
  /** The source's IANA zone (its `timeZone`): times without an offset are wall-clock times there. */
  timeZone?: string;
}

export interface NormalizedSubmission {
  article: Article;
  /**
   * The document states no first-created time of its own: a later version keeps the publishedAt of the
   * version stored before it (a correction is not a new story), which only the store knows.
   */
  inheritsPublishedAt: boolean;
}

/**
 * Turns a parsed draft of any format into the canonical article, applying every rule once; an
 * InputProblem names the field and rule for the first thing that is wrong.
 */
export function normalizeSubmission(draft: ArticleDraft, sourceId: string, now: Date, options: NormalizeOptions = {}): NormalizedSubmission {
  try {
    return normalizeFields(draft, sourceId, { now, timeZone: options.timeZone });
  } catch (error) {
    throw inFormatTerms(error, draft.fieldNames, draft.fieldHints);
  }
}

export function normalizeDraft(draft: ArticleDraft, sourceId: string, now: Date, options: NormalizeOptions = {}): Article {
  return normalizeSubmission(draft, sourceId, now, options).article;
}

/**
 * A problem named in the sender's format: a ninjs desk sent `uri` and `firstcreated`, not our
 * `sourceItemId` and `publishedAt`. Messages start with the field's name, which is swapped too.
 */
function inFormatTerms(error: unknown, names: ArticleDraft['fieldNames'], hints: ArticleDraft['fieldHints']): unknown {
  // Wrong types are listed under the sender's own names already.
  if (!(error instanceof InputProblem) || !error.field || !names || error.rule === 'wrong-type') return error;
  const top = error.field.split('.')[0];
  const name = names[top];
  if (!name) return error;
  const field = name + error.field.slice(top.length);
  const hint = error.rule === 'required' && hints?.[top] ? ` ${hints[top]}` : '';
  const message = (error.message.startsWith(error.field) ? field + error.message.slice(error.field.length) : `${field}: ${error.message}`) + hint;
  return new InputProblem(error.status, error.rule, message, field, error.headers);
}

/**
 * Text in Unicode NFC: the same story sent decomposed (NFD, as macOS tools and some CMSs write it) is
 * the same text, the same content hash (one version, not two) and what the enricher's patterns read.
 */
const nfc = (value: string | undefined): string | undefined => value?.normalize('NFC');

/** Whitespace a headline collapses: ASCII and line breaks, not no-break spaces (French `Macron\u202f:`) or U+3000. */
const HEADLINE_SPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;

const FEED_FORMATS: ReadonlySet<ArticleDraft['format']> = new Set(['rss', 'rdf', 'atom']);
/** UTC−12 is the furthest west a wall clock runs: a zoneless time past even read there is past everywhere. */
const WESTMOST_OFFSET_MS = 12 * 3600 * 1000;

/**
 * NITF `date.release` without the embargoed status: an embargo only while it lies ahead. Without an
 * offset or a source zone that cannot be told unless it has passed under every zone: refused, as an
 * embargo without an offset is.
 */
function releaseEmbargo(value: string | undefined, context: TimeContext): string | undefined {
  if (value === undefined) return undefined;
  const { ms, zoneless } = isoTime(value, 'embargoedUntil', context.timeZone);
  const now = context.now.getTime();
  if (zoneless && !context.timeZone) {
    if (ms + WESTMOST_OFFSET_MS <= now) return undefined;
    throw embargoNeedsOffset(value, 'embargoedUntil');
  }
  return ms > now ? new Date(ms).toISOString() : undefined;
}

/**
 * A time read where refusing the story for it would be worse than going without it: a kill (a desk's
 * withdrawal must never bounce) and a feed item (README: an unreadable date gives the receive time).
 * The refusal's reason is noted on the draft instead.
 */
function setAside<T>(read: () => T, lenient: boolean, draft: ArticleDraft): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!lenient || !(error instanceof InputProblem)) throw error;
    const field = error.field && draft.fieldNames?.[error.field];
    const message = field && error.field && error.message.startsWith(error.field) ? field + error.message.slice(error.field.length) : error.message;
    (draft.timeNotes ??= []).push(message);
    return undefined;
  }
}

function normalizeFields(draft: ArticleDraft, sourceId: string, context: TimeContext): NormalizedSubmission {
  const { now, timeZone } = context;
  const [wrongType] = draft.wrongTypes;
  if (wrongType) throw new InputProblem(422, 'wrong-type', `${wrongType} must be a string`, wrongType);
  const source = sourceId;
  if (!SOURCE_ID.test(source)) throw new InputProblem(422, 'pattern', 'source may hold letters, digits and . _ : - only', 'source');
  if (draft.sourceId && draft.sourceId !== source) {
    throw new InputProblem(403, 'wrong-source', `this API key submits for source ${source}, not ${draft.sourceId}`, 'source');
  }
  const sourceItemId = required(draft.sourceItemId, 'sourceItemId');
  const asText = (value: string) => (draft.htmlInText ? htmlToText(sanitizeHtml(value)) : value);
  // A headline is one line: every run of whitespace one space (and markup dropped where it may carry some).
  const headline = required(nfc(draft.headline && asText(draft.headline).replace(HEADLINE_SPACE, ' ').trim()), 'headline');
  if (headline.length > MAX_HEADLINE) throw new InputProblem(422, 'max-length', `headline is longer than ${MAX_HEADLINE} characters`, 'headline');
  const bodyText = nfc(draft.bodyText);
  const bodyHtml = draft.bodyHtml ? sanitizeHtml(nfc(draft.bodyHtml) as string) : bodyText ? textToHtml(bodyText) : undefined;
  const body = required(bodyText ?? (bodyHtml ? htmlToText(bodyHtml) : undefined), 'body');
  if (draft.language && !LANGUAGE.test(draft.language)) {
    throw new InputProblem(422, 'pattern', 'language must be a BCP 47 tag such as en or fr-CA', 'language');
  }
  const [primary, ...rest] = (draft.language ?? detectLanguage(`${headline} ${body}`, UNDECLARED_LANGUAGE) ?? 'und').split('-');
  if (draft.url && !isWebUrl(draft.url)) throw new InputProblem(422, 'invalid-url', 'url is not an absolute http(s) URL', 'url');
  const sentStatus = pubStatusOf(draft.pubStatus);
  const canceled = sentStatus === 'canceled';
  // A kill is never refused for its times, nor a feed item for its dates (README: the receive time).
  const lenient = canceled || FEED_FORMATS.has(draft.format);
  // A kill's version time that cannot stand (ahead of the clock, unreadable) is its receive time.
  const updatedAt = setAside(() => timestamp(draft.versionCreated, 'updatedAt', context), lenient, draft)
    ?? (canceled && draft.versionCreated !== undefined ? now.toISOString() : undefined);
  // The document's own times before the receive time: first created, else when its content was
  // created, else its version time (a story of 2016 was "published" when it reached us).
  const published = setAside(() => timestamp(draft.firstCreated, 'publishedAt', context), lenient, draft);
  const fallback = published ? undefined : setAside(() => timestamp(draft.contentCreated, 'contentCreated', context), lenient, draft) ?? updatedAt;
  const publishedAt = published ?? (fallback && updatedAt && fallback > updatedAt ? updatedAt : fallback) ?? now.toISOString();
  const summary = draft.summary ? nfc(asText(draft.summary).trim()) || undefined : undefined;
  // The text's own dateline, else the place the format's metadata gives (NITF dateline/evloc, G2 located…).
  const dateline = extractDateline(body) ?? nfc(draft.dateline?.slice(0, 300));
  // Nothing of a kill is held back: an embargo it carries that cannot be read is dropped, not refused.
  const embargoedUntil = setAside(() => embargoOf(draft.embargoedUntil, timeZone) ?? releaseEmbargo(draft.releaseAt, context), canceled, draft);
  // An embargo without its time (NITF `embargoed`, no date.release) is withheld: never published early.
  const pubStatus = sentStatus ?? (isEmbargoStatus(draft.pubStatus) && !embargoedUntil ? 'withheld' : undefined);
  const expiresAt = setAside(() => expiryOf(draft.expires, timeZone), canceled, draft);
  if (expiresAt && (pubStatus ?? 'usable') === 'usable' && Date.parse(expiresAt) <= now.getTime()) {
    throw new InputProblem(422, 'already-expired', `expiresAt ${draft.expires} (${expiresAt}) has passed, the server's time is ${now.toISOString()}: `
      + 'expired copy may no longer be published; send a later expiry, or none', 'expiresAt');
  }
  const media = webMedia(draft);
  const byline = nfc(draft.byline?.slice(0, 500));
  const article = checkCarriable({
    id: articleIdFor(source, sourceItemId),
    version: 1,
    source: { id: source, ...(draft.sourceName ? { name: draft.sourceName.slice(0, 200) } : {}) },
    sourceItemId,
    headline,
    ...(summary ? { summary: summary.slice(0, 5000) } : {}),
    body,
    ...(bodyHtml ? { bodyHtml } : {}),
    ...(dateline ? { dateline } : {}),
    ...(media.length > 0 ? { media } : {}),
    format: draft.format,
    ...(byline ? { byline } : {}),
    language: [primary.toLowerCase(), ...rest].join('-'),
    ...(draft.url ? { url: draft.url } : {}),
    publishedAt,
    ...(updatedAt ? { updatedAt } : {}),
    receivedAt: now.toISOString(),
    ...(pubStatus ? { pubStatus } : {}),
    ...(embargoedUntil ? { embargoedUntil } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    contentHash: contentHashOf(headline, body, { pubStatus, embargoedUntil, expiresAt }),
  });
  return { article, inheritsPublishedAt: published === undefined };
}
