import { z } from 'zod';
import { InputProblem } from '../formats/input-problem';
import { MAX_KILL_REASON } from './kill-version';

/** Strict: a misspelt `reason` would otherwise be dropped without a word on a legal takedown. */
const killRequestSchema = z.strictObject({
  reason: z.string().trim().min(1).max(MAX_KILL_REASON).optional(),
});

/** The optional body `{"reason": "..."}`; no body (or `{}`) is a kill without a reason. */
export function killReasonOf(body: unknown): string | undefined {
  const given = body === undefined || body === null || (Buffer.isBuffer(body) && body.length === 0) ? {} : body;
  const parsed = killRequestSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'body');
    throw new InputProblem(422, 'invalid-kill-request', `${field}: ${issue.message}`, field);
  }
  return parsed.data.reason?.normalize('NFC');
}
