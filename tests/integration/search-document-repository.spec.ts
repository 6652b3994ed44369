import { makeArticle } from '@newsflow/contracts/testing';
import mongoose, { Connection } from 'mongoose';
import { toSearchDocument } from '../../services/indexer/src/index/search-document';
import { SearchDocumentRepository } from '../../services/indexer/src/index/search-document.repository';
import { fromStored } from '../../services/indexer/src/index/stored-search-document';
import { toIndexedArticle } from '../../services/indexer/src/search/indexed-article';
import { mongoUriWithDatabase, unique } from '../support/unique';

const payload = (version: number, headline: string) => ({
  article: makeArticle({ id: '0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b', version, headline }),
  enrichment: { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
  weather: { status: 'no-location' as const },
});

describe('search documents on the real MongoDB endpoint', () => {
  let connection: Connection;
  let repository: SearchDocumentRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUriWithDatabase(unique('it_index').replace(/-/g, '_'))).asPromise();
    repository = new SearchDocumentRepository(connection);
    await repository.onModuleInit();
  });

  afterAll(async () => {
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('never lets an older version overwrite a newer one, and replays change nothing', async () => {
    expect(await repository.upsert(toSearchDocument(payload(2, 'Second'), new Date()))).toBe(true);
    expect(await repository.upsert(toSearchDocument(payload(1, 'First'), new Date()))).toBe(false);
    expect(await repository.upsert(toSearchDocument(payload(2, 'Second'), new Date()))).toBe(true);
    const stored = await repository.findById('0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b');
    expect(stored).toMatchObject({ version: 2, headline: 'Second' });
    expect(await connection.collection('search_articles').countDocuments()).toBe(1);
  });

  it('keeps each version a newer one replaced or overtook in the history, each read back by an _id lookup', async () => {
    const id = '0b6f7a3e-2f1c-5d4e-8a9b-1c2d3e4f5a6b';
    const versions = connection.collection('search_article_versions');
    // The first test left version 2 as the latest, and version 1, which came after it, in the history.
    expect((await versions.find({}).toArray()).map((v) => [v._id, v.headline])).toEqual([[`${id}:1`, 'First']]);
    // Version 3 replaces 2, which goes into the history; replays of 1 and 3 change nothing.
    await repository.upsert(toSearchDocument(payload(3, 'Third'), new Date()));
    for (const [version, headline] of [[1, 'First'], [3, 'Third'], [1, 'First']] as const) {
      await repository.upsert(toSearchDocument(payload(version, headline), new Date()));
    }
    expect(await repository.findVersion(id, 1)).toMatchObject({ _id: id, version: 1, headline: 'First' });
    expect(await repository.findVersion(id, 2)).toMatchObject({ _id: id, version: 2, headline: 'Second' });
    expect(await repository.findVersion(id, 3)).toMatchObject({ _id: id, version: 3, headline: 'Third' });
    expect(await repository.findVersion(id, 4)).toBeNull();
    expect((await versions.find({}, { projection: { version: 1 } }).toArray()).map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('streams every latest document for the start-up index build', async () => {
    const all = [];
    for await (const stored of repository.allStored()) all.push(fromStored(stored));
    expect(all.map((d) => d.version)).toEqual([3]);
  });

  it('reads for the index only what the index uses, and indexes it exactly as the whole document', async () => {
    const place = { id: 'place:2542997', type: 'place' as const, name: 'Marrakech', surfaceForms: ['Marrakech', 'MARRAKECH'], mentionCount: 2, salience: 0.9,
      mentions: [{ field: 'body' as const, start: 0, end: 9, text: 'MARRAKECH' }, { field: 'headline' as const, start: 3, end: 12, text: 'Marrakech' }],
      geo: { lat: 31.63416, lon: -7.99994, countryCode: 'MA', geonameId: 2542997 } };
    const full = toSearchDocument({
      article: makeArticle({ id: '7d1f0e52-9a3b-4c6d-8e2f-0a1b2c3d4e5f', version: 1, headline: 'In Marrakech, INTERPOL meets', body: 'MARRAKECH - Police chiefs met.', bodyHtml: '<p>MARRAKECH - Police chiefs met.</p>', storyClusterId: 'cluster-1' }),
      enrichment: { status: 'enriched', language: 'en', entities: [place], primaryLocation: { entityId: place.id, name: 'Marrakech', lat: 31.63416, lon: -7.99994, countryCode: 'MA' },
        enricherVersion: 't', enrichedAt: new Date().toISOString() },
      weather: { status: 'no-location' },
    } as Parameters<typeof toSearchDocument>[0], new Date('2026-11-29T10:00:00Z'));
    await repository.upsert(full);
    const loaded = [];
    for await (const document of repository.allIndexable()) if (document._id === full._id) loaded.push(document);
    expect(loaded).toHaveLength(1);
    const { document } = loaded[0] as unknown as { document: { article: object; enrichment: { entities: object[] } } & object };
    expect(document.article).toHaveProperty('body', 'MARRAKECH - Police chiefs met.');
    expect(document.article).not.toHaveProperty('bodyHtml');
    expect(document).not.toHaveProperty('weather');
    expect(document.enrichment.entities[0]).not.toHaveProperty('mentions');
    expect(document.enrichment.entities[0]).toHaveProperty('surfaceForms', ['Marrakech', 'MARRAKECH']);
    expect(toIndexedArticle(loaded[0])).toEqual(toIndexedArticle(full));
  });

  it('indexes a document written before the body was stored once exactly as a new one', async () => {
    const article = makeArticle({ id: '0f4c2d1e-3b5a-4c6d-9e8f-1a2b3c4d5e6f', version: 1, headline: 'Storm closes Marrakech airport', body: 'MARRAKECH - Flights were cancelled.' });
    const current = toSearchDocument({
      article, weather: { status: 'no-location' },
      enrichment: { status: 'enriched', language: 'en', entities: [], enricherVersion: 't', enrichedAt: new Date().toISOString() },
    } as Parameters<typeof toSearchDocument>[0], new Date('2026-11-29T10:00:00Z'));
    // Older indexers also wrote the body at the top level; the projection drops that copy.
    await repository.upsert({ ...current, body: article.body });
    const loaded = [];
    for await (const document of repository.allIndexable()) if (document._id === current._id) loaded.push(document);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).not.toHaveProperty('body');
    expect(toIndexedArticle(loaded[0])).toEqual(toIndexedArticle(current));
    expect(toIndexedArticle(current).lengths.body).toBeGreaterThan(0);
  });

  it('stores the article as its JSON text, and reads documents stored as objects by earlier versions alike', async () => {
    const article = makeArticle({ id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', version: 1, headline: 'Rain returns to Marrakech', body: 'MARRAKECH - Rain fell.', storyClusterId: 'cluster-9' });
    const place = { id: 'place:2542997', type: 'place' as const, name: 'Marrakech', surfaceForms: ['Marrakech'], mentionCount: 1, salience: 0.8,
      mentions: [{ field: 'body' as const, start: 0, end: 9, text: 'MARRAKECH' }], geo: { lat: 31.63416, lon: -7.99994, countryCode: 'MA', geonameId: 2542997 } };
    const payloadOf = (version: number) => ({
      article: { ...article, version }, weather: { status: 'no-location' },
      enrichment: { status: 'enriched', language: 'en', entities: [place], enricherVersion: 't', enrichedAt: '2026-11-29T09:00:00.000Z' },
    }) as Parameters<typeof toSearchDocument>[0];
    const older = toSearchDocument(payloadOf(1), new Date('2026-11-29T10:00:00Z'));
    // Written the way indexers before this one did: the article as an object.
    await connection.collection('search_articles').insertOne({ ...older } as never);
    expect(await repository.findById(older._id)).toEqual(older);
    const loaded = [];
    for await (const document of repository.allIndexable()) if (document._id === older._id) loaded.push(document);
    expect(toIndexedArticle(loaded[0])).toEqual(toIndexedArticle(older));

    // Version 2 replaces it; the object-form version 1 goes into the history and reads back the same.
    const newer = toSearchDocument(payloadOf(2), new Date('2026-11-29T11:00:00Z'));
    expect(await repository.upsert(newer)).toBe(true);
    const raw = await connection.collection('search_articles').findOne({ _id: newer._id as never });
    expect(typeof raw?.document).toBe('string');
    expect(JSON.parse(raw?.document as string)).toEqual(newer.document);
    expect(raw).toMatchObject({ version: 2, headline: 'Rain returns to Marrakech', entityIds: ['place:2542997'], countryCodes: ['MA'] });
    expect(await repository.findById(newer._id)).toEqual(newer);
    expect(await repository.findVersion(newer._id, 1)).toEqual(older);

    const indexed = [];
    for await (const document of repository.allIndexable()) if (document._id === newer._id) indexed.push(document);
    expect(indexed).toHaveLength(1);
    expect(indexed[0].document.enrichment.entities[0]).not.toHaveProperty('mentions');
    expect(indexed[0].document).not.toHaveProperty('weather');
    expect(toIndexedArticle(indexed[0])).toEqual(toIndexedArticle(newer));
    const streamed = [];
    for await (const stored of repository.allStored()) if (stored._id === newer._id) streamed.push(fromStored(stored));
    expect(streamed).toEqual([newer]);
  });

  it('takes one version again with later backfilled weather (an embargo\'s refresh) and never an earlier one back, also for documents stored before the field', async () => {
    const id = '0b6f7a3e-2f1c-5d4e-8a9b-bbbbbbbbbbbb';
    const withWeather = (fetchedAt: string, backfilledAt?: string) => ({
      article: makeArticle({ id, version: 1, headline: 'Summit opens at noon' }),
      enrichment: { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: new Date().toISOString() },
      weather: { status: 'attached' as const, kind: 'forecast' as const, provider: 'open-meteo', fetchedAt, daily: [], ...(backfilledAt ? { backfilledAt } : {}) },
    }) as Parameters<typeof toSearchDocument>[0];
    const fetchedAt = async () => (await repository.findById(id))?.document.weather as { fetchedAt: string; backfilledAt?: string };
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T08:00:00.000Z'), new Date()))).toBe(true);
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T12:00:00.000Z', '2026-12-07T12:00:00.000Z'), new Date()))).toBe(true);
    expect(await fetchedAt()).toEqual(expect.objectContaining({ fetchedAt: '2026-12-07T12:00:00.000Z', backfilledAt: '2026-12-07T12:00:00.000Z' }));
    // The pre-release event again (a replay), or an earlier backfill: refused, the refresh stays.
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T08:00:00.000Z'), new Date()))).toBe(false);
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T09:00:00.000Z', '2026-12-07T09:00:00.000Z'), new Date()))).toBe(false);
    expect((await fetchedAt()).fetchedAt).toBe('2026-12-07T12:00:00.000Z');
    // The refresh redelivered: stored again, so the caller publishes it (at least once).
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T12:00:00.000Z', '2026-12-07T12:00:00.000Z'), new Date()))).toBe(true);
    expect(await connection.collection('search_article_versions').countDocuments({ articleId: id })).toBe(0);

    // A document stored before weatherBackfilledAt was written beside the article: read from its text.
    await connection.collection('search_articles').updateOne({ _id: id as never }, { $unset: { weatherBackfilledAt: '' } });
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T08:00:00.000Z'), new Date()))).toBe(false);
    expect(await repository.upsert(toSearchDocument(withWeather('2026-12-07T13:00:00.000Z', '2026-12-07T13:00:00.000Z'), new Date()))).toBe(true);
    expect((await fetchedAt()).fetchedAt).toBe('2026-12-07T13:00:00.000Z');
  });
});
