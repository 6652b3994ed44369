import { findEvents, isShortFormOf } from './event-patterns';

describe('findEvents', () => {
  it('normalises sessions and keeps exact offsets', () => {
    const text = 'Speaking at the opening of the 93rd session of the INTERPOL General Assembly, held from November 24.';
    const [e] = findEvents(text, 'body');
    expect(e.name).toBe('93rd INTERPOL General Assembly');
    expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it('finds headline events and summits', () => {
    expect(findEvents('Marrakech Hosts 93rd INTERPOL General Assembly as Organization Praises', 'headline')[0].name).toBe('93rd INTERPOL General Assembly');
    expect(findEvents('leaders met at the G20 Summit in Rio.', 'body')[0].name).toBe('G20 Summit');
    expect(findEvents('the 2026 World Cup final', 'body')[0].name).toBe('2026 World Cup');
  });
  it('links short forms', () => {
    expect(isShortFormOf('General Assembly', '93rd INTERPOL General Assembly')).toBe(true);
    expect(isShortFormOf('93rd General Assembly', '93rd INTERPOL General Assembly')).toBe(true);
    expect(isShortFormOf('World Cup', '93rd INTERPOL General Assembly')).toBe(false);
  });

  it('starts a name after a sentence that ended inside the capitalised run', () => {
    const body = 'The 2026 World Cup opens in June. The Paris Olympics drew 10 million visitors. It spread across Europe. The Gulf War began in 1990.';
    expect(findEvents(body, 'body').map((e) => e.name)).toEqual(expect.arrayContaining(['2026 World Cup', 'Paris Olympics', 'Gulf War']));
    expect(findEvents(body, 'body').map((e) => e.text)).not.toEqual(expect.arrayContaining([expect.stringContaining('.')]));
    expect(findEvents('Crowds lined the route of the St. Patrick’s Day Festival.', 'body').map((e) => e.name)).toEqual([expect.stringContaining('St.')]);
  });

  it('finds events in text with letters past ASCII, and none where no event head is named', () => {
    expect(findEvents('Modelos desfilaram na São Paulo Fashion Week na segunda-feira.', 'body').map((e) => e.name)).toEqual(['São Paulo Fashion Week']);
    expect(findEvents('The 2024 Olympics opened in Paris.', 'body').map((e) => e.name)).toEqual(['2024 Olympics']);
    expect(findEvents('Officials in Zürich met on Tuesday; Hurricane Erick weakened.', 'body').map((e) => e.name)).toEqual(['Hurricane Erick']);
    expect(findEvents('The Openings and Warsaw Cups were cancelled.', 'body')).toEqual([]);
  });
});
