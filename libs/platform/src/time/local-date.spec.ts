import { localDateIn } from './local-date';

describe('localDateIn', () => {
  it('gives the date in the zone, not in UTC', () => {
    const lateMonday = new Date('2025-11-24T22:30:00Z');
    expect(localDateIn(lateMonday, 'Asia/Tokyo')).toBe('2025-11-25');
    expect(localDateIn(lateMonday, 'America/Los_Angeles')).toBe('2025-11-24');
    expect(localDateIn(lateMonday, 'UTC')).toBe('2025-11-24');
  });

  it('answers undefined for a zone it does not know, every time', () => {
    expect(localDateIn(new Date(), 'Nowhere/Atlantis')).toBeUndefined();
    expect(localDateIn(new Date(), 'Nowhere/Atlantis')).toBeUndefined();
  });
});
