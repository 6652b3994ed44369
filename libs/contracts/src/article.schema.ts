import { z } from 'zod';
import { KnownFields } from './known-fields';

/** IPTC's publication statuses (ninjs `pubstatus`, NewsML-G2 `stat:`, NITF `management-status`). */
export const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;

/**
 * The one canonical article every stage reads; each ingest format is normalised into this. Loose, as
 * every object of the contract: a field a newer release added is kept and passed on, not stripped.
 */
export const ArticleSchema = z.looseObject({
  /** Stable id: UUIDv5 of source id + source item id, so a resubmission maps to the same article. */
  id: z.uuid(),
  /** Starts at 1; bumped when the source sends changed content for the same item. */
  version: z.number().int().positive(),
  source: z.looseObject({
    id: z.string().min(1).max(200),
    name: z.string().max(200).optional(),
  }),
  /** The source's own id for the story (ninjs `uri`, NewsML `guid`, RSS `guid`…). */
  sourceItemId: z.string().min(1).max(500),
  headline: z.string().min(1).max(1000),
  summary: z.string().max(5000).optional(),
  /** Plain text of the body; what the enricher reads. */
  body: z.string().min(1).max(2_000_000),
  /** The body as sanitised HTML (allowlisted tags only), for rendering. */
  bodyHtml: z.string().max(4_000_000).optional(),
  /** The dateline as the text gives it, e.g. `MARRAKECH, Morocco (AP) —`. */
  dateline: z.string().max(300).optional(),
  media: z.array(z.looseObject({ url: z.string(), type: z.string().optional(), caption: z.string().optional() })).optional(),
  /** Same id for the same story across sources and republications (near-duplicates); the first article's id. */
  storyClusterId: z.string().optional(),
  /** The format the story arrived in (`native`, `ninjs`, `newsml-g2`, `nitf`, `rss`, `atom`). */
  format: z.string().optional(),
  byline: z.string().max(500).optional(),
  /** BCP 47 language tag as given by the source, lower-cased primary subtag (e.g. `en`, `fr-CA`). */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/),
  url: z.url().optional(),
  /** First-created time in UTC (the source's, else when we received it). */
  publishedAt: z.iso.datetime({ offset: true }),
  /** The source's version-created time in UTC, when it gives one. */
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  receivedAt: z.iso.datetime({ offset: true }),
  /** IPTC publication status as the source gave it; absent means usable. */
  pubStatus: z.enum(PUB_STATUSES).optional()
    .describe('IPTC publication status: "withheld" must not be published yet, "canceled" was killed and must be taken down; absent means usable'),
  /** Not to be published before this time: the source's embargo. */
  embargoedUntil: z.iso.datetime({ offset: true }).optional()
    .describe('The source\'s embargo: not to be published before this time (UTC); search lists the article only from then on'),
  /** Not to be published after this time: the source's expiry (licensed copy, NITF `date.expire`, ninjs `expires`). */
  expiresAt: z.iso.datetime({ offset: true }).optional()
    .describe('The source\'s expiry: not to be published after this time (UTC); search and reads by id stop serving the article then'),
  /** sha256 of headline + body (and of the status and embargo when given); a resubmission with the same hash is a duplicate, not a new version. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
});

export type Article = KnownFields<z.infer<typeof ArticleSchema>>;
