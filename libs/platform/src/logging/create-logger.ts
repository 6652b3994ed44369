import { LoggerService, LogLevel } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { currentLogContext } from './log-context';

const PINO_LEVELS: Record<string, Level> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };
const NEST_TO_PINO: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Nest's logger interface over pino: one JSON object per line on stdout with `time`, `level`,
 * `service`, the Nest `context` (class name) and, inside a message handler or HTTP request, the
 * fields of the current log context (`traceId`, `correlationId`, `articleId`). An object message
 * (`logger.log({ msg, ...fields })`) becomes top-level fields, so log shippers need no parsing rules.
 */
export class JsonLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const pinoLevel = NEST_TO_PINO[level];
    if (!this.pino.isLevelEnabled(pinoLevel)) return;
    // Nest passes the logger's context (class name) last; `error` may have a stack trace before it.
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    if (stack) fields.stack = stack;
    if (message instanceof Error) Object.assign(fields, { msg: message.message, stack: message.stack });
    else if (message !== null && typeof message === 'object') Object.assign(fields, message);
    else fields.msg = String(message);
    this.pino[pinoLevel](fields);
  }
}

/**
 * The logger of a service. `level` is LOG_LEVEL (`debug`, `info`, `warn`, `error`); `destination`
 * is stdout unless a test captures the lines.
 */
export function createLogger(service: string, level: string, destination?: DestinationStream): JsonLogger {
  const logger = pino(
    {
      level: PINO_LEVELS[level] ?? 'info',
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...currentLogContext() }),
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
  return new JsonLogger(logger);
}
