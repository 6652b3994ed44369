import { HttpException, Logger } from '@nestjs/common';
import { SearchDocument } from '../index/search-document';
import { SearchDocumentRepository } from '../index/search-document.repository';
import { refuseUnreleased } from '../query/release-gate';
import { highlightArticle, Highlights } from './highlight-article';

const logger = new Logger('SearchHighlights');

/** No highlights: a hit whose text this instance may not or cannot show (the fields stay, empty). */
export const NO_HIGHLIGHTS: Readonly<Highlights> = Object.freeze({ body: [], matchedTerms: [], matchedWords: [] });

/**
 * The in-memory index holds no bodies (its memory budget), so a highlighted page reads its hits'
 * documents from the store: one `_id` lookup per hit, all at once (FerretDB serves only `_id`
 * equality from an index; `$in` scans the collection). The text is that of the exact version the hit
 * lists, read from the version history when a newer one has been stored since, and only when
 * `GET /v1/articles/{id}?version=` would serve it (release-gate.ts): never a killed story's, a
 * withheld or embargoed version's, or another version's copy.
 */
export async function highlightHits(
  documents: SearchDocumentRepository,
  q: string,
  hits: ReadonlyArray<{ id: string; version: number }>,
): Promise<Highlights[]> {
  return Promise.all(
    hits.map(async ({ id, version }) => {
      // One document that cannot be read (stored text that does not parse, a failed lookup) costs
      // that hit its highlights, not the whole page.
      try {
        const latest = await documents.findById(id);
        const found = latest && (latest.version === version ? latest : await documents.findVersion(id, version, latest));
        if (!latest || !found || found.version !== version || !released(latest, found)) return { ...NO_HIGHLIGHTS };
        const { article } = found.document;
        return highlightArticle(q, { headline: article.headline, ...(article.summary ? { summary: article.summary } : {}), body: article.body });
      } catch (error) {
        logger.warn({ msg: 'could not highlight a hit; listed without highlights', articleId: id, version, err: error });
        return { ...NO_HIGHLIGHTS };
      }
    }),
  );
}

function released(latest: SearchDocument, found: SearchDocument): boolean {
  try {
    refuseUnreleased(latest.document.article, found.document.article);
    return true;
  } catch (error) {
    if (error instanceof HttpException) return false;
    throw error;
  }
}
