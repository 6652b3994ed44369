import { Agent, fetch, Response } from 'undici';
import { declaredEncoding } from '../articles/formats/safe-xml';
import { discard, readLimited } from './feed-body';
import { FeedFetchError, FeedGone } from './feed-errors';
import { feedUrlProblem } from './feed-url-policy';
import { AddressPolicy, pinnedAgent } from './pinned-agent';
import { retryAfterMs } from './retry-after';

export interface FetchedFeed {
  notModified: boolean;
  body?: string;
  etag?: string;
  lastModified?: string;
  /** Where the feed was read from in the end, after redirects. */
  url: string;
  /** Set when every redirect on the way was permanent (301, 308): the feed's new address to keep. */
  movedTo?: string;
}

export interface FeedFetchPolicy extends AddressPolicy {
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/**
 * Conditional GET: an unchanged feed answers 304 and costs neither side a download. Redirects are
 * followed here, hop by hop, so every target is vetted (URL, then each resolved address) and the
 * connection pinned to that address, instead of letting fetch follow them anywhere. One time limit
 * covers every hop and the body.
 */
export async function fetchFeed(feedUrl: string, previous: { etag?: string; lastModified?: string }, policy: FeedFetchPolicy): Promise<FetchedFeed> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9',
    'user-agent': policy.userAgent,
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const agents: Agent[] = [];
  try {
    let url = vetted(new URL(feedUrl), policy);
    const seen = new Set([url.href]);
    let movedTo: string | undefined;
    let permanentSoFar = true;
    for (let redirects = 0; ; redirects++) {
      const agent = await pinnedAgent(url, policy);
      agents.push(agent);
      const response = await fetch(url, { headers, signal, redirect: 'manual', dispatcher: agent });
      if (!REDIRECTS.has(response.status)) return { ...(await answer(response, previous, policy)), url: url.href, movedTo };
      await discard(response.body);
      const next = redirectTarget(response, url, policy);
      if (seen.has(next.href)) throw new FeedFetchError('feed-redirect-loop', `the feed redirects in a loop (back to an address it already redirected from, after ${redirects + 1} redirects)`);
      if (redirects + 1 > MAX_REDIRECTS) throw new FeedFetchError('feed-too-many-redirects', `the feed redirects more than ${MAX_REDIRECTS} times`);
      seen.add(next.href);
      permanentSoFar &&= PERMANENT.has(response.status);
      if (permanentSoFar) movedTo = next.href;
      url = next;
    }
  } catch (error) {
    throw error instanceof FeedFetchError ? error : transportError(error, policy.timeoutMs);
  } finally {
    await Promise.all(agents.map((agent) => agent.destroy().catch(() => undefined)));
  }
}

/** A network failure as a short, stable lastError (undici's own is a bare "fetch failed"). */
function transportError(error: unknown, timeoutMs: number): FeedFetchError {
  if (error instanceof Error && error.name === 'TimeoutError') return new FeedFetchError('feed-timeout', `the feed did not answer within ${timeoutMs} ms`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new FeedFetchError('feed-unreachable', `the feed could not be fetched: ${detail}`);
}

function vetted(url: URL, policy: FeedFetchPolicy, redirectStatus?: number): URL {
  const problem = feedUrlProblem(url, policy.allowPrivateNetworks, policy.checkAddress);
  if (problem) throw new FeedFetchError(problem.rule, `refused: ${problem.message}${redirectStatus ? ` (the feed redirected there with HTTP ${redirectStatus})` : ''}`);
  return url;
}

function redirectTarget(response: Response, from: URL, policy: FeedFetchPolicy): URL {
  const location = response.headers.get('location');
  if (!location || !URL.canParse(location, from.href)) {
    throw new FeedFetchError('feed-redirect-invalid', `the feed answered HTTP ${response.status} without a usable Location`);
  }
  return vetted(new URL(location, from), policy, response.status);
}

async function answer(response: Response, previous: { etag?: string; lastModified?: string }, policy: FeedFetchPolicy): Promise<Omit<FetchedFeed, 'url'>> {
  if (response.status === 304) {
    await discard(response.body);
    return { notModified: true, etag: previous.etag, lastModified: previous.lastModified };
  }
  if (!response.ok) {
    await discard(response.body);
    if (response.status === 410) throw new FeedGone();
    const wait = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers.get('retry-after')) : undefined;
    throw new FeedFetchError('feed-http-error', `the feed answered HTTP ${response.status}`, wait);
  }
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > policy.maxBytes) {
    await discard(response.body);
    throw new FeedFetchError('feed-too-large', `the feed is ${length} bytes, over ${policy.maxBytes}`);
  }
  const body = decodeFeed(await readLimited(response.body, policy.maxBytes), response.headers.get('content-type'));
  return { notModified: false, body, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
}

/** The encoding a byte-order mark names: it is authoritative, over the Content-Type and the declaration (RFC 7303, 3.3). */
function bomEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Past the whitespace some feeds put before `<?xml` (Folha's starts with a newline), so its declaration is still read. */
function declarationStart(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length && at < 1024 && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return at;
}

/**
 * A feed's text in the encoding it declares: a byte-order mark, else the Content-Type charset, else
 * its XML declaration, else UTF-8. `response.text()` always read UTF-8, so an ISO-8859-1 feed's
 * accented letters became U+FFFD. A BOM is not part of the text (TextDecoder drops it).
 */
export function decodeFeed(bytes: Buffer, contentType: string | null): string {
  try {
    return new TextDecoder(bomEncoding(bytes) ?? declaredEncoding(bytes.subarray(declarationStart(bytes)), contentType) ?? 'utf-8').decode(bytes);
  } catch {
    // An encoding name the runtime does not know: UTF-8, as before.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
