import { Inject, Injectable } from '@nestjs/common';
import { PipelineStage } from '@newsflow/contracts';
import { currentLogContext } from '@newsflow/platform';
import { CONSOLE_CONFIG, ConsoleConfig } from '../config/console.config';
import { AccessRefusedError } from './access-refused.error';
import { UpstreamError } from './upstream.error';

export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

export interface JsonCall {
  /** The console user's key (CallerKey), passed on as it came; undefined sends none. */
  key: string | undefined;
  /** What is being read, for the message when the service refuses the key: "search", "dead letters". */
  reading: string;
  allowNotFound?: boolean;
}

/**
 * HTTP access to the four services, with a time limit on every call and the caller's trace and
 * correlation ids passed on. It sends a key only when handed one: the console has none of its own.
 */
@Injectable()
export class UpstreamClient {
  private readonly urls: Record<PipelineStage, string>;

  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {
    this.urls = { ingest: config.INGEST_URL, enricher: config.ENRICHER_URL, weather: config.WEATHER_URL, indexer: config.INDEXER_URL };
  }

  urlOf(service: PipelineStage): string {
    return this.urls[service];
  }

  /** The body as text, whatever the status; throws only when the service did not answer. */
  async text(service: PipelineStage, path: string, key?: string): Promise<UpstreamAnswer<string>> {
    const url = `${this.urls[service]}${path}`;
    const { correlationId } = currentLogContext();
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS),
        headers: {
          accept: 'application/json, text/plain;q=0.9', ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
          ...(key !== undefined ? { authorization: `Bearer ${key}` } : {}),
        },
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      // fetch wraps the socket error ("connect ECONNREFUSED …") as its cause.
      const cause = (error as { cause?: { message?: unknown } }).cause;
      const reason = (error as Error).name === 'TimeoutError'
        ? `no answer within ${this.config.UPSTREAM_TIMEOUT_MS} ms`
        : typeof cause?.message === 'string' ? cause.message : (error as Error).message;
      throw new UpstreamError(service, `${service} at ${this.urls[service]} is unreachable: ${reason}`, undefined, undefined, error);
    }
  }

  /**
   * The JSON body of a 2xx answer, or `null` for a 404 when `allowNotFound`; a 401 or 403 throws
   * AccessRefusedError (the service decided the key may not read this); any other answer throws
   * with the upstream's status and problem body, so the console can pass it on unchanged.
   */
  async json<T>(service: PipelineStage, path: string, call: JsonCall): Promise<T | null> {
    const { status, body } = await this.text(service, path, call.key);
    if (status === 404 && call.allowNotFound) return null;
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = JSON.parse(body);
    } catch {
      isJson = false;
    }
    const problem = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
    // A refusal is a refusal whatever its body (a proxy in front of a service may answer in HTML).
    if (status === 401 || status === 403) throw new AccessRefusedError(service, call.reading, call.key !== undefined, status, problem);
    if (!isJson) throw new UpstreamError(service, `${service} answered ${path} with HTTP ${status} and a body that is not JSON`, status);
    if (status >= 200 && status < 300) return parsed as T;
    throw new UpstreamError(service, `${service} answered ${path} with HTTP ${status}`, status, problem);
  }
}
