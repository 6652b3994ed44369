import { commonConfigShape, heapGrowingPercent, loadConfig } from '@newsflow/platform';
import { z } from 'zod';

export const EnricherConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8082),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-enricher'),
  /**
   * Two isolates (the extraction worker's holds the gazetteer), so less room to grow within its memory
   * budget than 200: 50 until its peak fell to ~216 MB, 100 since (bench/README.md, "Heap growth", "Young generations").
   */
  HEAP_GROWING_PERCENT: heapGrowingPercent(100),
  /** Extraction worker threads (each holds its own ~27 MB gazetteer); 0 runs extraction on the main thread. */
  EXTRACTION_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /**
   * How long a worker may spend extracting one article before it is replaced and the article goes on
   * unenriched (`skipped`, `extraction-timeout`). Real articles take well under a second; the default
   * stays well below the consumer's 30 s session timeout. Needs workers: inline extraction has none.
   */
  EXTRACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
});

export type EnricherConfig = z.infer<typeof EnricherConfigSchema>;

export const ENRICHER_CONFIG = Symbol('ENRICHER_CONFIG');

export function loadEnricherConfig(env: NodeJS.ProcessEnv = process.env): EnricherConfig {
  return loadConfig('enricher', EnricherConfigSchema, env);
}
