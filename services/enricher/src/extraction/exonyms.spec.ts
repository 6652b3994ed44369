import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';
import { choosePrimaryLocation } from './primary-location';

// The wire desk audit's datelines (/tmp/auditI/c1.json): agency copy in French, Spanish, Italian, German.
describe('foreign-language names of major places', () => {
  const gazetteer = loadGazetteer();
  const placeOnly = (body: string, language: string) => extractEntities({ headline: '', body, placeOnly: true, language }, { gazetteer }).primaryLocation;
  const extract = (body: string, dateline?: string) => extractEntities({ headline: '', body, dateline, language: 'en' }, { gazetteer });

  it('every line of the exonym table names a city the gazetteer holds', () => {
    expect(gazetteer.unresolvedExonyms).toEqual([]);
  });

  it.each([
    ['Pékin (AFP) - La Chine a annoncé lundi des manœuvres militaires près de Taïwan.', 'fr', 'CN', 'Beijing'],
    ['Pekín (EFE) - China anunció este lunes maniobras militares cerca de Taiwán.', 'es', 'CN', 'Beijing'],
    ['LONDRES (AFP) - Le Parlement britannique a adopté lundi le budget.', 'fr', 'GB', 'London'],
    ['ROMA (ANSA) - Il Consiglio dei ministri ha approvato la manovra economica per il 2027.', 'it', 'IT', 'Rome'],
    ['PARIGI (ANSA) - Il presidente francese ha incontrato la premier italiana.', 'it', 'FR', 'Paris'],
    ['Moskau (dpa) - Der Kreml hat die Vorwürfe am Montag zurückgewiesen.', 'de', 'RU', 'Moscow'],
    ['El Cairo (EFE) - El Gobierno egipcio anunció este lunes nuevas medidas.', 'es', 'EG', 'Cairo'],
    ['Mosca (ANSA) - Il Cremlino ha respinto le accuse.', 'it', 'RU', 'Moscow'],
    ['GINEVRA (ANSA) - I colloqui sono ripresi lunedì.', 'it', 'CH', 'Geneva'],
    ['Den Haag (ANP) - Het kabinet heeft maandag besloten.', 'nl', 'NL', 'The Hague'],
    ['WARSZAWA (PAP) - Prezydent Polski spotkał się w poniedziałek z premierem.', 'pl', 'PL', 'Warsaw'],
  ])('%s is in %s… %s', (body, language, countryCode, name) => {
    expect(placeOnly(body, language)).toMatchObject({ countryCode, name, reason: 'dateline', confidence: 0.95 });
  });

  it('names a place the same, and finds it, whatever language the English copy spells it in', () => {
    const { entities } = extract('Diplomats met in Genève on Monday. Later they flew to München, Wien and Bruxelles. The court in Den Haag ruled, and officials in Geneva said talks had failed.');
    const places = Object.fromEntries(entities.filter((e) => e.type === 'place').map((e) => [e.name, e.surfaceForms]));
    expect(places).toMatchObject({ Geneva: ['Genève', 'Geneva'], Munich: ['München'], Vienna: ['Wien'], Brussels: ['Bruxelles'], 'The Hague': ['Den Haag'] });
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
    const alone = extract('Diplomats met in Genève on Monday.').entities.find((e) => e.type === 'place');
    expect(alone).toMatchObject({ id: 'place:2660646', name: 'Geneva' });
  });

  it('reads Roma, Rom, Alger, Colonia and Damas as the city only in a dateline, not in running English', () => {
    const places = (body: string) => extract(body).entities.filter((e) => e.type === 'place').map((e) => e.name);
    expect(places('BUDAPEST (Reuters) - Roma families were evicted on Monday, and the Roma community protested.')).not.toContain('Rome');
    const other = places('LONDON (Reuters) - Players from AS Roma met fans. The Rom community and admirers of Horatio Alger gathered. Damas said.');
    expect(other).toContain('London');
    expect(other.filter((name) => ['Rome', 'Algiers', 'Damascus'].includes(name))).toEqual([]);
    expect(placeOnly('ROMA (ANSA) - Il governo ha approvato la manovra.', 'it')).toMatchObject({ name: 'Rome', countryCode: 'IT' });
    expect(placeOnly('Alger (AFP) - Le gouvernement a annoncé des mesures.', 'fr')).toMatchObject({ name: 'Algiers', countryCode: 'DZ' });
    expect(placeOnly('ROMA, Texas (AP) - The city council met on Monday.', 'en')).toMatchObject({ countryCode: 'US' });
  });

  it('names a country given in another language by its English name', () => {
    const { entities } = extract('LONDRES, Royaume-Uni (AFP) - Le Parlement britannique a adopté lundi le budget.');
    expect(entities.find((e) => e.id === 'place:country-gb')).toMatchObject({ surfaceForms: ['Royaume-Uni'] });
    expect(entities.find((e) => e.id === 'place:country-gb')?.name).not.toBe('Royaume-Uni');
  });

  it('keeps Paris, Texas and Pekin, Illinois where their region puts them', () => {
    expect(extract('PEKIN, Ill. (AP) — The city council met on Monday.').primaryLocation).toMatchObject({ countryCode: 'US', confidence: 0.95 });
    expect(extract('PARIS, Texas (AP) — The city council met on Monday.').primaryLocation).toMatchObject({ countryCode: 'US', confidence: 0.95 });
  });
});

describe('the confidence of a dateline naming only a small town', () => {
  const town = (countryCode: string, population: number) => ({
    id: 'place:1', type: 'place' as const, name: 'Pekin', surfaceForms: ['Pekin'], mentions: [], mentionCount: 1, salience: 1,
    geo: { lat: 40.57, lon: -89.64, countryCode, population },
  });

  it('is 0.95 for a city, or a small town something else places the story in', () => {
    expect(choosePrimaryLocation([town('US', 33_000)], 'place:1', false)?.confidence).toBe(0.95);
    expect(choosePrimaryLocation([town('US', 3_000)], 'place:1', true)?.confidence).toBe(0.95);
  });

  it('is lower for a town of a few thousand that nothing else corroborates', () => {
    expect(choosePrimaryLocation([town('US', 3_000)], 'place:1', false)).toMatchObject({ confidence: 0.6, reason: 'dateline' });
  });

  it('is lower for a small foreign town named by a story in another language, not for one in its country', () => {
    const gazetteer = loadGazetteer();
    const placeOnly = (body: string, language: string) => extractEntities({ headline: '', body, placeOnly: true, language }, { gazetteer }).primaryLocation;
    // Zermatt (~5,800 people) from a Spanish agency, and from a German one.
    expect(placeOnly('ZERMATT (EFE) - Una avalancha sepultó este lunes a tres esquiadores.', 'es')).toMatchObject({ countryCode: 'CH', confidence: 0.6 });
    expect(placeOnly('ZERMATT (dpa) - Eine Lawine hat am Montag drei Skifahrer verschüttet.', 'de')).toMatchObject({ countryCode: 'CH', confidence: 0.95 });
  });
});
