import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** JSON lines on stdout, one object per log call, so log shippers need no parsing rules. */
export function createLogger(service: string, level: string): ConsoleLogger {
  return new ConsoleLogger(service, { json: true, logLevels: LEVELS[level] ?? LEVELS.info, colors: false });
}
