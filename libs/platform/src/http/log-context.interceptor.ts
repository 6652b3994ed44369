import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithLogContext } from '../logging/log-context';
import { logContextOfRequest } from './http-observability.middleware';

/**
 * Re-enters the request's log context around the route handler: a body parser that runs after the
 * middleware resumes in the socket's async context, which would drop the fields for the handler.
 */
@Injectable()
export class LogContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const logContext = logContextOfRequest(context.switchToHttp().getRequest<object>());
    if (!logContext) return next.handle();
    return new Observable((subscriber) => runWithLogContext(logContext, () => next.handle().subscribe(subscriber)));
  }
}
