import { Logger, LoggerService } from '@nestjs/common';
import { LogEntry, logCreator, logLevel } from 'kafkajs';

type Method = 'error' | 'warn' | 'log' | 'debug';

const BY_LEVEL: Record<number, Method> = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'log', [logLevel.DEBUG]: 'debug' };

/**
 * How loud a kafkajs line should be in a service's log. Two kinds of kafkajs lines say nothing an
 * operator can act on, so they go to debug:
 * - `[Connection] Response …` errors: kafkajs logs every error answer from a broker at ERROR before
 *   handing it to its caller, which retries it (a coordinator still loading, a topic another
 *   instance is creating, a leader moving: every fresh broker and every rolling restart) or gives up
 *   and says so in a line of its own (`[Consumer] Crash`, a failed send in our publisher).
 * - The warning that the idempotent producer's retries are limited: they are on purpose (the
 *   publisher bounds a send and the consumers' inbox drops repeats), and it came at every start.
 */
export function kafkajsLogMethod(entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>): Method {
  if (entry.namespace === 'Connection' && entry.log.message.startsWith('Response ')) return 'debug';
  if (entry.namespace === 'Producer' && entry.log.message.startsWith('Limiting retries for the idempotent producer')) return 'debug';
  return BY_LEVEL[entry.level] ?? 'debug';
}

/**
 * kafkajs's lines as the service's own JSON log lines: `context: kafkajs`, the message with its
 * kafkajs namespace, and kafkajs's fields (broker, clientId, groupId, error, retryCount…) under
 * `kafka`, instead of Nest's default of one string with the fields serialised into it (or, for
 * clients Nest does not build, kafkajs's own console format).
 */
export function kafkajsLogCreator(logger: LoggerService = new Logger('kafkajs')): logCreator {
  return () => (entry) => {
    // kafkajs's timestamp and logger name repeat what the line's own `time` and `context` say.
    const fields = Object.fromEntries(Object.entries(entry.log).filter(([key]) => key !== 'message' && key !== 'timestamp' && key !== 'logger'));
    const line = { msg: `[${entry.namespace}] ${entry.log.message}`, ...(Object.keys(fields).length > 0 ? { kafka: fields } : {}) };
    const method = kafkajsLogMethod(entry);
    logger[method]?.(line);
  };
}
