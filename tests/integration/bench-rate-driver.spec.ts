import { join } from 'node:path';

/**
 * The bench's open-loop driver against an entry that answers only when told: the cap on requests in
 * flight holds, every article is still sent and counted, and the waits at the cap are reported.
 * No servers: the driver is plain code, exercised here where the bench's other tests live.
 */
const { driveAtRate, MAX_IN_FLIGHT } = require(join(__dirname, '..', '..', 'bench', 'drivers.js')) as {
  driveAtRate: (entry: unknown, items: unknown[], rate: number) => Promise<{
    accepted: Map<string, number>; dueAt: Map<string, number>; statuses: Record<string, number>; throttled: number;
  }>;
  MAX_IN_FLIGHT: number;
};

describe('bench driveAtRate', () => {
  it('keeps at most MAX_IN_FLIGHT requests open, and sends and counts every article', async () => {
    let open = 0;
    let mostOpen = 0;
    const entry = {
      submitOne: async (item: { n: number }) => {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        // Slower than the offered rate, so the cap is reached and waited on.
        await new Promise((resolve) => setTimeout(resolve, 5 + (item.n % 7)));
        open -= 1;
        if (item.n % 100 === 99) return { item, status: 503, at: Date.now() };
        return { item, id: `a${item.n}`, status: 202, at: Date.now() };
      },
    };
    const count = MAX_IN_FLIGHT * 3;
    const items = Array.from({ length: count }, (_, n) => ({ n }));

    const result = await driveAtRate(entry, items, 1_000_000);

    expect(mostOpen).toBe(MAX_IN_FLIGHT);
    expect(open).toBe(0);
    expect(result.throttled).toBeGreaterThan(0);
    const refused = items.filter((item) => item.n % 100 === 99).length;
    expect(result.statuses).toEqual({ 202: count - refused, 503: refused });
    expect(result.accepted.size).toBe(count - refused);
    expect(result.dueAt.size).toBe(count - refused);
  });

  it('counts a request that fails as a network error and frees its slot', async () => {
    const entry = {
      submitOne: async (item: { n: number }) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (item.n % 2) throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
        return { item, id: `a${item.n}`, status: 202, at: Date.now() };
      },
    };
    const count = MAX_IN_FLIGHT + 10;
    const result = await driveAtRate(entry, Array.from({ length: count }, (_, n) => ({ n })), 1_000_000);
    expect(result.statuses).toEqual({ 202: Math.ceil(count / 2), ECONNRESET: Math.floor(count / 2) });
  });

  it("sends what the entry's prepare made of each article, all prepared before the first is sent", async () => {
    let prepared = 0;
    const sent: number[] = [];
    const entry = {
      prepare: (item: { n: number }) => {
        prepared += 1;
        return { n: item.n, body: `body ${item.n}` };
      },
      submitOne: async (payload: { n: number; body: string }) => {
        expect(prepared).toBe(count);
        expect(payload.body).toBe(`body ${payload.n}`);
        sent.push(payload.n);
        return { item: payload, id: `a${payload.n}`, status: 202, at: Date.now() };
      },
    };
    const count = 50;
    const result = await driveAtRate(entry, Array.from({ length: count }, (_, n) => ({ n })), 1_000_000);
    expect(sent).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(result.accepted.size).toBe(count);
  });
});
