import { z } from 'zod';

/**
 * The simple native JSON shape a wire desk can send without knowing IPTC formats.
 * `source` identifies the sending feed until per-source API keys take that role.
 */
export const NativeArticleRequestSchema = z.object({
  source: z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
  sourceName: z.string().trim().max(200).optional(),
  sourceItemId: z.string().trim().min(1).max(500),
  headline: z.string().trim().min(1).max(1000),
  summary: z.string().trim().max(5000).optional(),
  body: z.string().trim().min(1).max(1_000_000),
  byline: z.string().trim().max(500).optional(),
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 tag such as en or fr-CA')
    .default('en'),
  url: z.url().optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});

export type NativeArticleRequest = z.infer<typeof NativeArticleRequestSchema>;
