import { z } from 'zod';

export const IndexingSchema = z.object({
  /** Collection that holds the search document, so consumers can tell which index generation served it. */
  collection: z.string(),
  indexedAt: z.iso.datetime({ offset: true }),
});

export type Indexing = z.infer<typeof IndexingSchema>;
