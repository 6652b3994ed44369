import { Controller, INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Ctx, EventPattern, KafkaContext, MicroserviceOptions, Payload } from '@nestjs/microservices';
import { deadLetterTopic, TOPICS } from '@newsflow/contracts';
import { makeArticle } from '@newsflow/contracts/testing';
import { BacklogMonitor, ensureTopics, EventConsumer, EventPublisher, kafkaConsumerOptions, MessagingModule } from '@newsflow/messaging';
import { createLogger, PlatformModule, RedisModule } from '@newsflow/platform';
import { randomBytes } from 'node:crypto';
import { requireEnv, unique } from '../support/unique';
import { waitFor } from '../support/wait-for';

const lines: Array<Record<string, unknown>> = [];

@Controller()
class ObservedController {
  private readonly logger = new Logger('ObservedHandler');

  constructor(private readonly consumer: EventConsumer) {}

  @EventPattern(TOPICS.articleReceived)
  handle(@Payload() value: unknown, @Ctx() ctx: KafkaContext) {
    return this.consumer.consume(TOPICS.articleReceived, value, ctx, async (event) => {
      await new Promise((resolve) => setImmediate(resolve));
      // No ids passed: the log context of the consume boundary must supply them.
      this.logger.log({ msg: 'handled in the observability test', headline: event.payload.article.headline });
    });
  }
}

describe('observability: logs with trace ids and pipeline metrics against a real broker', () => {
  const brokers = requireEnv('KAFKA_BROKERS').split(',');
  const groupId = unique('it-observability');
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    await ensureTopics(brokers, [TOPICS.articleReceived, deadLetterTopic('enricher')], { partitions: 3, replicationFactor: 1 });
    const moduleRef = await Test.createTestingModule({
      imports: [
        RedisModule.forRoot(requireEnv('REDIS_URL')),
        MessagingModule.forRoot({ brokers, service: 'enricher', serviceVersion: 'test', groupId }),
        PlatformModule.forRoot({ service: 'enricher', probes: [] }),
      ],
      controllers: [ObservedController],
    }).compile();
    const logger = createLogger('enricher', 'info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    app = moduleRef.createNestApplication({ logger });
    app.connectMicroservice<MicroserviceOptions>(kafkaConsumerOptions({ brokers, clientId: groupId, groupId }));
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('logs the handler with the envelope trace id, correlation id and article id, and reports age and lag', async () => {
    const headline = `Observed ${randomBytes(4).toString('hex')}`;
    const article = makeArticle({ headline });
    const traceId = randomBytes(16).toString('hex');
    const sent = await app
      .get(EventPublisher)
      .publish(TOPICS.articleReceived, { article }, { correlationId: 'corr-observed', traceparent: `00-${traceId}-${'b'.repeat(16)}-01` });

    const line = await waitFor(() => lines.find((l) => l.headline === headline), { what: 'the handler log line' });
    expect(line).toMatchObject({
      service: 'enricher',
      level: 'info',
      context: 'ObservedHandler',
      msg: 'handled in the observability test',
      traceId,
      correlationId: 'corr-observed',
      articleId: sent.articleId,
    });

    const age = new RegExp(`newsflow_article_age_seconds_count\\{[^}]*stage="enricher"[^}]*topic="${TOPICS.articleReceived}"[^}]*\\} [1-9]`);
    const lag = new RegExp(`newsflow_consumer_lag\\{[^}]*group="${groupId}"[^}]*topic="${TOPICS.articleReceived}"[^}]*partition="\\d+"[^}]*\\} \\d+`);
    const metrics = await waitFor(
      async () => {
        // The consumer commits after the batch; sample until the group's committed offsets show up.
        await app.get(BacklogMonitor).sample();
        const text = await (await fetch(`${base}/metrics`)).text();
        return age.test(text) && lag.test(text) && text;
      },
      { what: 'the article age histogram and a lag sample of the group on /metrics' },
    );
    expect(metrics).toMatch(/newsflow_messages_consumed_total\{[^}]*topic="news.articles.received.v1"/);
    // The scrapes above were answered, so the next one shows them in the HTTP metrics.
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/newsflow_http_requests_total\{[^}]*route="\/metrics"[^}]*status="200"/);
  });
});
