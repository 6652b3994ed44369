import { commonConfigShape, heapGrowingPercent, loadConfig, readApiKeysSetting } from '@newsflow/platform';
import { z } from 'zod';

export const IndexerConfigSchema = z.object({
  ...commonConfigShape,
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(8084),
  HTTP_HOST: z.string().default('0.0.0.0'),
  KAFKA_GROUP_ID: z.string().default('newsflow-indexer'),
  /** Its search index makes its live heap the largest, so the same factor costs it the most memory (bench/README.md, "Heap growth"). */
  HEAP_GROWING_PERCENT: heapGrowingPercent(50),
  /** How often the indexer checks whether `npm run reindex` started or switched a search collection. */
  SEARCH_COLLECTIONS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  /** Keys for search, by-id reads and the index status; unset, they are open. */
  READ_API_KEYS: readApiKeysSetting,
});

export type IndexerConfig = z.infer<typeof IndexerConfigSchema>;

export const INDEXER_CONFIG = Symbol('INDEXER_CONFIG');

export function loadIndexerConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  return loadConfig('indexer', IndexerConfigSchema, env);
}
