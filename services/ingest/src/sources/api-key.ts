import { createHash, randomBytes } from 'node:crypto';

/** `nfk_` marks a Newsflow key in logs and secret scanners; 32 random bytes make guessing hopeless. */
export function generateApiKey(): string {
  return `nfk_${randomBytes(32).toString('base64url')}`;
}

/** Keys are stored only as this hash, so a database leak does not leak working keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
