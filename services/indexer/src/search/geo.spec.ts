import { distanceKm, isNear } from './geo';

describe('geo', () => {
  const marrakech = { lat: 31.63, lon: -8.01 };
  it('measures great-circle distances', () => {
    expect(distanceKm(marrakech, { lat: 34.02, lon: -6.83 })).toBeCloseTo(287, -1); // Rabat
    expect(distanceKm(marrakech, marrakech)).toBe(0);
  });

  it('finds points within the radius, across the antimeridian too', () => {
    expect(isNear({ lat: 31.63, lon: -8.0 }, 50, marrakech)).toBe(true);
    expect(isNear({ lat: 31.63, lon: -8.0 }, 50, { lat: 34.02, lon: -6.83 })).toBe(false);
    expect(isNear({ lat: 0, lon: 179.9 }, 50, { lat: 0, lon: -179.9 })).toBe(true);
  });
});
