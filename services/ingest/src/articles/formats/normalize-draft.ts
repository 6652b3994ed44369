import { Article, PUB_STATUSES } from '@newsflow/contracts';
import { detectLanguage, LanguageEvidence } from '@newsflow/text';
import { articleIdFor, contentHashOf } from '../article-identity';
import { ArticleDraft } from './article-draft';
import { htmlToText, sanitizeHtml, textToHtml } from './html-body';
import { checkCarriable } from './carriable-article';
import { InputProblem } from './input-problem';
import { embargoOf, timestamp } from './timestamps';

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

/**
 * Turns a parsed draft of any format into the canonical article, applying every rule once; an
 * InputProblem names the field and rule for the first thing that is wrong.
 */
export function normalizeDraft(draft: ArticleDraft, sourceId: string, now: Date): Article {
  try {
    return normalizeFields(draft, sourceId, now);
  } catch (error) {
    throw inFormatTerms(error, draft.fieldNames, draft.fieldHints);
  }
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

/** NITF `date.release` without the embargoed status: an embargo only while it lies ahead. */
function releaseEmbargo(value: string | undefined, now: Date): string | undefined {
  const at = embargoOf(value);
  return at && Date.parse(at) > now.getTime() ? at : undefined;
}

function normalizeFields(draft: ArticleDraft, sourceId: string, now: Date): Article {
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
  const updatedAt = timestamp(draft.versionCreated, 'updatedAt', now);
  // The document's own times before the receive time: first created, else when its content was
  // created, else its version time (a story of 2016 was "published" when it reached us).
  const published = timestamp(draft.firstCreated, 'publishedAt', now);
  const fallback = published ? undefined : timestamp(draft.contentCreated, 'contentCreated', now) ?? updatedAt;
  const publishedAt = published ?? (fallback && updatedAt && fallback > updatedAt ? updatedAt : fallback) ?? now.toISOString();
  const summary = draft.summary ? nfc(asText(draft.summary).trim()) || undefined : undefined;
  // The text's own dateline, else the place the format's metadata gives (NITF dateline/evloc, G2 located…).
  const dateline = extractDateline(body) ?? nfc(draft.dateline?.slice(0, 300));
  const embargoedUntil = embargoOf(draft.embargoedUntil) ?? releaseEmbargo(draft.releaseAt, now);
  // An embargo without its time (NITF `embargoed`, no date.release) is withheld: never published early.
  const pubStatus = pubStatusOf(draft.pubStatus) ?? (isEmbargoStatus(draft.pubStatus) && !embargoedUntil ? 'withheld' : undefined);
  const media = webMedia(draft);
  const byline = nfc(draft.byline?.slice(0, 500));
  return checkCarriable({
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
    contentHash: contentHashOf(headline, body, { pubStatus, embargoedUntil }),
  });
}
