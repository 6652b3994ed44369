import { commonConfigShape, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

export const IndexerConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8084),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-indexer'),
});

export type IndexerConfig = z.infer<typeof IndexerConfigSchema>;

export const INDEXER_CONFIG = Symbol('INDEXER_CONFIG');

export function loadIndexerConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  return loadConfig('indexer', IndexerConfigSchema, env);
}
