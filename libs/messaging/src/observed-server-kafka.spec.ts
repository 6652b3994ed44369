import { ServerKafka } from '@nestjs/microservices';
import { ObservedServerKafka } from './observed-server-kafka';

describe('ObservedServerKafka', () => {
  const options = { client: { brokers: ['127.0.0.1:1'] } };
  const ours = new ObservedServerKafka(options);
  const nests = new ServerKafka(options);

  it('routes every pattern as Nest does', () => {
    for (const pattern of ['news.articles.enriched.v1', 'news.deadletter.enricher.v1', 'orders_v2', '{"cmd":"sum"}', '["a","b"]', '"quoted"', 'true', 'null', '42']) {
      expect(ours.getRouteFromPattern(pattern)).toBe(nests.getRouteFromPattern(pattern));
    }
  });

  it('takes a topic name as it is, without parsing it as JSON', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(ours.getRouteFromPattern('news.articles.enriched.v1')).toBe('news.articles.enriched.v1');
      expect(parse).not.toHaveBeenCalled();
      ours.getRouteFromPattern('{"cmd":"sum"}');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});
