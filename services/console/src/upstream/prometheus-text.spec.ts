import { parsePrometheusText, sumOf } from './prometheus-text';

const EXPOSITION = `# HELP newsflow_messages_produced_total Events acknowledged by the broker
# TYPE newsflow_messages_produced_total counter
newsflow_messages_produced_total{topic="news.articles.received.v1",service="ingest"} 3
newsflow_messages_produced_total{topic="news.articles.other.v1",service="ingest"} 2
newsflow_consumer_lag{group="g",topic="t",partition="0",service="ingest"} 7 1700000000000
weird{path="C:\\\\dir",quote="say \\"hi\\"",nl="a\\nb"} 1.5e3
newsflow_handler_duration_seconds_bucket{le="+Inf",topic="t"} +Inf
up 1
`;

describe('parsePrometheusText', () => {
  const samples = parsePrometheusText(EXPOSITION);

  it('reads names, labels and values, skipping comments and timestamps', () => {
    expect(samples).toHaveLength(6);
    expect(samples[2]).toEqual({ name: 'newsflow_consumer_lag', labels: { group: 'g', topic: 't', partition: '0', service: 'ingest' }, value: 7 });
    expect(samples[5]).toEqual({ name: 'up', labels: {}, value: 1 });
  });

  it('unescapes label values', () => {
    expect(samples[3]).toMatchObject({ labels: { path: 'C:\\dir', quote: 'say "hi"', nl: 'a\nb' }, value: 1500 });
  });

  it('sums matching samples and ignores infinities', () => {
    expect(sumOf(samples, 'newsflow_messages_produced_total')).toBe(5);
    expect(sumOf(samples, 'newsflow_messages_produced_total', { topic: 'news.articles.received.v1' })).toBe(3);
    expect(sumOf(samples, 'newsflow_handler_duration_seconds_bucket')).toBe(0);
    expect(sumOf(samples, 'absent')).toBe(0);
  });

  it('names the line of a malformed sample', () => {
    expect(() => parsePrometheusText('ok 1\nbad{x=1} 2')).toThrow(/line 2: expected ="value" after label x/);
    expect(() => parsePrometheusText('ok one')).toThrow(/line 1: not a sample value: "one"/);
    expect(() => parsePrometheusText('a{b="c} 1')).toThrow(/unterminated value of label b/);
  });
});
