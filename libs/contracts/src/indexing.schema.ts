import { z } from 'zod';
import { KnownFields } from './known-fields';

export const IndexingSchema = z.looseObject({
  /** Collection that holds the search document, so consumers can tell which index generation served it. */
  collection: z.string(),
  indexedAt: z.iso.datetime({ offset: true }),
});

export type Indexing = KnownFields<z.infer<typeof IndexingSchema>>;
