// The two measured phases of the pipeline: a backlog of the whole corpus pushed as fast as the
// entry point accepts it (sustained throughput), then a fixed offered rate (latency).
const { httpEntry, topicEntry, driveBacklog, driveAtRate } = require('./drivers');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { latencySummary, perSecond, throughput } = require('./stats');

const nsToMs = (ns) => Math.round(ns / 1e5) / 10;

/** Waiting for the last article: generous, because a slow pipeline is a result, not an error (until it is absurd). */
const drainTimeoutMs = (count) => Math.max(180_000, count * 100);

async function entryFor(options, context, sourceId) {
  if (options.mode === 'http') return httpEntry({ ingestUrl: context.services.find((s) => s.name === 'ingest').url, adminKey: context.adminKey, sourceId, connections: options.connections });
  return topicEntry({ kafka: context.kafka, sourceId, runTag: context.runTag });
}

/** Items for the fixed-rate phase: the corpus again (a new source gives new article ids), cycled if the phase needs more. */
function latencyItems(corpus, count) {
  return Array.from({ length: count }, (_, i) => {
    const item = corpus[i % corpus.length];
    return i < corpus.length ? item : { ...item, sourceItemId: `${item.sourceItemId}-r${Math.floor(i / corpus.length)}` };
  });
}

/** Milliseconds from `from` to `to` for every id present in both. */
function gaps(ids, from, to) {
  const out = [];
  for (const id of ids) {
    const a = from.get(id);
    const b = to.get(id);
    if (a !== undefined && b !== undefined) out.push(b - a);
  }
  return out;
}

/**
 * Not measured: `items` (a corpus of their own, so no measured article is a near-duplicate of one)
 * driven through as a backlog until indexed. The measured phases then find the broker's and the
 * services' JIT compilers done with the code paths they use, as on a server that has been running.
 */
async function warmUpPipeline(context, items) {
  const { options, watcher, log } = context;
  const { TOPICS } = require('@newsflow/contracts');
  log(`warm-up: ${items.length} articles of another corpus as a backlog, not measured`);
  const entry = await entryFor(options, context, `bench-warmup-${context.runTag}`);
  const started = Date.now();
  try {
    const { accepted, statuses, gaveUp } = await driveBacklog(entry, items, options);
    const ids = [...accepted.keys()];
    await watcher.waitForAll(TOPICS.articleIndexed, ids, drainTimeoutMs(ids.length), 'warm-up articles on the indexed topic');
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    log(`warm-up: ${ids.length} indexed in ${seconds} s`);
    return { articles: ids.length, answers: statuses, gaveUp, seconds };
  } finally {
    await entry.close();
  }
}

async function measurePipeline(context) {
  const { options, corpus, watcher, sampler, log } = context;
  const { TOPICS } = require('@newsflow/contracts');
  const indexed = watcher.seen(TOPICS.articleIndexed);

  log(`throughput: ${corpus.length} articles as a backlog (${options.mode}, batches of ${options.batchSize}, ${options.concurrency} at a time)`);
  const backlogEntry = await entryFor(options, context, `bench-backlog-${context.runTag}`);
  sampler.mark('backlog-start');
  const backlogStart = Date.now();
  const { accepted: backlogAccepted, statuses: backlogStatuses, gaveUp } = await driveBacklog(backlogEntry, corpus, options);
  const acceptSeconds = (Date.now() - backlogStart) / 1000;
  log(`throughput: ${backlogAccepted.size} accepted in ${acceptSeconds.toFixed(1)} s (answers ${JSON.stringify(backlogStatuses)}, ${gaveUp} given up); waiting until indexed`);
  const backlogIds = [...backlogAccepted.keys()];
  await watcher.waitForAll(TOPICS.articleIndexed, backlogIds, drainTimeoutMs(backlogIds.length), 'backlog articles on the indexed topic');
  sampler.mark('backlog-end');
  await backlogEntry.close();
  const backlogDone = backlogIds.map((id) => indexed.get(id));
  const backlog = { ...throughput(backlogDone, backlogStart), acceptedPerSecond: Math.round((backlogIds.length / acceptSeconds) * 10) / 10,
    answers: backlogStatuses, gaveUp, startedAt: backlogStart, cpu: sampler.between('backlog-start', 'backlog-end'),
    series: perSecond(backlogDone, backlogStart) };
  log(`throughput: ${backlog.sustainedPerSecond} articles/s sustained, ${backlog.overallPerSecond} overall`);

  const latency = await fixedRatePhase(context, options.rate, 'latency');
  // The sweep's phases follow, each on a drained pipeline, so one rate's queue never spills into the next.
  const sweep = [];
  for (const rate of options.sweepRates ?? []) sweep.push(await fixedRatePhase(context, rate, `sweep-${rate}`));
  return { backlog, latency, sweep };
}

