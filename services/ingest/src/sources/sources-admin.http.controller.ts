import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InputProblem } from '../articles/formats/input-problem';
import { INGEST_CONFIG, IngestConfig } from '../config/ingest.config';
import { AdminKeyGuard } from './admin-key.guard';
import { generateApiKey, hashApiKey } from './api-key';
import { feedUrlProblem } from '../feeds/feed-url-policy';
import { createSourceRequestSchema, updateSourceRequestSchema } from './source-admin.request';
import { SourceKeysCache } from './source-keys.cache';
import { Source, SourceRepository } from './source.repository';
import { checkedTimeZone } from './source-time-zone';

/** What the admin API shows of a source: never the key or its hash, nor a password a feed URL stored before they were refused. */
export function publicSource(source: Source) {
  const hidden = new Set(['_id', 'keyHash']);
  const shown = { id: source._id, ...Object.fromEntries(Object.entries(source).filter(([k]) => !hidden.has(k))) };
  return source.feed ? { ...shown, feed: { ...source.feed, url: withoutCredentials(source.feed.url) } } : shown;
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '***';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AdminKeyGuard)
@Controller('v1/admin/sources')
export class SourcesAdminHttpController {
  constructor(
    private readonly sources: SourceRepository,
    private readonly keys: SourceKeysCache,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  /** The API key is returned once, here; only its hash is stored. */
  @Post()
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const parsed = createSourceRequestSchema(this.config.FEED_MIN_INTERVAL_SECONDS).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputProblem(422, 'invalid-source', `${issue.path.join('.')}: ${issue.message}`, issue.path.join('.'));
    }
    const request = parsed.data;
    const timeZone = checkedTimeZone(request.timeZone);
    const urlProblem = request.feed && feedUrlProblem(new URL(request.feed.url), this.config.FEED_ALLOW_PRIVATE_NETWORKS);
    if (urlProblem) throw urlProblem;
    const apiKey = generateApiKey();
    const now = new Date();
    const source: Source = {
      _id: request.id,
      name: request.name,
      keyHash: hashApiKey(apiKey),
      keyPrefix: apiKey.slice(0, 10),
      disabled: false,
      rateLimitPerMinute: request.rateLimitPerMinute ?? this.config.DEFAULT_RATE_LIMIT_PER_MINUTE,
      ...(timeZone ? { timeZone } : {}),
      ...(request.feed ? { feed: { ...request.feed, nextPollAt: now, consecutiveFailures: 0 } } : {}),
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.sources.create(source))) throw new InputProblem(422, 'source-exists', `source ${request.id} exists already`, 'id');
    return { source: publicSource(source), apiKey };
  }

  @Get()
  async list() {
    return { sources: (await this.sources.list()).map(publicSource) };
  }

  @Get(':id')
  async show(@Param('id') id: string) {
    return publicSource(await this.existing(id));
  }

  /**
   * Name, rate limit, time zone (`null` removes it) or feed. A new feed URL starts afresh (no validators, polled at once; a feed that
   * moved keeps its source, so its articles keep their ids); `feed: null` makes the source push-only.
   */
  @Patch(':id')
  async change(@Param('id') id: string, @Body() body: unknown) {
    const source = await this.existing(id);
    const parsed = updateSourceRequestSchema(this.config.FEED_MIN_INTERVAL_SECONDS).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputProblem(422, 'invalid-source', `${issue.path.join('.') || 'body'}: ${issue.message}`, issue.path.join('.') || undefined);
    }
    const { name, rateLimitPerMinute, feed } = parsed.data;
    const timeZone = parsed.data.timeZone === null ? null : checkedTimeZone(parsed.data.timeZone);
    const changes: Partial<Omit<Source, '_id'>> = { ...(name ? { name } : {}), ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}), ...(timeZone ? { timeZone } : {}) };
    if (feed) {
      const url = feed.url ?? source.feed?.url;
      if (!url) throw new InputProblem(422, 'invalid-source', 'feed.url: required, the source has no feed yet', 'feed.url');
      const urlProblem = feedUrlProblem(new URL(url), this.config.FEED_ALLOW_PRIVATE_NETWORKS);
      if (urlProblem) throw urlProblem;
      const intervalSeconds = feed.intervalSeconds ?? source.feed?.intervalSeconds ?? Math.max(300, this.config.FEED_MIN_INTERVAL_SECONDS);
      changes.feed = source.feed && url === source.feed.url
        ? { ...source.feed, intervalSeconds }
        : { url, intervalSeconds, nextPollAt: new Date(), consecutiveFailures: 0 };
    }
    const unset = [...(feed === null ? ['feed' as const] : []), ...(timeZone === null ? ['timeZone' as const] : [])];
    return publicSource(await this.update(id, changes, unset));
  }

  /** The old key stops working at once, on every instance (see SourceKeysCache). */
  @Post(':id/rotate-key')
  async rotateKey(@Param('id') id: string) {
    await this.existing(id);
    const apiKey = generateApiKey();
    const source = await this.update(id, { keyHash: hashApiKey(apiKey), keyPrefix: apiKey.slice(0, 10) });
    return { source: publicSource(source), apiKey };
  }

  @Post(':id/disable')
  async disable(@Param('id') id: string) {
    await this.existing(id);
    return publicSource(await this.update(id, { disabled: true }));
  }

  /** Also resumes a feed that stopped on 410 Gone, polled again at once. */
  @Post(':id/enable')
  async enable(@Param('id') id: string) {
    const { feed } = await this.existing(id);
    const resumed = feed?.gone ? { feed: { ...feed, gone: false, consecutiveFailures: 0, nextPollAt: new Date() } } : {};
    return publicSource(await this.update(id, { disabled: false, ...resumed }));
  }

  /** Written first, then announced, so an instance that sees the new generation reads the new source. */
  private async update(id: string, changes: Partial<Omit<Source, '_id'>>, unset: ReadonlyArray<'feed' | 'timeZone'> = []): Promise<Source> {
    const source = await this.sources.update(id, changes, unset);
    await this.keys.changed();
    return source as Source;
  }

  private async existing(id: string): Promise<Source> {
    const source = await this.sources.findById(id);
    if (!source) throw new NotFoundException({ error: 'SOURCE.NOT_FOUND', message: `no source ${id}` });
    return source;
  }
}
