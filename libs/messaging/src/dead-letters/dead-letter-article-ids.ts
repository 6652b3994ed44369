import { EVENT_HEADERS } from '@newsflow/contracts';
import type { DeadLetter } from './dead-letter-store';

/**
 * Every article id a parked message names: its `article-id` header, its key (events are keyed by
 * article id), and the envelope's `articleId` and `payload.article.id`. A replay check asks about
 * all of them: a message that broke the contract may carry a header and a payload that disagree,
 * and the stage it goes back to reads the payload, not the header.
 */
export function deadLetterArticleIds(letter: Pick<DeadLetter, 'headers' | 'key' | 'value'>): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && value !== '') ids.add(value);
  };
  add(letter.headers[EVENT_HEADERS.articleId]);
  add(letter.key);
  const envelope = parsed(letter.value);
  add(envelope?.articleId);
  const payload = envelope?.payload as Record<string, unknown> | undefined;
  add((payload?.article as Record<string, unknown> | undefined)?.id);
  return [...ids];
}

/** The value's top level as an object; undefined when it is no JSON object (a poison message). */
function parsed(value: string | null): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const json: unknown = JSON.parse(value);
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
