import { makeArticle } from '@newsflow/contracts/testing';
import { SearchDocument, toSearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { highlightHits } from './search-highlights';

const A = '0f8a1c2e-7a1b-5c3d-9e4f-aaaaaaaaaaaa';
const B = '0f8a1c2e-7a1b-5c3d-9e4f-bbbbbbbbbbbb';

function document(id: string, version: number, body: string, release: { pubStatus?: 'usable' | 'withheld' | 'canceled'; embargoedUntil?: string } = {}): SearchDocument {
  const article = makeArticle({ id, version, headline: `Strike in São Paulo, version ${version}`, body, ...release });
  const enrichment = { status: 'enriched' as const, language: 'en', entities: [], primaryLocation: null, enricherVersion: 't', enrichedAt: '2025-11-24T10:00:00Z' };
  return toSearchDocument({ article, enrichment, weather: { status: 'no-location' } }, new Date());
}

/** The repository's two reads over a latest document per id and a version history; counts the reads. */
function store(latest: SearchDocument[], history: SearchDocument[] = []) {
  const reads: string[] = [];
  const repository = {
    findById: async (id: string) => {
      reads.push(id);
      return latest.find((d) => d._id === id) ?? null;
    },
    findVersion: async (id: string, version: number, known?: SearchDocument | null) => {
      reads.push(`${id}:${version}`);
      if (known?.version === version) return known;
      return history.find((d) => d._id === id && d.version === version) ?? null;
    },
  } as unknown as SearchDocumentRepository;
  return { repository, reads };
}

describe('highlightHits', () => {
  it('reads each hit by id and marks the text of the version the hit lists', async () => {
    const { repository, reads } = store([document(A, 1, 'Workers walked out in São Paulo.'), document(B, 1, 'Nothing about it.')]);
    const [a, b] = await highlightHits(repository, 'sao paulo', [{ id: A, version: 1 }, { id: B, version: 1 }]);
    expect(a.body).toEqual(['Workers walked out in <mark>São</mark> <mark>Paulo</mark>.']);
    expect(b.headline).toBe('Strike in <mark>São</mark> <mark>Paulo</mark>, version 1');
    expect(b.body).toEqual([]);
    expect(reads).toEqual([A, B]);
  });

  it('reads an older version from the history when a newer one was stored since the index listed it', async () => {
    const { repository } = store([document(A, 2, 'Version two copy about São Paulo.')], [document(A, 1, 'Version one copy about São Paulo.')]);
    const [a] = await highlightHits(repository, 'paulo', [{ id: A, version: 1 }]);
    expect(a.body).toEqual(['Version one copy about São <mark>Paulo</mark>.']);
    expect(a.headline).toContain('version 1');
  });

  it('shows nothing of a killed story, a withheld or embargoed version, or a version it cannot find', async () => {
    const killed = store([document(A, 2, 'Killed São Paulo copy.', { pubStatus: 'canceled' })], [document(A, 1, 'First São Paulo copy.')]);
    const withheld = store([document(A, 1, 'Withheld São Paulo copy.', { pubStatus: 'withheld' })]);
    const embargoed = store([document(A, 1, 'Embargoed São Paulo copy.', { embargoedUntil: new Date(Date.now() + 3_600_000).toISOString() })]);
    const missing = store([document(A, 3, 'Later São Paulo copy.')]);
    const none = { body: [], matchedTerms: [], matchedWords: [] };
    for (const { repository } of [killed, withheld, embargoed, missing]) {
      expect(await highlightHits(repository, 'paulo', [{ id: A, version: 1 }])).toEqual([none]);
    }
    const passed = store([document(A, 1, 'Released São Paulo copy.', { embargoedUntil: new Date(Date.now() - 1000).toISOString() })]);
    expect((await highlightHits(passed.repository, 'paulo', [{ id: A, version: 1 }]))[0].body).toEqual(['Released São <mark>Paulo</mark> copy.']);
  });
});
