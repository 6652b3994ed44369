import { HttpException, HttpStatus } from '@nestjs/common';
import type { ArticleWeatherAttachedPayload } from '@newsflow/contracts';

type Released = Pick<ArticleWeatherAttachedPayload['article'], 'id' | 'version' | 'pubStatus' | 'embargoedUntil' | 'expiresAt'>;

/**
 * The by-id read honours the source's release as search does: a killed story is gone in every
 * version, a withheld or embargoed version is not served until it is released, and an expired one
 * (licensed copy past the source's `expiresAt`) is gone from that instant. Only the status and the
 * time say why; nothing of the copy.
 */
export function refuseUnreleased(latest: Released, wanted: Released, now = Date.now()): void {
  if (latest.pubStatus === 'canceled') {
    throw refusal(HttpStatus.GONE, 'canceled', `article ${latest.id} was canceled by its source (version ${latest.version}); no version of it is served`);
  }
  // The latest version's expiry is the story's: no version is served after it. A version's own
  // expiry binds its copy even when a later version extended the licence.
  if (hasPassed(latest.expiresAt, now)) {
    throw refusal(HttpStatus.GONE, 'expired', `article ${latest.id} expired at ${latest.expiresAt} (version ${latest.version}); its source allows no version of it to be served after that`, {
      expiresAt: latest.expiresAt,
    });
  }
  if (hasPassed(wanted.expiresAt, now)) {
    throw refusal(HttpStatus.GONE, 'expired', `version ${wanted.version} of article ${wanted.id} expired at ${wanted.expiresAt}; its source allows it to be served only until then`, {
      expiresAt: wanted.expiresAt,
    });
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

/** An expiry is the first instant the copy may no longer be served. */
function hasPassed(expiresAt: string | undefined, now: number): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}

function refusal(status: HttpStatus, rule: string, message: string, extra: Record<string, unknown> = {}): HttpException {
  return new HttpException({ error: `ARTICLE.${rule.toUpperCase()}`, rule, message, ...extra }, status);
}