/** `rate` articles/s for --latency-seconds, one per request, under a source of its own; latency per article and per stage, CPU meanwhile. */
async function fixedRatePhase(context, rate, name) {
  const { options, corpus, watcher, sampler, log } = context;
  const { TOPICS } = require('@newsflow/contracts');
  const indexed = watcher.seen(TOPICS.articleIndexed);
  const count = rate * options.latencySeconds;
  log(`${name}: ${count} articles at ${rate}/s offered, one per request`);
  const rateEntry = await entryFor(options, context, `bench-${name}-${context.runTag}`);
  await rateEntry.warm?.();
  sampler.mark(`${name}-start`);
  const latencyStart = Date.now();
  // This process's own event-loop delay: time a due request or an answer waited in the load generator itself.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const driven = await driveAtRate(rateEntry, latencyItems(corpus, count), rate);
  loopDelay.disable();
  const ids = [...driven.accepted.keys()];
  await watcher.waitForAll(TOPICS.articleIndexed, ids, drainTimeoutMs(ids.length), `${name} articles on the indexed topic`);
  sampler.mark(`${name}-end`);
  await rateEntry.close();
  // "Submitted" is when the request (or produce) was due to leave the bench (see driveAtRate); ingest stores, publishes and updates
  // status before answering, so its 202 can arrive after the enricher already finished: stages are
  // therefore measured from submission, and the target is judged on submitted → indexed (the stricter).
  const perArticle = ids.map((id) => ({ at: indexed.get(id), ms: indexed.get(id) - driven.dueAt.get(id) }));
  const latency = {
    answers: driven.statuses, offeredPerSecond: driven.offeredPerSecond, targetPerSecond: rate, throttledByInFlightCap: driven.throttled, startedAt: latencyStart,
    submittedToIndexedMs: latencySummary(gaps(ids, driven.dueAt, indexed)),
    acceptedToIndexedMs: latencySummary(gaps(ids, driven.accepted, indexed)),
    submitMs: latencySummary(gaps(ids, driven.dueAt, driven.accepted)),
    stagesMs: {
      submittedToEnriched: latencySummary(gaps(ids, driven.dueAt, watcher.seen(TOPICS.articleEnriched))),
      enrichedToWeather: latencySummary(gaps(ids, watcher.seen(TOPICS.articleEnriched), watcher.seen(TOPICS.articleWeatherAttached))),
      weatherToIndexed: latencySummary(gaps(ids, watcher.seen(TOPICS.articleWeatherAttached), indexed)),
    },
    loadGeneratorLoopDelayMs: { p50: nsToMs(loopDelay.percentile(50)), p99: nsToMs(loopDelay.percentile(99)), max: nsToMs(loopDelay.max) },
    cpu: sampler.between(`${name}-start`, `${name}-end`),
    series: latencyPerSecond(perArticle, latencyStart),
  };
  log(`${name} (submitted → indexed): p50 ${latency.submittedToIndexedMs.p50} ms, p95 ${latency.submittedToIndexedMs.p95} ms, p99 ${latency.submittedToIndexedMs.p99} ms at ${latency.offeredPerSecond}/s offered`);
  return latency;
}

/** p50 and p99 of the articles indexed in each second of the phase. */
function latencyPerSecond(perArticle, origin) {
  const buckets = new Map();
  for (const { at, ms } of perArticle) {
    const s = Math.floor((at - origin) / 1000);
    if (!buckets.has(s)) buckets.set(s, []);
    buckets.get(s).push(ms);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([s, values]) => {
    const { p50, p99, count } = latencySummary(values);
    return { s, count, p50, p99 };
  });
}

module.exports = { measurePipeline, warmUpPipeline };
