import { ArticleEnrichedPayload, TOPICS } from '@newsflow/contracts';
import { makeArticle, makeEnvelope } from '@newsflow/contracts/testing';
import type { EventConsumer, EventPublisher } from '@newsflow/messaging';
import type { KafkaContext } from '@nestjs/microservices';
import type { WeatherBackfillService } from '../backfill/weather-backfill.service';
import { AttachWeatherMessageController } from './attach-weather.message.controller';
import type { AttachWeatherService, WeatherOutcome } from './attach-weather.service';

describe('AttachWeatherMessageController', () => {
  function controllerWith(outcome: WeatherOutcome) {
    const calls: string[] = [];
    const consumer = { consume: (_t: string, value: unknown, _c: unknown, handler: (event: unknown) => Promise<void>) => handler(value) } as unknown as EventConsumer;
    const publisher = { publish: async () => void calls.push('publish') } as unknown as EventPublisher;
    const attach = { attach: async () => (calls.push('attach'), outcome) } as unknown as AttachWeatherService;
    const backfill = {
      supersede: async (a: { version: number }) => void calls.push(`supersede v${a.version}`),
      remember: async (_p: unknown, _c: unknown, at?: number) => void calls.push(at === undefined ? 'remember' : 'remember at release'),
    } as unknown as WeatherBackfillService;
    const controller = new AttachWeatherMessageController(consumer, publisher, attach, backfill);
    const pass = (version: number) => controller.handle(makeEnvelope(TOPICS.articleEnriched, { article: makeArticle({ version }) } as ArticleEnrichedPayload), {} as KafkaContext);
    return { calls, pass };
  }

  it('drops the queued backfills of earlier versions before the new version moves on', async () => {
    const { calls, pass } = controllerWith({ weather: { status: 'unavailable' }, backfill: true });
    await pass(2);
    expect(calls).toEqual(['supersede v2', 'attach', 'publish', 'remember']);
  });

  it('does so for a version that needs no backfill too', async () => {
    const { calls, pass } = controllerWith({ weather: { status: 'no-location' }, backfill: false });
    await pass(3);
    expect(calls).toEqual(['supersede v3', 'attach', 'publish']);
  });

  it('queues an embargoed version for its release', async () => {
    const { calls, pass } = controllerWith({ weather: { status: 'not-applicable' }, backfill: false, refreshAt: '2030-01-01T00:00:00Z' });
    await pass(1);
    expect(calls).toEqual(['supersede v1', 'attach', 'publish', 'remember at release']);
  });
});
