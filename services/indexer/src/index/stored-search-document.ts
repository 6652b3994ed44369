import { Logger } from '@nestjs/common';
import { ArticleWeatherAttachedPayload } from '@newsflow/contracts';
import { payloadJson } from '@newsflow/messaging';
import { AppError, counter } from '@newsflow/platform';
import { IndexableDocument, SearchDocument } from './search-document';

/**
 * A search document as the database holds it: the complete article (`document`) as the JSON text
 * it is published as, or, in documents written before 2026-11-29, as an object.
 *
 * Text, because nothing queries inside it (filters and search run on the fields beside it and in
 * memory), and because FerretDB 1.24 stores a type schema with every nested field of a document:
 * storing the article as an object cost FerretDB 1.12 ms of CPU per stored article, as text 0.25
 * (`npm run bench:storage`, bench/README.md "Search documents as text"). On MongoDB it spares the
 * BSON walk of ~15 KB of nested fields on every write and read.
 */
export type StoredSearchDocument = Omit<SearchDocument, 'document'> & { document: string | ArticleWeatherAttachedPayload };

/** The document's text is the consumed event's payload text when it is at hand (payload-json.ts in messaging). */
export function toStored(document: SearchDocument): StoredSearchDocument {
  return { ...document, document: payloadJson(document.document) };
}

const unreadable = counter('newsflow_indexer_unreadable_documents_total', 'Stored search documents whose article text does not parse, left out of the index load');
const logger = new Logger('StoredSearchDocument');

export function fromStored<T extends StoredSearchDocument>(stored: T): Omit<T, 'document'> & { document: ArticleWeatherAttachedPayload } {
  return { ...stored, document: typeof stored.document === 'string' ? parseText(stored, stored.document) : stored.document };
}

/** A read of this one document fails (500 for that article, no highlights for that hit), naming it. */
function parseText(stored: StoredSearchDocument, text: string): ArticleWeatherAttachedPayload {
  try {
    return JSON.parse(text) as ArticleWeatherAttachedPayload;
  } catch (error) {
    throw new AppError('SEARCH_DOCUMENT.UNREADABLE', `stored search document ${stored._id} (version ${stored.version}) is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * What the in-memory index keeps of a stored document. Documents stored as objects arrive already
 * projected (INDEXABLE_PROJECTION); text is parsed whole and trimmed to the same shape, so both kinds
 * load alike and nothing else of the article outlives the load. Undefined for text that does not
 * parse into an article: that one document is logged, counted and left out, where a throw would fail
 * the whole load, which would be retried forever and never report ready.
 */
export function toIndexable(stored: StoredSearchDocument): IndexableDocument | undefined {
  // The projection has already dropped older documents' top-level copy of the body.
  const { document, ...fields } = stored;
  if (typeof document !== 'string') return { ...fields, document } as IndexableDocument;
  try {
    const { article, enrichment, weather } = parseText(stored, document);
    // Documents written before the field existed carry the backfill in the article only.
    const backfilledAt = fields.weatherBackfilledAt ?? (weather?.backfilledAt ? new Date(weather.backfilledAt) : undefined);
    return {
      ...fields,
      ...(backfilledAt ? { weatherBackfilledAt: backfilledAt } : {}),
      document: {
        article: { storyClusterId: article.storyClusterId, body: article.body, pubStatus: article.pubStatus, embargoedUntil: article.embargoedUntil, expiresAt: article.expiresAt },
        enrichment: { primaryLocation: enrichment.primaryLocation, entities: enrichment.entities.map(({ mentions: _mentions, ...entity }) => entity) },
      },
    };
  } catch (error) {
    unreadable.inc();
    logger.error({ msg: 'stored search document cannot be read; left out of the search index', articleId: stored._id, version: stored.version, err: error });
    return undefined;
  }
}

/**
 * When the stored version's weather was backfilled (epoch ms), or -Infinity for weather as first
 * attached: what decides between two writes of one version. Read beside the article, or, in documents
 * written before that field existed, from the article's weather.
 */
export function backfillTimeOf(stored: Pick<StoredSearchDocument, 'weatherBackfilledAt'> & { document?: StoredSearchDocument['document'] }): number {
  if (stored.weatherBackfilledAt) return new Date(stored.weatherBackfilledAt).getTime();
  let weather: { backfilledAt?: string } | undefined;
  if (typeof stored.document === 'string') {
    try {
      weather = (JSON.parse(stored.document) as Partial<ArticleWeatherAttachedPayload>).weather;
    } catch {
      weather = undefined;
    }
  } else {
    weather = stored.document?.weather;
  }
  return weather?.backfilledAt ? Date.parse(weather.backfilledAt) : Number.NEGATIVE_INFINITY;
}
