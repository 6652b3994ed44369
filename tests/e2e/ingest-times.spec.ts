import { parseEvent, TOPICS } from '@newsflow/contracts';
import { RunningService, startService, stopService } from '../support/service-process';
import { ADMIN_API_KEY, createSource } from '../support/sources';
import { TopicReader } from '../support/topic-reader';
import { mongoUriWithDatabase, unique } from '../support/unique';

/**
 * Ingest's times across its store, over real HTTP: a correction keeps the story's first publication
 * time, a kill passes the stale-version guard, and a source's zone reads times without an offset.
 */
describe('ingest times end to end', () => {
  const run = unique('e2e-times');
  let ingest: RunningService;
  let received: TopicReader;
  let apiKey: string;

  beforeAll(async () => {
    ingest = await startService('ingest', { MONGODB_URI: mongoUriWithDatabase(run.replace(/-/g, '_')), KAFKA_GROUP_ID: run, ADMIN_API_KEY });
    apiKey = await createSource(ingest.url, `times-${run}`);
    received = await TopicReader.start([TOPICS.articleReceived]);
  });

  afterAll(async () => {
    await received?.stop();
    if (ingest) await stopService(ingest);
  });

  const post = (body: object, key = apiKey, contentType = 'application/json') =>
    fetch(`${ingest.url}/v1/articles`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  const accepted = async (body: object, key = apiKey) => {
    const response = await post(body, key);
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string; version: number };
  };
  const receivedVersion = async (id: string, version: number) => {
    const message = await received.waitForMessage((m) => m.key === id && JSON.parse(m.value ?? 'null')?.payload?.article?.version === version, `version ${version} of ${id}`);
    return parseEvent(TOPICS.articleReceived, JSON.parse(message.value ?? 'null')).payload.article;
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  it('keeps the first publication time on a correction that states none (native JSON and ninjs), and a resend stays a duplicate', async () => {
    const item = `corr-${run}`;
    const first = await accepted({ sourceItemId: item, language: 'en', headline: 'Storm hits coast', body: 'MIAMI (AP) — A storm hit the coast on Sunday, officials said.',
      publishedAt: '2026-12-06T14:00:00-05:00', updatedAt: '2026-12-06T14:00:00-05:00' });
    const correction = { sourceItemId: item, language: 'en', headline: 'Storm hits coast, two dead', body: 'MIAMI (AP) — A storm hit the coast, killing two people.',
      updatedAt: '2026-12-07T09:00:00-05:00' };
    const second = await accepted(correction);
    expect(second).toMatchObject({ id: first.id, version: 2 });
    expect(await receivedVersion(first.id, 2)).toMatchObject({ publishedAt: '2026-12-06T19:00:00.000Z', updatedAt: '2026-12-07T14:00:00.000Z' });
    const resend = await post(correction);
    expect(resend.status).toBe(200);
    expect(await resend.json()).toMatchObject({ duplicate: true, version: 2 });

    const uri = `urn:desk:${run}`;
    const ninjs = (versioncreated: string, text: string, firstcreated?: string) => ({ uri, language: 'en', headlines: [{ role: 'main', value: `Quake ${text}` }],
      bodies: [{ role: 'main', contenttype: 'text/plain', value: `TOKYO (Kyodo) — A quake ${text}.` }], versioncreated, ...(firstcreated ? { firstcreated } : {}) });
    const v1 = await accepted(ninjs('2026-12-06T10:00:00+01:00', 'shook Tokyo', '2026-12-06T10:00:00+01:00'));
    await accepted(ninjs('2026-12-07T11:00:00+01:00', 'shook Tokyo and Chiba'));
    expect((await receivedVersion(v1.id, 2)).publishedAt).toBe('2026-12-06T09:00:00.000Z');
    // A version that states its own first-created time keeps it.
    await accepted(ninjs('2026-12-07T12:00:00+01:00', 'shook all Kanto', '2026-12-06T11:00:00+01:00'));
    expect((await receivedVersion(v1.id, 3)).publishedAt).toBe('2026-12-06T10:00:00.000Z');
  });

  it('lets a kill through the stale-version guard that a version stamped ahead (within the skew) would hold it in', async () => {
    const now = Date.now();
    const item = `skew-${run}`;
    const story = { sourceItemId: item, language: 'en', headline: 'Tokyo desk story', body: 'TOKYO (Kyodo) — A first text.' };
    const first = await accepted({ ...story, updatedAt: iso(now + 10 * 60_000) });
    const stale = await post({ ...story, body: 'TOKYO (Kyodo) — A corrected text.', updatedAt: iso(now) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ rule: 'stale-version' });
    const kill = await accepted({ ...story, pubStatus: 'canceled', body: 'TOKYO (Kyodo) — Withdrawn.', updatedAt: iso(now) });
    expect(kill).toMatchObject({ id: first.id, version: 2 });
    expect(await receivedVersion(first.id, 2)).toMatchObject({ pubStatus: 'canceled' });
    // Further ahead than 15 minutes, a usable version is refused, a kill clamped to its receive time.
    const ahead = await post({ ...story, sourceItemId: `ahead-${run}`, updatedAt: iso(now + 60 * 60_000) });
    expect(ahead.status).toBe(422);
    expect(ahead.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await ahead.json()).toMatchObject({ rule: 'timestamp-in-future', field: 'updatedAt' });
  });

  it('reads times without an offset in the source\'s zone, and refuses such an embargo from a source without one', async () => {
    const nyKey = await createSource(ingest.url, `times-ny-${run}`, { timeZone: 'America/New_York' });
    const g2 = (guid: string) => `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1" standard="NewsML-G2" standardversion="2.33">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:DESK"/><firstCreated>2026-12-07T09:00:00</firstCreated><embargoed>2099-12-07T18:00:00</embargoed></itemMeta>
  <contentMeta><headline>Budget</headline><language tag="en"/></contentMeta>
  <contentSet><inlineData contenttype="text/plain">WASHINGTON (Desk) — The budget.</inlineData></contentSet>
</newsItem>`;
    const send = (key: string, guid: string) => fetch(`${ingest.url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/xml', authorization: `Bearer ${key}` }, body: g2(guid) });
    const ny = await send(nyKey, `urn:desk:ny-${run}`);
    expect(ny.status).toBe(202);
    const { id } = (await ny.json()) as { id: string };
    expect(await receivedVersion(id, 1)).toMatchObject({ publishedAt: '2026-12-07T14:00:00.000Z', embargoedUntil: '2099-12-07T23:00:00.000Z' });
    const utc = await send(apiKey, `urn:desk:utc-${run}`);
    expect(utc.status).toBe(422);
    expect(await utc.json()).toMatchObject({ rule: 'embargo-needs-offset', field: 'embargoed', detail: expect.stringMatching(/timeZone/) });

    const admin = (method: string, path: string, body: object) => fetch(`${ingest.url}/v1/admin/sources${path}`, { method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_API_KEY}` }, body: JSON.stringify(body) });
    const unknown = await admin('POST', '', { id: `times-bad-${run}`, name: 'bad', timeZone: 'America/New_Yrok' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ rule: 'unknown-time-zone', detail: expect.stringContaining('America/New_Yrok') });
    const changed = await admin('PATCH', `/times-${run}`, { timeZone: 'America/New_York' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ timeZone: 'America/New_York' });
    // The change reaches submissions at once (the key cache is told), so the same document now goes through.
    expect((await send(apiKey, `urn:desk:utc-${run}`)).status).toBe(202);
  });
});
