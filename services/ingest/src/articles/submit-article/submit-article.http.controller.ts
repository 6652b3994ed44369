import { Controller, Headers, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimiter } from '../../sources/rate-limiter';
import { ChargesPerArticle, SourceAuthGuard, takeRate } from '../../sources/source-auth.guard';
import { AuthenticatedRequest } from '../../sources/source-identity';
import { INGEST_CONFIG, IngestConfig } from '../../config/ingest.config';
import { problemOf } from '../../http/problem-details.filter';
import { InputProblem } from '../formats/input-problem';
import { normalizeSubmission } from '../formats/normalize-draft';
import { decode, draftFromJson, parseJsonText, parseSubmission } from '../formats/parse-submission';
import { runInKeyOrder } from './run-in-key-order';
import { SubmitArticleService } from './submit-article.service';

const BATCH_CONCURRENCY = 16;

const body = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
const sourceOf = (req: AuthenticatedRequest): string => (req.source as { _id: string })._id;
/** The source's own zone: its times without an offset are wall-clock times there. */
const zoneOf = (req: AuthenticatedRequest) => ({ timeZone: req.source?.timeZone });

@ApiTags('articles')
@ApiBearerAuth()
@UseGuards(SourceAuthGuard)
@Controller('v1/articles')
export class SubmitArticleHttpController {
  constructor(
    private readonly submitArticle: SubmitArticleService,
    private readonly limiter: RateLimiter,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiConsumes('application/json', 'application/ninjs+json', 'application/vnd.iptc.g2.newsitem+xml', 'application/xml')
  @ApiBody({ description: 'Native JSON, IPTC ninjs 1.x/2.x, NewsML-G2 newsItem or NITF 3.x' })
  @ApiAcceptedResponse({ description: 'Stored and handed to the pipeline; follow `statusUrl`' })
  @ApiOkResponse({ description: 'The same story was already accepted; nothing changed' })
  @ApiResponse({ status: 400, description: 'Malformed body (JSON, XML, UTF-8); application/problem+json' })
  @ApiResponse({ status: 401, description: 'Missing or unknown API key' })
  @ApiResponse({ status: 403, description: 'Source disabled, or the body names another source' })
  @ApiResponse({ status: 409, description: 'updatedAt is older than that of the version already accepted (rule stale-version); the newer version stands (never for a kill)' })
  @ApiResponse({ status: 413, description: 'Body over MAX_BODY_BYTES, or an article larger than the pipeline carries (rule article-too-large)' })
  @ApiResponse({ status: 415, description: 'Unsupported content type or XML document' })
  @ApiResponse({ status: 422, description: 'A field breaks a rule; `field` and `rule` name it (times: invalid-timestamp, invalid-date, timestamp-in-future, embargo-needs-offset, already-expired)' })
  @ApiResponse({ status: 429, description: 'Past the source rate limit; see Retry-After' })
  @ApiResponse({ status: 451, description: 'An operator took the article down (rule taken-down, `articleId`); refused until the takedown is lifted' })
  @ApiResponse({ status: 503, description: 'Kafka or the article store is unavailable or busy; retry later (Retry-After), resubmitting is safe' })
  async submit(
    @Req() req: AuthenticatedRequest,
    @Headers('content-type') contentType: string | undefined,
    // Set (from the caller's header, or new) and echoed by the platform's observability middleware.
    @Headers('x-correlation-id') correlationId: string,
    @Headers('traceparent') traceparent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const draft = parseSubmission(contentType, body(req));
    const { article, inheritsPublishedAt } = normalizeSubmission(draft, sourceOf(req), new Date(), zoneOf(req));
    const result = await this.submitArticle.submit(article, { correlationId, traceparent }, { inheritsPublishedAt });
    if (result.outcome === 'duplicate') response.status(200);
    return {
      id: result.id,
      version: result.version,
      duplicate: result.outcome === 'duplicate',
      storyClusterId: result.storyClusterId,
      correlationId,
      statusUrl: `/v1/articles/${result.id}/status`,
      ignoredFields: draft.unknownFields,
    };
  }

  /** A JSON array (or `{ "items": [...] }`) of native or ninjs articles; every item gets its own answer. */
  @Post('batch')
  @ChargesPerArticle()
  @ApiBody({ description: 'JSON array of native or ninjs articles, at most MAX_BATCH_ITEMS' })
  @ApiResponse({ status: 202, description: 'Every item was accepted (or was a duplicate)' })
  @ApiResponse({ status: 207, description: 'Some items were refused; see each item' })
  async batch(
    @Req() req: AuthenticatedRequest,
    @Headers('content-type') contentType: string | undefined,
    // Set (from the caller's header, or new) and echoed by the platform's observability middleware.
    @Headers('x-correlation-id') correlationId: string,
    @Headers('traceparent') traceparent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!/json/i.test(contentType ?? '')) throw new InputProblem(415, 'unsupported-media-type', 'a batch is a JSON array: send application/json');
    const parsed = parseJsonText(decode(body(req)));
    const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown })?.items;
    if (!Array.isArray(items)) throw new InputProblem(400, 'batch-not-array', 'a batch is a JSON array of articles, or { "items": [...] }');
    if (items.length > this.config.MAX_BATCH_ITEMS) {
      throw new InputProblem(413, 'batch-too-large', `a batch holds at most ${this.config.MAX_BATCH_ITEMS} items, got ${items.length}`);
    }
    // The rate limit counts articles: a batch is charged for all of its items, or (refused) for none.
    if (req.source) await takeRate(this.limiter, req.source, Math.max(1, items.length), items.length);
    // Items of one story (same sourceItemId) stay in order; different stories are accepted side by side.
    const results = await runInKeyOrder(
      items.map((item, index) => ({
        key: String((item as { sourceItemId?: unknown; uri?: unknown })?.sourceItemId ?? (item as { uri?: unknown })?.uri ?? `#${index}`),
        run: async () => {
          try {
            const draft = draftFromJson(item);
            const { article, inheritsPublishedAt } = normalizeSubmission(draft, sourceOf(req), new Date(), zoneOf(req));
            const result = await this.submitArticle.submit(article, { correlationId, traceparent }, { inheritsPublishedAt });
            return { index, status: result.outcome === 'duplicate' ? 200 : 202, id: result.id, version: result.version,
              duplicate: result.outcome === 'duplicate', ignoredFields: draft.unknownFields };
          } catch (error) {
            return { index, status: problemOf(error).status, problem: problemOf(error) };
          }
        },
      })),
      BATCH_CONCURRENCY,
    );
    const refused = results.filter((r) => r.status >= 300).length;
    response.status(refused === 0 ? 202 : 207);
    return { correlationId, accepted: results.length - refused, refused, results };
  }
}
