import { Injectable, Logger } from '@nestjs/common';
import { Article, Enrichment } from '@newsflow/contracts';
import { counter } from '@newsflow/platform';
import { judgeLanguage, LanguageEvidence } from '@newsflow/text';
import type { Extraction } from '../extraction/extract-entities';
import { WorkerTimeoutError } from '../extraction/worker-timeout.error';
import { EntityExtractor } from './entity-extractor.provider';

const extractionTimeouts = counter('newsflow_enricher_extraction_timeouts_total', 'Articles passed on unenriched because extraction ran past EXTRACTION_TIMEOUT_MS');

/** Languages the extractor has rules for; others pass through with empty entities and the reason. */
const SUPPORTED_LANGUAGES = new Set(['en']);
/** "The tag says en but the text is not": the text overrides a declared language only on clear evidence. */
const CLEAR_EVIDENCE: LanguageEvidence = { minLetters: 20, scripts: true, minWords: 8, minShare: 0.12, lead: 1.5 };
/**
 * And only when the declared language's own commonest words are almost absent: English prose of any
 * length is a fifth or more "the", "of", "said"…, so an English story quoting a French or Russian
 * sentence keeps its tag, while French, Polish or Vietnamese copy tagged `en` has next to none.
 */
const DECLARED_SHARE_BELOW = 0.06;

/**
 * Decides whether the article can be enriched and fills the section from the extraction pipeline.
 * A source tagging everything `en` is common, so the text gets a say: text that is overwhelmingly not
 * the declared language is skipped under the language it is written in (`und` when the detector
 * can only tell that it is none it knows).
 */
@Injectable()
export class EnrichArticleService {
  private readonly logger = new Logger(EnrichArticleService.name);

  constructor(private readonly extractor: EntityExtractor) {}

  async enrich(article: Article, enricherVersion: string, now = new Date()): Promise<Enrichment> {
    const declared = article.language.split('-')[0];
    // A kill carries no copy, only the withdrawal notice and the operator's reason, and a name in the
    // reason must not become an entity (a search facet) of the killed story.
    if (article.pubStatus === 'canceled') {
      return { status: 'skipped', reason: 'canceled', language: declared, entities: [], primaryLocation: null, enricherVersion, enrichedAt: now.toISOString() };
    }
    const judged = SUPPORTED_LANGUAGES.has(declared) ? judgeLanguage(`${article.headline}\n${article.body}`, CLEAR_EVIDENCE) : undefined;
    const detected = judged?.language;
    const contradicted = !!detected && detected !== declared && !SUPPORTED_LANGUAGES.has(detected) && (judged.shares[declared] ?? 0) < DECLARED_SHARE_BELOW;
    const language = contradicted ? detected : declared;
    const enrichedAt = now.toISOString();
    if (!SUPPORTED_LANGUAGES.has(language)) {
      // No entities in a language the rules cannot read, but a dateline ("LYON -") still says where
      // the story is, and so which weather it gets.
      const extraction = await this.extractWithinDeadline(article, { placeOnly: true, language });
      if (!extraction) return { status: 'skipped', reason: 'extraction-timeout', language, entities: [], primaryLocation: null, enricherVersion, enrichedAt };
      return { status: 'skipped', reason: `language-not-supported:${language}`, language, entities: [], primaryLocation: extraction.primaryLocation, enricherVersion, enrichedAt };
    }
    const extraction = await this.extractWithinDeadline(article, { language });
    if (!extraction) return { status: 'skipped', reason: 'extraction-timeout', language, entities: [], primaryLocation: null, enricherVersion, enrichedAt };
    return { status: 'enriched', language, entities: extraction.entities, primaryLocation: extraction.primaryLocation, enricherVersion, enrichedAt };
  }

  /**
   * Undefined when the extraction ran past its deadline. Such an article (a long list of names, a
   * title-cased body) would take as long again, so it goes on unenriched, to be indexed and get no
   * weather, instead of being retried or dead-lettered.
   */
  private async extractWithinDeadline(article: Article, options: { placeOnly?: boolean; language: string }): Promise<Extraction | undefined> {
    try {
      return await this.extractor.extract(article, options);
    } catch (error) {
      if (!(error instanceof WorkerTimeoutError)) throw error;
      extractionTimeouts.inc();
      this.logger.warn({ msg: 'extraction ran past its deadline; the article goes on unenriched', articleId: article.id, timeoutMs: error.timeoutMs, bodyChars: article.body.length });
      return undefined;
    }
  }
}
