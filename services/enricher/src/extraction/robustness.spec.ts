import { EnrichmentSchema } from '@newsflow/contracts';
import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

describe('extractEntities on hostile input', () => {
  const gazetteer = loadGazetteer();
  const run = (headline: string, body: string) => extractEntities({ headline, body, publishedAt: '2025-11-24T09:00:00Z' }, { gazetteer });
  const valid = (r: ReturnType<typeof run>) => EnrichmentSchema.shape.entities.parse(r.entities);

  it('copes with empty fields', () => {
    expect(run('', '')).toEqual({ entities: [], primaryLocation: null });
  });

  it('copes with a 1 MB body quickly', () => {
    const para = 'LONDON (Reuters) - Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Monday. ';
    const started = Date.now();
    const r = run('Leaders meet', para.repeat(Math.ceil(1_000_000 / para.length)));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.primaryLocation?.name).toBe('London');
    valid(r);
  });

  it('copes with binary garbage', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256));
    const r = run(bytes.toString('latin1').slice(0, 200), bytes.toString('utf8'));
    valid(r);
    for (const e of r.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThanOrEqual(m.start);
  });

  it('copes with emoji and mixed scripts, keeping offsets exact', () => {
    const body = '🔥🔥 Président Ζεύς met 習近平 and King Mohammed VI in Marrakech 🇲🇦 on Monday. مرحبا Al-Raisi’s team 👍🏽 arrived.';
    const r = run('Emoji 🚀 summit in Marrakech', body);
    valid(r);
    for (const e of r.entities) for (const m of e.mentions) expect((m.field === 'body' ? body : 'Emoji 🚀 summit in Marrakech').slice(m.start, m.end)).toBe(m.text);
    expect(r.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Mohammed VI', 'Marrakech']));
  });

  it('tolerates non-string input from a bad upstream', () => {
    expect(() => extractEntities({ headline: undefined as unknown as string, body: null as unknown as string }, { gazetteer })).not.toThrow();
  });
});
