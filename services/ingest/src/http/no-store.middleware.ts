import type { NextFunction, Request, Response } from 'express';

/** Admin answers carry API keys (created, rotated) and source state: no cache or proxy may keep them. */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
