import { InputProblem } from '../articles/formats/input-problem';
import { declaredEncoding } from '../articles/formats/safe-xml';

export interface FetchedFeed {
  notModified: boolean;
  body?: string;
  etag?: string;
  lastModified?: string;
}

const MAX_FEED_BYTES = 10 * 1024 * 1024;

/** Conditional GET: an unchanged feed answers 304 and costs neither side a download. */
export async function fetchFeed(url: string, previous: { etag?: string; lastModified?: string }, timeoutMs: number): Promise<FetchedFeed> {
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9',
    'user-agent': 'Newsflow feed poller',
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (response.status === 304) return { notModified: true, etag: previous.etag, lastModified: previous.lastModified };
  if (!response.ok) throw new InputProblem(422, 'feed-http-error', `the feed answered HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) throw new InputProblem(413, 'feed-too-large', `the feed is ${length} bytes, over ${MAX_FEED_BYTES}`);
  const body = decodeFeed(Buffer.from(await response.arrayBuffer()), response.headers.get('content-type'));
  return {
    notModified: false,
    body,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  };
}

/**
 * A feed's text in the encoding it declares: the Content-Type charset, else its XML declaration,
 * else UTF-8. `response.text()` always read UTF-8, so an ISO-8859-1 feed's accented letters became U+FFFD.
 */
export function decodeFeed(bytes: Buffer, contentType: string | null): string {
  try {
    return new TextDecoder(declaredEncoding(bytes, contentType) ?? 'utf-8').decode(bytes);
  } catch {
    // An encoding name the runtime does not know: UTF-8, as before.
    return new TextDecoder('utf-8').decode(bytes);
  }
}
