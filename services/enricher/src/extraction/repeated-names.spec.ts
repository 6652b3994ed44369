import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

describe('a story naming the same places again and again', () => {
  const gazetteer = loadGazetteer();
  const body = Array.from({ length: 6 }, (_, i) => `Floods hit Dombivli and Nashik on day ${i + 1}, residents of Dombivli said. Officials in Nashik, India, said the rain went on.`).join(' ');

  it('asks the gazetteer about each name once', () => {
    const lookup = jest.spyOn(gazetteer, 'lookup');
    try {
      const { entities } = extractEntities({ headline: 'Floods in Dombivli', body, publishedAt: '2025-11-25T09:00:00Z' }, { gazetteer });
      expect(entities.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['Dombivli', 'India', 'Nashik']);
      const asked = lookup.mock.calls.map(([name]) => name);
      expect(asked.filter((name) => name === 'Dombivli')).toHaveLength(1);
      expect(asked.filter((name) => name === 'Nashik')).toHaveLength(1);
    } finally {
      lookup.mockRestore();
    }
  });
});
