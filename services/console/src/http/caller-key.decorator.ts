import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { presentedKey } from '@newsflow/platform';
import type { Request } from 'express';

/**
 * The key the person using the console presented (`Authorization: Bearer <key>` or `X-Api-Key`), or
 * undefined. The console holds no key of its own: this one is passed on to the service that decides
 * whether it may read what is asked, so the console never reads more than its user could directly.
 */
export const CallerKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  presentedKey(context.switchToHttp().getRequest<Request>()),
);
