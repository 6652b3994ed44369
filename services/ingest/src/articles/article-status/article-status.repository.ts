import { Inject, Injectable } from '@nestjs/common';
import { MONGO_CONNECTION } from '@newsflow/platform';
import { Connection, Model, Schema } from 'mongoose';

export const PIPELINE_STEPS = ['received', 'enriched', 'weather', 'indexed'] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

export interface ArticleStatus {
  _id: string;
  version: number;
  /** The furthest step the current version has reached, or `failed`. */
  stage: PipelineStep | 'failed';
  /** When the current version reached each step. */
  steps: Partial<Record<PipelineStep, Date>>;
  failure?: { stage: string; code: string; message: string; at: Date };
  correlationId: string;
  updatedAt: Date;
}

const schema = new Schema<ArticleStatus>(
  {
    _id: String,
    version: Number,
    stage: String,
    steps: Schema.Types.Mixed,
    failure: Schema.Types.Mixed,
    correlationId: String,
    updatedAt: Date,
  },
  { versionKey: false, minimize: false },
);

/** Where each article is in the pipeline, as ingest learns it from the stages' output topics. */
@Injectable()
export class ArticleStatusRepository {
  private readonly model: Model<ArticleStatus>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.model = connection.model<ArticleStatus>('ArticleStatus', schema, 'ingest_article_status');
  }

  /** A new version restarts the trail; an event for an older version is ignored. */
  async received(id: string, version: number, correlationId: string): Promise<void> {
    const now = new Date();
    await this.model
      .updateOne(
        { _id: id, version: { $lt: version } },
        { $set: { version, stage: 'received', steps: { received: now }, correlationId, updatedAt: now }, $unset: { failure: 1 } },
        { upsert: true },
      )
      .catch((error: { code?: number }) => {
        // Upsert raced with (or lost to) a same-or-newer version already recorded: nothing to do.
        if (error.code !== 11000) throw error;
      });
  }

  /** Records a step; steps only move forward, and only for the version being tracked. */
  async reached(id: string, version: number, step: PipelineStep, at: Date): Promise<void> {
    const current = await this.model.findById(id).lean<ArticleStatus>();
    if (!current || current.version !== version) return;
    const order = (s: string) => PIPELINE_STEPS.indexOf(s as PipelineStep);
    const stage = order(step) > order(current.stage) ? step : current.stage;
    await this.model.updateOne({ _id: id, version }, { $set: { [`steps.${step}`]: at, stage, updatedAt: new Date() } });
  }

  async find(id: string): Promise<ArticleStatus | null> {
    return this.model.findById(id).lean<ArticleStatus>();
  }
}
