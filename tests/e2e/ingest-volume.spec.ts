import { parseEvent, TOPICS } from '@newsflow/contracts';
import mongoose from 'mongoose';
import { RunningService, startService, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, unique } from '../support/unique';

/**
 * 1,000 submissions in batches: 80% new stories, 10% exact resubmissions, 5% invalid, 5% corrections.
 * Every count must come out exactly, in the HTTP answers, in MongoDB and on the received topic.
 */
describe('ingest under a mixed load of 1,000 submissions', () => {
  const run = unique('e2e-volume');
  const database = run.replace(/-/g, '_');
  const source = `volume-${run}`;
  let ingest: RunningService;
  let received: TopicReader;
  let apiKey: string;

  beforeAll(async () => {
    ingest = await startService('ingest', { MONGODB_URI: mongoUriWithDatabase(database), KAFKA_GROUP_ID: run, ADMIN_API_KEY, MAX_BATCH_ITEMS: '100' });
    apiKey = await createSource(ingest.url, source, { rateLimitPerMinute: 10_000 });
    received = await TopicReader.start([TOPICS.articleReceived]);
  });

  afterAll(async () => {
    await received?.stop();
    if (ingest) await stopService(ingest);
  });

  it('accepts, refuses, deduplicates and versions every item exactly once', async () => {
    const story = (n: number, body = `Body of story ${n} from ${run}.`) => ({ sourceItemId: `story-${n}`, headline: `Story ${n}`, body });
    const items: object[] = [];
    for (let n = 0; n < 800; n++) items.push(story(n));
    for (let n = 0; n < 100; n++) items.push(story(n));
    for (let n = 0; n < 50; n++) items.push({ sourceItemId: `invalid-${n}`, body: 'no headline' });
    for (let n = 100; n < 150; n++) items.push(story(n, `Corrected body of story ${n} from ${run}.`));

    const counts = { 202: 0, 200: 0, 422: 0, other: 0 };
    for (let start = 0; start < items.length; start += 100) {
      const response = await fetch(`${ingest.url}/v1/articles/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(items.slice(start, start + 100)),
      });
      const body = (await response.json()) as { results: Array<{ status: number }> };
      for (const { status } of body.results) {
        if (status === 202 || status === 200 || status === 422) counts[status]++;
        else counts.other++;
      }
    }
    expect(counts).toEqual({ 202: 850, 200: 100, 422: 50, other: 0 });

    const connection = await mongoose.createConnection(mongoUriWithDatabase(database)).asPromise();
    try {
      const stored = connection.collection('ingest_articles');
      expect(await stored.countDocuments({})).toBe(850);
      expect(await stored.countDocuments({ version: 2 })).toBe(50);
      // Every stored version was handed to Kafka: each has its publication record, and no other exists.
      const versionIds = (await stored.find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)).sort();
      const published = (await connection.collection('ingest_article_publications').find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)).sort();
      expect(published).toEqual(versionIds);
    } finally {
      await connection.close();
    }

    await received.waitUntilCaughtUp(TOPICS.articleReceived);
    const ours = received.messages
      .filter((m) => m.topic === TOPICS.articleReceived && (m.value ?? '').includes(`"${source}"`))
      .map((m) => parseEvent(TOPICS.articleReceived, JSON.parse(m.value ?? 'null')));
    expect(ours.filter((e) => e.payload.article.source.id === source)).toHaveLength(850);
    expect(new Set(ours.map((e) => `${e.articleId}:${e.articleVersion}`)).size).toBe(850);
    expect(ours.filter((e) => e.articleVersion === 2)).toHaveLength(50);
  }, 900_000); // a correctness test, not a speed test: bench measures speed (shared CI machines vary)
});
