import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { Article } from '@newsflow/contracts';
import { ENRICHER_CONFIG, EnricherConfig } from '../config/enricher.config';
import { WorkerPool } from '../extraction/extraction-pool';
import type { Extraction } from '../extraction/extract-entities';
import type { ArticleText } from '../extraction/types';

const WORKER_FILE = join(__dirname, '..', 'extraction', 'extraction.worker.js');
/**
 * A worker extracts one article at a time, so little of what it allocates outlives a scavenge: a
 * 12 MB young generation instead of V8's 48 MB (3 × 16 MB semi-spaces) keeps ~25 MB less resident.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 12 };

type Extract = (article: ArticleText) => Extraction;

/**
 * Runs the extraction pipeline. With EXTRACTION_WORKERS > 0 (and the built worker present) it runs
 * on worker threads, each holding its own gazetteer, so a huge article never stalls consumption;
 * otherwise inline, with the gazetteer (about a second and ~27 MB of heap) built once in onModuleInit.
 * Only a worker can be held to EXTRACTION_TIMEOUT_MS (WorkerTimeoutError): inline extraction blocks
 * the event loop until it is done.
 * The pipeline is imported lazily so the main thread does not decode the city list it will not use.
 */
@Injectable()
export class EntityExtractor implements OnModuleInit, OnApplicationShutdown {
  private inline?: Extract;
  private pool?: WorkerPool<ArticleText, Extraction>;

  constructor(@Optional() @Inject(ENRICHER_CONFIG) private readonly config?: EnricherConfig) {}

  async onModuleInit(): Promise<void> {
    const workers = this.config?.EXTRACTION_WORKERS ?? 0;
    if (workers > 0 && existsSync(WORKER_FILE)) {
      const spawn = () => new Worker(WORKER_FILE, { resourceLimits: WORKER_LIMITS });
      this.pool = new WorkerPool(workers, spawn, { timeoutMs: this.config?.EXTRACTION_TIMEOUT_MS });
    }
    else this.inline = await loadInline();
  }

  // After the Kafka consumer has closed (not onModuleDestroy, which runs first): an article being
  // extracted while the service drains still finishes, so its offset is committed.
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }

  async extract(article: Pick<Article, 'headline' | 'body' | 'dateline' | 'publishedAt' | 'embargoedUntil' | 'language'>, options: { placeOnly?: boolean; language?: string } = {}): Promise<Extraction> {
    const input: ArticleText = {
      headline: article.headline, body: article.body, dateline: article.dateline, publishedAt: article.publishedAt, embargoedUntil: article.embargoedUntil, languageTag: article.language, ...options,
    };
    if (this.pool) return this.pool.run(input);
    this.inline ??= await loadInline();
    return this.inline(input);
  }
}

async function loadInline(): Promise<Extract> {
  const [{ extractEntities }, { loadGazetteer }] = await Promise.all([import('../extraction/extract-entities'), import('../extraction/gazetteer')]);
  const gazetteer = loadGazetteer();
  return (article) => extractEntities(article, { gazetteer });
}
