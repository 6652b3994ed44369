import { Logger } from '@nestjs/common';
import { createLogger } from './create-logger';
import { runWithLogContext } from './log-context';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('enricher', level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per call with service, level, context and the object fields at top level', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'enriched', entities: 3 }, 'EnrichArticleService');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'enricher', level: 'info', context: 'EnrichArticleService', msg: 'enriched', entities: 3 });
    expect(typeof lines[0].time).toBe('string');
  });

  it('adds the trace, correlation and article ids of the current log context', async () => {
    const { logger, lines } = capture();
    await runWithLogContext({ traceId: 'abc', correlationId: 'corr', articleId: 'art' }, async () => {
      await Promise.resolve();
      logger.warn('slow provider', 'WeatherProvider');
    });
    logger.log('outside');
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'slow provider', traceId: 'abc', correlationId: 'corr', articleId: 'art' });
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  it('honours LOG_LEVEL', () => {
    const { logger, lines } = capture('warn');
    logger.log('dropped');
    logger.debug('dropped');
    logger.error('kept', 'Error: boom\n    at x', 'Ctx');
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'kept', stack: 'Error: boom\n    at x', context: 'Ctx' })]);
    const debug = capture('debug');
    debug.logger.debug('shown');
    expect(debug.lines).toHaveLength(1);
  });

  it('serves as the logger behind Nest Logger instances', () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('Bootstrap').log({ msg: 'ready', port: 1 });
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines).toEqual([expect.objectContaining({ context: 'Bootstrap', msg: 'ready', port: 1, level: 'info' })]);
  });
});
