import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Collection, Connection } from 'mongoose';

export const PIPELINE_STEPS = ['received', 'enriched', 'weather', 'indexed'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

/**
 * Append-only: one document per article version and step, `_id` = `<id>:<version>:<step>`, so steps
 * recorded concurrently from different topics never overwrite each other (on FerretDB too) and a
 * redelivered event is a duplicate insert that changes nothing.
 */
interface StepRecord {
  _id: string;
  articleId: string;
  version: number;
  step: PipelineStep;
  at: Date;
  correlationId?: string;
}

export interface ArticleStatus {
  id: string;
  version: number;
  /** The furthest step the latest version has reached. */
  stage: PipelineStep;
  steps: Partial<Record<PipelineStep, Date>>;
  correlationId?: string;
}

@Injectable()
export class ArticleStatusRepository implements OnModuleInit {
  private readonly collection: Collection<StepRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.collection = connection.collection<StepRecord>('ingest_article_steps');
  }

  async onModuleInit(): Promise<void> {
    await this.collection.createIndex({ articleId: 1 });
  }

  async received(id: string, version: number, correlationId: string): Promise<void> {
    await this.record({ _id: `${id}:${version}:received`, articleId: id, version, step: 'received', at: new Date(), correlationId });
  }

  async reached(id: string, version: number, step: PipelineStep, at: Date): Promise<void> {
    await this.record({ _id: `${id}:${version}:${step}`, articleId: id, version, step, at });
  }

  /** The latest version that ingest accepted (has a `received` step), with every step it reached. */
  async find(id: string): Promise<ArticleStatus | null> {
    const records = await this.collection.find({ articleId: id }).toArray();
    const accepted = records.filter((r) => r.step === 'received');
    if (accepted.length === 0) return null;
    const version = Math.max(...accepted.map((r) => r.version));
    const current = records.filter((r) => r.version === version);
    const steps = Object.fromEntries(current.map((r) => [r.step, r.at])) as ArticleStatus['steps'];
    const stage = [...PIPELINE_STEPS].reverse().find((s) => steps[s]) ?? 'received';
    return { id, version, stage, steps, correlationId: current.find((r) => r.step === 'received')?.correlationId };
  }

  private async record(step: StepRecord): Promise<void> {
    try {
      await this.collection.insertOne(step);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
}
