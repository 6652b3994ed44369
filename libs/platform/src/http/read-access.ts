import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';

/**
 * `READ_API_KEYS`: keys that may read articles back (search, by id, status), comma-separated. Wire
 * copy is licensed, so a deployment that exposes these APIs beyond its own network sets them; unset
 * (or empty, as compose passes an unset shell variable) the read APIs are open, as before.
 */
export const readApiKeysSetting = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string()
    .transform((value) => value.split(',').map((key) => key.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(16, 'each key needs at least 16 characters').regex(/^\S+$/, 'a key holds no spaces')).min(1))
    .optional(),
);

/** `Authorization: Bearer <key>` or `X-Api-Key: <key>`, as every Newsflow API takes a key. */
export function presentedKey(request: { headers: IncomingHttpHeaders }): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const header = request.headers['x-api-key'];
  return bearer ?? (typeof header === 'string' && header.trim() ? header.trim() : undefined);
}

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/** Compared as hashes, in constant time, so neither the length nor a prefix of a key leaks. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function isReadKey(keys: readonly string[], given: string | undefined): boolean {
  // Every key is compared, so the time taken does not say which one matched.
  return given !== undefined && keys.map((key) => sameSecret(given, key)).includes(true);
}

interface ProblemResponse {
  status(code: number): ProblemResponse;
  setHeader(name: string, value: string): unknown;
  type(value: string): ProblemResponse;
  send(body: string): unknown;
}

/** The 401 every read API answers without a valid key, as problem+json. */
export function refuseReader(response: ProblemResponse, given: string | undefined): void {
  const [rule, detail] = given
    ? ['read-key-invalid', 'the read key is not valid']
    : ['read-key-missing', 'send a read key (READ_API_KEYS) as "Authorization: Bearer <key>" or "X-Api-Key"'];
  response.setHeader('WWW-Authenticate', 'Bearer');
  response.setHeader('Cache-Control', 'no-store');
  response.status(401).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail, rule }));
}

/** Express middleware for the read APIs: with keys configured, a request must present one of them; without, it passes. */
export function requireReadKey(keys: readonly string[] | undefined) {
  return (request: { headers: IncomingHttpHeaders }, response: ProblemResponse, next: () => void): void => {
    if (!keys) return next();
    const given = presentedKey(request);
    if (isReadKey(keys, given)) return next();
    refuseReader(response, given);
  };
}
