// Offered load: a backlog pushed as fast as the entry point takes it (throughput), or one article
// at a time at a fixed rate (latency). Each driver records when every article was accepted.
const http = require('node:http');
const { Partitioners } = require('kafkajs');
const { toReceivedMessage, toSubmission } = require('./payloads');

/** Most requests outstanding at a fixed rate; past it the offered rate is not met, and the result says so. */
const MAX_IN_FLIGHT = 512;

/**
 * One request over `agent` to `origin` (hostname and port, parsed once rather than a URL per request),
 * answered with its status and body (JSON when it says so). `body` is JSON already serialised (a
 * Buffer) or a value to serialise. node:http rather than fetch: fetch opens a new connection whenever
 * its pooled ones are busy, and under load a busy ingest accepted new connections only one per
 * event-loop iteration, so they waited seconds in its accept queue (bench/README.md, "Extraction
 * handoff"); an agent holds a fixed set.
 */
function request(agent, origin, path, options = {}, retried = false) {
  const { method = 'GET', headers = {}, body } = options;
  const data = body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname: origin.hostname, port: origin.port, path, method, agent,
      headers: data === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode, body: res.headers['content-type']?.includes('json') ? JSON.parse(text) : text });
      });
    });
    // A kept-alive connection the server closed just as this request went out on it: the request was
    // never read, so it is sent once more, as Node's documentation advises (request.reusedSocket).
    req.on('error', (error) => (req.reusedSocket && error.code === 'ECONNRESET' && !retried ? resolve(request(agent, origin, path, options, true)) : reject(error)));
    req.end(data);
  });
}

