import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

describe('classifying capitalised runs', () => {
  const gazetteer = loadGazetteer();
  const names = (body: string, type: string) =>
    extractEntities({ headline: '', body, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer }).entities.filter((e) => e.type === type).map((e) => e.name);

  it('reads "the Elizabeth line" as a rail line, not the city of Elizabeth', () => {
    const body = 'LONDON — Transport for London said it would run a limited service on the Elizabeth line and the Victoria line during the strike in London.';
    expect(names(body, 'place')).toContain('London');
    expect(names(body, 'place')).not.toEqual(expect.arrayContaining([expect.stringMatching(/Elizabeth|Victoria/)]));
    expect(names(body, 'person')).not.toEqual(expect.arrayContaining([expect.stringMatching(/Elizabeth|Victoria/)]));
  });

  it('still finds the place when it is named as one', () => {
    expect(names('Firefighters in Elizabeth, New Jersey, were called to a warehouse fire on Tuesday.', 'place')).toContain('Elizabeth');
  });
});
