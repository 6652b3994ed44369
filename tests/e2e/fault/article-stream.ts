/** Answers of ingest that mean "try again later": nothing of the request was accepted. */
const RETRY_LATER = new Set([429, 500, 502, 503, 504]);
const CITIES = ['PARIS', 'LONDON', 'NAIROBI', 'LIMA', 'OSLO', 'MARRAKECH', 'TOKYO', 'SYDNEY'];

export interface StreamOptions {
  /** Read on every request: a restarted ingest listens on a new port. */
  ingestUrl: () => string;
  apiKey: string;
  prefix: string;
  count: number;
  batchSize: number;
  /** Pause between batches, so the stream lasts long enough for faults to land mid-stream. */
  pauseMs: number;
  onProgress?: (sent: number) => void;
}

export interface StreamResult {
  /** Article id → version, for every item ingest answered 202 (or 200: already accepted earlier). */
  accepted: Map<string, number>;
  /** Requests that failed or were answered "retry later" and were sent again. */
  retries: number;
}

interface ItemAnswer { index: number; status: number; id?: string; version?: number; problem?: unknown }

function article(prefix: string, n: number) {
  const city = CITIES[n % CITIES.length];
  return {
    sourceItemId: `${prefix}-${n}`,
    headline: `${prefix} story ${n} from ${city}`,
    body: `${city} (Reuters) - Story ${n} of the ${prefix} run. Officials in ${city} said on Monday that the talks would go on.`,
    publishedAt: new Date().toISOString(),
  };
}

/**
 * Streams `count` articles through ingest's batch API like a client that cares about its stories:
 * anything not answered with a final status (connection refused while ingest restarts, 503 while
 * Kafka is away) is sent again with backoff, and only items ingest acknowledged count as accepted.
 */
export async function streamArticles(options: StreamOptions): Promise<StreamResult> {
  const accepted = new Map<string, number>();
  let retries = 0;
  for (let start = 0; start < options.count; start += options.batchSize) {
    let pending = Array.from({ length: Math.min(options.batchSize, options.count - start) }, (_, i) => article(options.prefix, start + i));
    for (let attempt = 1; pending.length > 0; attempt++) {
      const answers = await post(options, pending).catch(() => undefined);
      if (!answers) {
        retries++;
        await backoff(attempt);
        continue;
      }
      const again: typeof pending = [];
      answers.forEach((answer) => {
        if ((answer.status === 202 || answer.status === 200) && answer.id) accepted.set(answer.id, answer.version ?? 1);
        else if (RETRY_LATER.has(answer.status)) again.push(pending[answer.index]);
        else throw new Error(`ingest refused ${pending[answer.index].sourceItemId}: ${answer.status} ${JSON.stringify(answer.problem)}`);
      });
      if (again.length > 0) {
        retries++;
        await backoff(attempt);
      }
      pending = again;
    }
    options.onProgress?.(Math.min(start + options.batchSize, options.count));
    if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  return { accepted, retries };
}

/** Full jitter under a ceiling that doubles from 250 ms to 4 s: an outage is not hammered, and a short one costs little. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(4_000, 250 * 2 ** (attempt - 1));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

async function post(options: StreamOptions, items: object[]): Promise<ItemAnswer[] | undefined> {
  const response = await fetch(`${options.ingestUrl()}/v1/articles/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
    body: JSON.stringify(items),
    signal: AbortSignal.timeout(30_000),
  });
  if (RETRY_LATER.has(response.status)) return undefined;
  const body = (await response.json()) as { results?: ItemAnswer[] };
  if (!body.results) throw new Error(`unexpected batch answer ${response.status}: ${JSON.stringify(body)}`);
  return body.results;
}
