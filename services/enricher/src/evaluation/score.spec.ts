import type { Entity } from '@newsflow/contracts';
import { haversineKm, scoreArticle, summarise } from './score';

const entity = (type: Entity['type'], name: string, surfaceForms: string[] = [name]): Entity => ({
  id: `${type}:${name}`, type, name, surfaceForms, mentions: [], mentionCount: 1, salience: 1,
});

describe('scoreArticle', () => {
  const gold = {
    entities: [{ type: 'person' as const, name: 'Mohammed VI' }, { type: 'organization' as const, name: 'INTERPOL', aliases: ['ICPO'] }, { type: 'place' as const, name: 'Marrakech' }],
    primaryLocation: { name: 'Marrakech', lat: 31.63, lon: -8.0 },
  };

  it('matches by name, surface form or alias, once each', () => {
    const s = scoreArticle(gold, [entity('person', 'Mohammed VI'), entity('organization', 'International Criminal Police Organization', ['ICPO']), entity('person', 'Al-Raisi'), entity('date', '2025-11-24')], {
      name: 'Marrakech', lat: 31.63, lon: -8.0, confidence: 1, reason: 'dateline',
    });
    expect(s.byType.person).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.byType.organization).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.byType.place).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(s.locationDistanceKm).toBeCloseTo(0, 5);
  });

  it('summarises precision, recall, F1 and location accuracy', () => {
    const s = scoreArticle(gold, [entity('person', 'Mohammed VI'), entity('place', 'Marrakech')], null);
    const sum = summarise([s]);
    expect(sum.byType.person.f1).toBe(1);
    expect(sum.byType.organization.recall).toBe(0);
    expect(sum.locationAccuracy).toBe(0);
  });

  it('measures distance on the sphere', () => {
    expect(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeGreaterThan(340);
    expect(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 })).toBeLessThan(345);
  });
});
