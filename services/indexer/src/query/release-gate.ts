import { HttpException, HttpStatus } from '@nestjs/common';
import type { ArticleWeatherAttachedPayload } from '@newsflow/contracts';

type Released = Pick<ArticleWeatherAttachedPayload['article'], 'id' | 'version' | 'pubStatus' | 'embargoedUntil'>;

/**
 * The by-id read honours the source's release as search does: a killed story is gone in every
 * version, a withheld or embargoed version is not served until it is released. Only the status and
 * the time say why; nothing of the copy.
 */
export function refuseUnreleased(latest: Released, wanted: Released, now = Date.now()): void {
  if (latest.pubStatus === 'canceled') {
    throw refusal(HttpStatus.GONE, 'canceled', `article ${latest.id} was canceled by its source (version ${latest.version}); no version of it is served`);
  }
  if (wanted.pubStatus === 'withheld') {
    throw refusal(HttpStatus.FORBIDDEN, 'withheld', `version ${wanted.version} of article ${wanted.id} is withheld by its source; it is served once a usable version arrives`);
  }
  const until = wanted.embargoedUntil ? Date.parse(wanted.embargoedUntil) : NaN;
  if (until > now) {
    throw refusal(HttpStatus.FORBIDDEN, 'embargoed', `version ${wanted.version} of article ${wanted.id} is under embargo until ${wanted.embargoedUntil}`, {
      embargoedUntil: wanted.embargoedUntil,
    });
  }
}

function refusal(status: HttpStatus, rule: string, message: string, extra: Record<string, unknown> = {}): HttpException {
  return new HttpException({ error: `ARTICLE.${rule.toUpperCase()}`, rule, message, ...extra }, status);
}
