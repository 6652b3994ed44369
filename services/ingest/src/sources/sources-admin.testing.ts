import { IngestConfig } from '../config/ingest.config';
import { SourceKeysCache } from './source-keys.cache';
import { Source, SourceRepository } from './source.repository';
import { SourcesAdminHttpController } from './sources-admin.http.controller';

/** The sources admin API over an in-memory repository, for specs; `stored` is what it holds. */
export function inMemorySourcesAdmin(config: Partial<IngestConfig> = {}): { controller: SourcesAdminHttpController; stored: Map<string, Source> } {
  const stored = new Map<string, Source>();
  const sources = {
    create: async (source: Source) => (stored.has(source._id) ? false : (stored.set(source._id, source), true)),
    findById: async (id: string) => stored.get(id) ?? null,
    update: async (id: string, changes: Partial<Source>, unset: Array<'feed' | 'timeZone'> = []) => {
      const source = { ...(stored.get(id) as Source), ...changes };
      for (const key of unset) delete source[key];
      stored.set(id, source);
      return source;
    },
  } as unknown as SourceRepository;
  const controller = new SourcesAdminHttpController(sources, { changed: async () => undefined } as unknown as SourceKeysCache,
    { DEFAULT_RATE_LIMIT_PER_MINUTE: 600, FEED_ALLOW_PRIVATE_NETWORKS: false, FEED_MIN_INTERVAL_SECONDS: 60, ...config } as IngestConfig);
  return { controller, stored };
}
