import { Inject, Injectable } from '@nestjs/common';
import { InsertCoalescer, MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';
import { ArticleRepository } from '../article.repository';

export const PIPELINE_STEPS = ['received', 'enriched', 'weather', 'indexed'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];
/** Recorded here from the later stages' topics; `received` is the article's publication record. */
const LATER_STEPS = ['enriched', 'weather', 'indexed'] as const;
export type LaterStep = (typeof LATER_STEPS)[number];

/**
 * Append-only: one document per article version and later step (or failure), `_id` = `<id>:<version>:<step>`, so steps
 * recorded concurrently from different topics never overwrite each other (on FerretDB too) and a
 * redelivered event is a duplicate insert that changes nothing. Read by `_id` only (see ArticleRepository).
 */
interface StepRecord {
  _id: string;
  articleId: string;
  version: number;
  step: PipelineStep | 'failed';
  at: Date;
  correlationId?: string;
  failure?: Failure;
}

export interface Failure {
  stage: string;
  code: string;
  message: string;
}

export interface ArticleStatus {
  id: string;
  version: number;
  /** The source that submitted it. */
  sourceId: string;
  /** The furthest step the latest version has reached, or `failed` when a stage gave up on it. */
  stage: PipelineStep | 'failed';
  steps: Partial<Record<PipelineStep, Date>>;
  failure?: Failure & { at: Date };
  correlationId?: string;
}

@Injectable()
export class ArticleStatusRepository {
  private readonly collection: Collection<StepRecord>;
  /** The steps of a consumed batch are written together; a duplicate (a redelivery) changes nothing. */
  private readonly inserts: InsertCoalescer<StepRecord>;

  constructor(
    @Inject(MONGO_CONNECTION) connection: Connection,
    private readonly articles: ArticleRepository,
  ) {
    this.collection = connection.collection<StepRecord>('ingest_article_steps');
    this.inserts = new InsertCoalescer(this.collection);
  }

  async reached(id: string, version: number, step: LaterStep, at: Date): Promise<void> {
    await this.record({ _id: `${id}:${version}:${step}`, articleId: id, version, step, at });
  }

  /** A stage parked this version on its dead-letter topic. */
  async failed(id: string, version: number, failure: Failure, at: Date): Promise<void> {
    await this.record({ _id: `${id}:${version}:failed`, articleId: id, version, step: 'failed', at, failure });
  }

  /** The latest published version with every step it reached; null when nothing was accepted. */
  async find(id: string): Promise<ArticleStatus | null> {
    const latest = await this.articles.latest(id);
    if (!latest) return null;
    for (let version = latest.version; version >= 1; version--) {
      // The version's publication is its `received` step; one still being handed to Kafka has none
      // yet, so the one before it is reported.
      const publication = await this.articles.publication(id, version);
      if (!publication) continue;
      const step = (name: string) => this.collection.findOne({ _id: `${id}:${version}:${name}` });
      const reachedSteps = await Promise.all(LATER_STEPS.map(step));
      // A failure is read only for a version not yet indexed (a later success outranks it): the record
      // is nearly always absent, and FerretDB answers an `_id` that finds nothing by scanning the collection.
      const indexed = reachedSteps[LATER_STEPS.indexOf('indexed')] !== null;
      const records = indexed ? reachedSteps : [...reachedSteps, await step('failed')];
      const current = records.filter((r): r is StepRecord => r !== null);
      const steps = {
        received: publication.publishedAt,
        ...Object.fromEntries(current.filter((r) => r.step !== 'failed').map((r) => [r.step, r.at])),
      } as ArticleStatus['steps'];
      const failedStep = current.find((r) => r.step === 'failed');
      const reached = [...PIPELINE_STEPS].reverse().find((s) => steps[s]) ?? 'received';
      // A later success (after a replay) outranks the failure.
      const stage = failedStep && !steps.indexed ? 'failed' : reached;
      return {
        id, version, sourceId: latest.article.source.id, stage, steps,
        ...(failedStep?.failure && stage === 'failed' ? { failure: { ...failedStep.failure, at: failedStep.at } } : {}),
        correlationId: publication.correlationId ?? (await this.legacyReceived(id, version))?.correlationId,
      };
    }
    return null;
  }

  /** Before publications kept the correlation id, a `received` step record did. */
  private legacyReceived(id: string, version: number): Promise<StepRecord | null> {
    return this.collection.findOne({ _id: `${id}:${version}:received` });
  }

  private async record(step: StepRecord): Promise<void> {
    await this.inserts.insert(step);
  }
}
