import type { Request } from 'express';
import { presentedKey } from '@newsflow/platform';
import { InputProblem } from '../articles/formats/input-problem';
import { hashApiKey } from './api-key';
import { SourceKeysCache } from './source-keys.cache';
import { Source } from './source.repository';

export type AuthenticatedRequest = Request & { source?: Source };

/** The enabled source a request's key belongs to: 401 without a valid key, 403 for a disabled source. */
export async function authenticateSource(req: Request, sources: SourceKeysCache): Promise<Source> {
  const key = presentedKey(req);
  if (!key) throw new InputProblem(401, 'api-key-missing', 'send the source API key as "Authorization: Bearer <key>" or "X-Api-Key"', undefined, { 'WWW-Authenticate': 'Bearer' });
  const source = await sources.findByKeyHash(hashApiKey(key));
  if (!source) throw new InputProblem(401, 'api-key-unknown', 'the API key is not valid (rotated or never issued)', undefined, { 'WWW-Authenticate': 'Bearer' });
  if (source.disabled) throw new InputProblem(403, 'source-disabled', `source ${source._id} is disabled`);
  return source;
}
