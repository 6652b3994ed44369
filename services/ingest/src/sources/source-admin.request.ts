import { z } from 'zod';

/** `minIntervalSeconds` is FEED_MIN_INTERVAL_SECONDS: publishers are not polled more often than that. */
export function createSourceRequestSchema(minIntervalSeconds: number) {
  return z.object({
    id: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'letters, digits and . _ : - only, at most 200'),
    name: z.string().trim().min(1).max(200),
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
    /** The desk's IANA zone, checked against Intl by the controller (an unknown one is a 400 naming it). */
    timeZone: z.string().trim().min(1).max(100).optional(),
    /** A pull source: Newsflow polls this RSS/Atom feed instead of waiting for pushes. */
    feed: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        intervalSeconds: z.number().int()
          .min(minIntervalSeconds, `at least ${minIntervalSeconds} seconds (FEED_MIN_INTERVAL_SECONDS)`)
          .max(86_400)
          .default(Math.max(300, minIntervalSeconds)),
      })
      .optional(),
  });
}

export type CreateSourceRequest = z.infer<ReturnType<typeof createSourceRequestSchema>>;

/** PATCH: what may change after creation; `feed: null` makes the source push-only. */
export function updateSourceRequestSchema(minIntervalSeconds: number) {
  return z
    .strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
      /** null removes it: the source's times without an offset are UTC again. */
      timeZone: z.string().trim().min(1).max(100).nullable().optional(),
      feed: z
        .strictObject({
          url: z.url({ protocol: /^https?$/ }).optional(),
          intervalSeconds: z.number().int()
            .min(minIntervalSeconds, `at least ${minIntervalSeconds} seconds (FEED_MIN_INTERVAL_SECONDS)`)
            .max(86_400)
            .optional(),
        })
        .nullable()
        .optional(),
    })
    .refine((r) => Object.keys(r).length > 0, 'nothing to change: send name, rateLimitPerMinute, timeZone or feed');
}

export type UpdateSourceRequest = z.infer<ReturnType<typeof updateSourceRequestSchema>>;

