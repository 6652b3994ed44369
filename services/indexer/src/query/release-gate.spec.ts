import { HttpException } from '@nestjs/common';
import { refuseUnreleased } from './release-gate';

const id = '0f8a1c2e-7a1b-5c3d-9e4f-333333333333';
const NOW = Date.parse('2026-12-07T12:00:00Z');

function refusal(latest: Parameters<typeof refuseUnreleased>[0], wanted = latest): Record<string, unknown> | undefined {
  try {
    refuseUnreleased(latest, wanted, NOW);
    return undefined;
  } catch (error) {
    return { status: (error as HttpException).getStatus(), ...((error as HttpException).getResponse() as object) };
  }
}

describe('refuseUnreleased', () => {
  it('serves usable copy, and copy whose embargo has passed', () => {
    expect(refusal({ id, version: 1 })).toBeUndefined();
    expect(refusal({ id, version: 1, pubStatus: 'usable', embargoedUntil: '2026-12-07T11:59:00Z' })).toBeUndefined();
  });

  it('refuses every version of a killed story with 410', () => {
    const killed = { id, version: 3, pubStatus: 'canceled' as const };
    expect(refusal(killed)).toMatchObject({ status: 410, rule: 'canceled' });
    expect(refusal(killed, { id, version: 1 })).toMatchObject({ status: 410, rule: 'canceled' });
  });

  it('refuses a withheld or embargoed version with 403, saying until when', () => {
    expect(refusal({ id, version: 2, pubStatus: 'withheld' })).toMatchObject({ status: 403, rule: 'withheld' });
    expect(refusal({ id, version: 1, embargoedUntil: '2026-12-07T13:00:00Z' })).toMatchObject({ status: 403, rule: 'embargoed', embargoedUntil: '2026-12-07T13:00:00Z' });
    // An earlier version that went out usable stays readable while a later one is held back.
    expect(refusal({ id, version: 2, pubStatus: 'withheld' }, { id, version: 1 })).toBeUndefined();
  });
});

describe('refuseUnreleased and the source\'s expiry', () => {
  it('serves copy until its expiry, and from that instant answers 410 expired, saying when', () => {
    expect(refusal({ id, version: 1, expiresAt: '2026-12-07T12:00:01Z' })).toBeUndefined();
    expect(refusal({ id, version: 1, expiresAt: '2026-12-07T12:00:00Z' })).toMatchObject({ status: 410, rule: 'expired', expiresAt: '2026-12-07T12:00:00Z' });
    expect(refusal({ id, version: 1, expiresAt: '2026-12-01T00:00:00.000Z' })).toMatchObject({ status: 410, error: 'ARTICLE.EXPIRED', message: expect.stringContaining('expired at 2026-12-01T00:00:00.000Z') });
  });

  it('serves no version once the latest has expired, as for a kill', () => {
    const latest = { id, version: 3, expiresAt: '2026-12-07T11:00:00Z' };
    expect(refusal(latest, { id, version: 1 })).toMatchObject({ status: 410, rule: 'expired', expiresAt: '2026-12-07T11:00:00Z' });
    // A kill says more than an expiry: the story was withdrawn, not just out of licence.
    expect(refusal({ ...latest, pubStatus: 'canceled' })).toMatchObject({ status: 410, rule: 'canceled' });
  });

  it('keeps an earlier version\'s own expiry though a later version extended the licence', () => {
    const latest = { id, version: 2, expiresAt: '2026-12-31T00:00:00Z' };
    expect(refusal(latest)).toBeUndefined();
    expect(refusal(latest, { id, version: 1, expiresAt: '2026-12-06T00:00:00Z' })).toMatchObject({ status: 410, rule: 'expired', expiresAt: '2026-12-06T00:00:00Z' });
    expect(refusal(latest, { id, version: 1 })).toBeUndefined();
  });

  it('refuses expired copy before saying it is withheld or embargoed: it will not be served later either', () => {
    const wanted = { id, version: 1, embargoedUntil: '2026-12-07T13:00:00Z', expiresAt: '2026-12-07T11:00:00Z' };
    expect(refusal(wanted)).toMatchObject({ status: 410, rule: 'expired' });
  });
});
