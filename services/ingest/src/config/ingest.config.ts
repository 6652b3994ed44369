import { commonConfigShape, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

export const IngestConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-ingest'),
  /** Base of the status URLs handed back to wire desks. */
  PUBLIC_BASE_URL: z.url().optional(),
});

export type IngestConfig = z.infer<typeof IngestConfigSchema>;

export const INGEST_CONFIG = Symbol('INGEST_CONFIG');

export function loadIngestConfig(env: NodeJS.ProcessEnv = process.env): IngestConfig {
  return loadConfig('ingest', IngestConfigSchema, env);
}
