import { Article } from '@newsflow/contracts';
import { detectLanguage, LanguageEvidence } from '@newsflow/text';
import { articleIdFor, contentHashOf } from '../article-identity';
import { ArticleDraft } from './article-draft';
import { htmlToText, sanitizeHtml, textToHtml } from './html-body';
import { InputProblem } from './input-problem';

export const MAX_HEADLINE = 1000;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
/**
 * For a story that declares no language: a lenient vote, since one must be chosen, but no guess from
 * the script alone (Cyrillic is Ukrainian's too). Short or ambiguous texts are `und`, undetermined.
 */
const UNDECLARED_LANGUAGE: LanguageEvidence = { minLetters: 0, scripts: false, minWords: 5, minShare: 0.05, lead: 1.3 };
const SOURCE_ID = /^[A-Za-z0-9._:-]{1,200}$/;
const EARLIEST = Date.UTC(1900, 0, 1);
/** Clocks differ; a day ahead is tolerated, anything later is a broken timestamp. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;
const DATELINE = /^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,60}(?:,\s*[A-Z][\p{L} .'’-]{1,40})*(?:,\s*[A-Z][a-z]{2}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?)\s*[-–—]+\s/u;

function timestamp(value: string | undefined, field: string, now: Date): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new InputProblem(422, 'invalid-timestamp', `${field} is not an ISO 8601 date-time: ${value.slice(0, 60)}`, field);
  if (ms < EARLIEST || ms > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new InputProblem(422, 'timestamp-out-of-range', `${field} must lie between 1900 and tomorrow, got ${value}`, field);
  }
  return new Date(ms).toISOString();
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
  const [wrongType] = draft.wrongTypes;
  if (wrongType) throw new InputProblem(422, 'wrong-type', `${wrongType} must be a string`, wrongType);
  const source = sourceId;
  if (!SOURCE_ID.test(source)) throw new InputProblem(422, 'pattern', 'source may hold letters, digits and . _ : - only', 'source');
  if (draft.sourceId && draft.sourceId !== source) {
    throw new InputProblem(403, 'wrong-source', `this API key submits for source ${source}, not ${draft.sourceId}`, 'source');
  }
  const sourceItemId = required(draft.sourceItemId, 'sourceItemId');
  // A headline is one line: markup dropped, every run of whitespace one space.
  const headline = required(draft.headline && htmlToText(sanitizeHtml(draft.headline)).replace(/\s+/g, ' ').trim(), 'headline');
  if (headline.length > MAX_HEADLINE) throw new InputProblem(422, 'max-length', `headline is longer than ${MAX_HEADLINE} characters`, 'headline');
  const bodyHtml = draft.bodyHtml ? sanitizeHtml(draft.bodyHtml) : draft.bodyText ? textToHtml(draft.bodyText) : undefined;
  const body = required(draft.bodyText ?? (bodyHtml ? htmlToText(bodyHtml) : undefined), 'body');
  if (draft.language && !LANGUAGE.test(draft.language)) {
    throw new InputProblem(422, 'pattern', 'language must be a BCP 47 tag such as en or fr-CA', 'language');
  }
  const [primary, ...rest] = (draft.language ?? detectLanguage(`${headline} ${body}`, UNDECLARED_LANGUAGE) ?? 'und').split('-');
  if (draft.url && !URL.canParse(draft.url)) throw new InputProblem(422, 'invalid-url', 'url is not an absolute URL', 'url');
  const publishedAt = timestamp(draft.firstCreated, 'publishedAt', now) ?? now.toISOString();
  const updatedAt = timestamp(draft.versionCreated, 'updatedAt', now);
  const summary = draft.summary ? htmlToText(sanitizeHtml(draft.summary)) : undefined;
  const dateline = extractDateline(body);
  return {
    id: articleIdFor(source, sourceItemId),
    version: 1,
    source: { id: source, ...(draft.sourceName ? { name: draft.sourceName.slice(0, 200) } : {}) },
    sourceItemId,
    headline,
    ...(summary ? { summary: summary.slice(0, 5000) } : {}),
    body,
    ...(bodyHtml ? { bodyHtml } : {}),
    ...(dateline ? { dateline } : {}),
    ...(draft.media.length > 0 ? { media: draft.media } : {}),
    format: draft.format,
    ...(draft.byline ? { byline: draft.byline.slice(0, 500) } : {}),
    language: [primary.toLowerCase(), ...rest].join('-'),
    ...(draft.url ? { url: draft.url } : {}),
    publishedAt,
    ...(updatedAt ? { updatedAt } : {}),
    receivedAt: now.toISOString(),
    contentHash: contentHashOf(headline, body),
  };
}
