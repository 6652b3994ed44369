import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';

// A full name ending in a place's name ("Michael Jordan", "Tom Chad") and the bare word the story then
// uses: the person unless the text places the word (entity-linker.ts, readPeopleNamedAfterPlaces).
describe('people named after places', () => {
  const gazetteer = loadGazetteer();
  const extract = (body: string, headline = '') => extractEntities({ headline, body, publishedAt: '2026-12-07T10:00:00Z' }, { gazetteer }).entities;
  const named = (body: string, type: string) => extract(body).filter((e) => e.type === type).map((e) => e.name);

  it('reads "Michael Jordan … Jordan" as one person, not an organisation and the country', () => {
    const body = 'CHICAGO (AP) — Michael Jordan said on Tuesday he would sell his remaining stake in the Charlotte Hornets. ' +
      'Jordan, who won six titles with the Chicago Bulls, spoke at an event in Chicago.';
    const entities = extract(body, 'Jordan to sell Hornets stake');
    expect(entities.filter((e) => e.type === 'person')).toEqual([expect.objectContaining({ name: 'Michael Jordan', mentionCount: 3 })]);
    expect(entities.map((e) => e.name)).not.toContain('Jordan');
    expect(named(body, 'organization')).not.toContain('Michael Jordan');
  });

  it('reads other full names ending in a country the same way', () => {
    expect(named('Tom Chad scored twice on Saturday. Chad said the win was for the fans.', 'person')).toEqual(['Tom Chad']);
    expect(named('Tom Chad scored twice on Saturday. Chad said the win was for the fans.', 'place')).toEqual([]);
  });

  it('keeps the country where the text places it: "of Jordan", "Amman, Jordan", "Jordan\'s King", "in Jordan"', () => {
    const body = 'AMMAN, Jordan (AP) — Michael Jordan met King Abdullah of Jordan on Monday. Jordan’s King Abdullah said the ' +
      'visit was welcome. Jordan said he had long wanted to travel in Jordan.';
    const entities = extract(body);
    const jordan = entities.find((e) => e.type === 'place' && e.name === 'Jordan');
    expect(jordan).toEqual(expect.objectContaining({ geo: expect.objectContaining({ countryCode: 'JO' }), mentionCount: 4 }));
    expect(entities.filter((e) => e.type === 'person').map((e) => [e.name, e.mentionCount])).toEqual(expect.arrayContaining([['Michael Jordan', 2], ['Abdullah', 2]]));
  });

  it('leaves the country alone when no one in the story is named after it', () => {
    expect(named('King Abdullah of Jordan met the president on Monday. Jordan has hosted refugees for decades.', 'place')).toEqual(['Jordan']);
    expect(named('Water levels in the Jordan River fell to a record low, officials in Jordan said.', 'place').sort()).toEqual(['Jordan', 'Jordan River']);
  });
});
