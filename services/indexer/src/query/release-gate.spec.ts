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