async function createSource(agent, origin, adminKey, id) {
  const answer = await request(agent, origin, '/v1/admin/sources', {
    method: 'POST', headers: { authorization: `Bearer ${adminKey}` }, body: { id, name: `Bench ${id}`, rateLimitPerMinute: 1_000_000 },
  });
  if (answer.status !== 201) throw new Error(`creating source ${id}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.apiKey;
}

/**
 * Through ingest's HTTP API over at most `connections` keep-alive connections, as a wire desk's
 * client (or a load balancer) keeps them; requests beyond wait in this process, and that wait counts
 * in their latency. `warm()` opens them all before a timed phase, like wrk, and FIFO reuse keeps each
 * busy enough that ingest's 5 s keep-alive timeout never closes one mid-phase.
 * `sourceId` decides the article ids. Refusals are results, not crashes: each answer says which items
 * were accepted and which refused with what status.
 */
async function httpEntry({ ingestUrl, adminKey, sourceId, connections }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
  const { hostname, port } = new URL(ingestUrl);
  const origin = { hostname, port };
  const apiKey = await createSource(agent, origin, adminKey, sourceId);
  const post = (path, body) => request(agent, origin, path, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body });
  return {
    async warm() {
      await Promise.all(Array.from({ length: connections }, () => request(agent, origin, '/health/live')));
    },
    async submitBatch(items) {
      const answer = await post('/v1/articles/batch', items.map((item) => toSubmission(item)));
      const at = Date.now();
      if (answer.status !== 202 && answer.status !== 207) return items.map((item) => ({ item, status: answer.status, at }));
      return answer.body.results.map((r) => ({ item: items[r.index], id: r.status === 202 ? r.id : undefined, status: r.status, at }));
    },
    /** An article's request body, serialised before a fixed-rate phase starts rather than while it runs. */
    prepare: (item) => ({ item, body: Buffer.from(JSON.stringify(toSubmission(item))) }),
    /** One article, as `prepare` gave it. */
    async submitOne({ item, body }) {
      const answer = await post('/v1/articles', body);
      return { item, id: answer.status === 202 ? answer.body.id : undefined, status: answer.status, at: Date.now() };
    },
    close: async () => agent.destroy(),
  };
}

/** Straight onto news.articles.received.v1, skipping ingest, with the services' producer settings (idempotent, acks=all). */
async function topicEntry({ kafka, sourceId, runTag }) {
  const { TOPICS } = require('@newsflow/contracts');
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
  await producer.connect();
  const source = { id: sourceId, name: `Bench ${sourceId}` };
  const send = async (items) => {
    const messages = items.map((item) => toReceivedMessage(item, source, runTag));
    await producer.send({ topic: TOPICS.articleReceived, acks: -1, messages });
    const at = Date.now();
    return messages.map((m, i) => ({ item: items[i], id: m.key, status: 202, at }));
  };
  return { submitBatch: send, submitOne: async (item) => (await send([item]))[0], close: () => producer.disconnect() };
}

/** Retries of an item ingest refused with a 5xx or 429 (resubmitting is safe), as a wire desk's client would. */
const BACKLOG_RETRIES = 5;

/** Counts answers by status: { "202": n, "500": m }. */
const tally = (counts, status) => { counts[status] = (counts[status] ?? 0) + 1; };

/** The whole backlog in batches, `concurrency` requests at a time. */
async function driveBacklog(entry, items, { batchSize, concurrency }) {
  const accepted = new Map();
  const statuses = {};
  const queue = items.map((item) => ({ item, attempt: 0 }));
  let gaveUp = 0;
  const worker = async () => {
    while (queue.length > 0) {
      const batch = queue.splice(0, batchSize);
      const attempts = new Map(batch.map((b) => [b.item, b.attempt]));
      const answers = await entry.submitBatch(batch.map((b) => b.item));
      let retry = false;
      for (const { item, id, status, at } of answers) {
        tally(statuses, status);
        if (id) accepted.set(id, at);
        else if ((status >= 500 || status === 429) && attempts.get(item) < BACKLOG_RETRIES) {
          queue.push({ item, attempt: attempts.get(item) + 1 });
          retry = true;
        } else gaveUp += 1;
      }
      if (retry) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { accepted, statuses, gaveUp };
}

/**
 * Open loop: article i is due at start + i/rate whatever happened to the ones before (a closed loop
 * would hide queueing), and its latency counts from then, not from when it actually left: time it
 * waited on this process's event loop, under the in-flight cap or for a free connection is the
 * system's backlog, and leaving it out would understate the tail (coordinated omission, as wrk2 puts it).
 */
async function driveAtRate(entry, items, rate) {
  const accepted = new Map();
  const dueAt = new Map();
  const statuses = {};
  // Whatever an entry can do ahead (serialising the bodies) is done before the clock starts, so the
  // load generator spends less of the two cores the pipeline is measured on while the phase runs.
  const sendable = entry.prepare ? items.map((item) => entry.prepare(item)) : items;
  const startedAt = Date.now();
  let behind = 0;
  const inFlight = new Set();
  // Woken by whichever request finishes first while the loop waits at the cap. A Promise.race over
  // every request in flight cost a reaction per request per wait: at the cap, most of this process's CPU.
  let slotFreed;
  for (let i = 0; i < items.length; i += 1) {
    const due = startedAt + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= MAX_IN_FLIGHT) {
      behind += 1;
      await new Promise((resolve) => (slotFreed = resolve));
    }
    const request = entry.submitOne(sendable[i]).then(({ id, status, at }) => {
      tally(statuses, status);
      if (!id) return;
      accepted.set(id, at);
      dueAt.set(id, Math.round(due));
    }, (error) => tally(statuses, error.code ?? 'network-error')).finally(() => {
      inFlight.delete(request);
      slotFreed?.();
      slotFreed = undefined;
    });
    inFlight.add(request);
  }
  const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
  await Promise.all(inFlight);
  return { accepted, dueAt, statuses, offeredPerSecond: Math.round((items.length / seconds) * 10) / 10, throttled: behind };
}

module.exports = { httpEntry, topicEntry, driveBacklog, driveAtRate, MAX_IN_FLIGHT };
