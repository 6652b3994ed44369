import { parseSearchParams } from './search-params';

const refused = (query: Record<string, unknown>) => {
  try {
    parseSearchParams(query);
  } catch (error) {
    return (error as { parameter?: string }).parameter;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('parseSearchParams', () => {
  it('parses every filter into plain values', () => {
    const params = parseSearchParams({
      q: ' INTERPOL ', entity: 'Valdecy Urquiza', entityType: 'person', place: 'Marrakech', near: '31.63,-8.0', radiusKm: '50',
      country: 'ma', from: '2025-11-01', to: '2025-12-01T00:00:00Z', source: 'wire', lang: 'en', weather: 'attached', cluster: 'c1', limit: '5',
    });
    expect(params).toMatchObject({
      q: 'INTERPOL', entity: 'Valdecy Urquiza', near: { lat: 31.63, lon: -8 }, radiusKm: 50, country: 'MA',
      from: Date.parse('2025-11-01'), to: Date.parse('2025-12-01T00:00:00Z'), limit: 5, sort: 'relevance',
    });
  });

  it('reads a bare date in to= as through that day, so its own articles are included', () => {
    expect(parseSearchParams({ from: '2025-10-31', to: '2025-10-31' })).toMatchObject({
      from: Date.parse('2025-10-31T00:00:00Z'), to: Date.parse('2025-10-31T23:59:59.999Z'),
    });
  });

  it('reads a date-time without an offset as UTC, as ingest does, and says what it expects', () => {
    expect(parseSearchParams({ from: '2026-12-03T00:00:00' }).from).toBe(Date.parse('2026-12-03T00:00:00Z'));
    expect(parseSearchParams({ from: '2026-12-03T00:00:00+05:30' }).from).toBe(Date.parse('2026-12-02T18:30:00Z'));
    // An unencoded + arrives as a space.
    expect(() => parseSearchParams({ from: '2026-12-03T00:00:00 05:30' })).toThrow(/from: expected an ISO 8601 date .*%2B/);
  });

  it('takes every offset form ingest accepts in from, to and indexedSince, so a client can echo a stored time', () => {
    const instant = Date.parse('2026-12-02T18:30:00Z');
    for (const name of ['from', 'to', 'indexedSince']) {
      for (const value of ['2026-12-03T00:00:00+05:30', '2026-12-03T00:00:00+0530', '2026-12-03T00:30:00+06', '2026-12-02 18:30Z']) {
        expect([name, value, parseSearchParams({ [name]: value })[name as 'from']]).toEqual([name, value, instant]);
      }
    }
    // A leap second is the day's last: `to` with it keeps the day's articles, as ingest stores them at :59.
    expect(parseSearchParams({ to: '2026-12-06T23:59:60Z' }).to).toBe(Date.parse('2026-12-06T23:59:59Z'));
  });

  it('gives every refused date parameter the same help, naming the parameter, the forms and what was sent', () => {
    for (const name of ['from', 'to', 'indexedSince']) {
      for (const value of ['yesterday', '2026-02-30', '2026-12-06T25:00:00Z', '2026-12-03T00:00:00 05:30', '2026-12-06T23:59:61Z', 'x'.repeat(100)]) {
        let message = '';
        try {
          parseSearchParams({ [name]: value });
        } catch (error) {
          expect((error as { parameter?: string }).parameter).toBe(name);
          message = (error as Error).message;
        }
        expect(message).toMatch(new RegExp(`^${name}: expected an ISO 8601 date \\(2025-11-24, a UTC day\\) or date-time .*\\+05:30, \\+0530 or \\+05.*%2B`));
        if (value.length < 64) expect(message).toContain(`got ${JSON.stringify(value)}`);
      }
    }
  });

  it('matches entity and place ids whatever their case', () => {
    expect(parseSearchParams({ entity: 'Person:Corine-Mauch', place: 'PLACE:2657896' })).toMatchObject({ entity: 'person:corine-mauch', place: 'place:2657896' });
    expect(parseSearchParams({ entity: 'Corine Mauch' }).entity).toBe('Corine Mauch');
  });

  it('defaults to time order without q, 20 results and a 25 km radius', () => {
    expect(parseSearchParams({ near: '0,0' })).toMatchObject({ sort: 'time', limit: 20, radiusKm: 25 });
    expect(parseSearchParams({ q: '   ' }).q).toBeUndefined();
  });

  it('refuses operator injection, naming the parameter', () => {
    expect(refused({ entity: { $gt: '' } })).toBe('entity');
    expect(refused({ 'entity[$gt]': '' })).toBe('entity[$gt]');
    expect(refused({ source: ['a', 'b'] })).toBe('source');
    expect(refused({ $where: '1' })).toBe('$where');
  });

  it('refuses malformed values, naming the parameter', () => {
    expect(refused({ near: '91,0' })).toBe('near');
    expect(refused({ near: 'abc' })).toBe('near');
    expect(refused({ radiusKm: '50' })).toBe('radiusKm');
    expect(refused({ near: '1,1', radiusKm: '-1' })).toBe('radiusKm');
    expect(refused({ from: 'yesterday' })).toBe('from');
    expect(refused({ from: '2025-02-01', to: '2025-01-01' })).toBe('to');
    expect(refused({ entityType: 'alien' })).toBe('entityType');
    expect(refused({ weather: 'sunny' })).toBe('weather');
    expect(refused({ limit: '1000' })).toBe('limit');
    expect(refused({ country: 'MAR' })).toBe('country');
    expect(refused({ sort: 'relevance' })).toBe('sort');
    expect(refused({ cursor: '{"$gt":""}' })).toBe('cursor');
  });

  it('refuses huge values quickly and accepts regex-looking text as plain text', () => {
    const started = Date.now();
    expect(refused({ q: 'x'.repeat(100_000) })).toBe('q');
    expect(refused({ near: `${'1'.repeat(50_000)},1` })).toBe('near');
    expect(refused({ lang: 'a'.repeat(100_000) })).toBe('lang');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(parseSearchParams({ q: '(a+)+$' }).q).toBe('(a+)+$');
  });
  it('takes highlight=true|false, only with q, and refuses anything else naming the parameter', () => {
    expect(parseSearchParams({ q: 'sao paulo', highlight: 'true' }).highlight).toBe(true);
    expect(parseSearchParams({ q: 'sao paulo', highlight: 'false' }).highlight).toBe(false);
    expect(parseSearchParams({ q: 'sao paulo' }).highlight).toBeUndefined();
    expect(refused({ q: 'x', highlight: 'yes' })).toBe('highlight');
    expect(refused({ q: 'x', highlight: ['true', 'true'] })).toBe('highlight');
    expect(refused({ highlight: 'true' })).toBe('highlight');
    expect(refused({ q: '  ', highlight: 'true' })).toBe('highlight');
    expect(parseSearchParams({ highlight: 'false' }).highlight).toBe(false);
    // Each highlighted hit is a store read and a pass over its text: a page of them is bounded.
    expect(parseSearchParams({ q: 'x', highlight: 'true', limit: '20' }).limit).toBe(20);
    expect(refused({ q: 'x', highlight: 'true', limit: '21' })).toBe('limit');
    expect(parseSearchParams({ q: 'x', limit: '100' }).limit).toBe(100);
  });
});
