import { parseDateline, parseDatelineField, parseDateOnlyDateline } from './dateline-parser';

describe('parseDateline', () => {
  it.each([
    ['MARRAKECH, Morocco (AP) — The President said', 'MARRAKECH', 'Morocco', 'AP'],
    ['Marrakech – The President said', 'Marrakech', undefined, undefined],
    ['LONDON (Reuters) - Britain said', 'LONDON', undefined, 'Reuters'],
    ['PARIS, Nov 24 (Reuters) - France said', 'PARIS', undefined, 'Reuters'],
    ['AUSTIN, Texas (AP) — A judge', 'AUSTIN', 'Texas', 'AP'],
    ['SAN JOSE, Calif. (AP) — A judge', 'SAN JOSE', 'Calif.', 'AP'],
    ['NEW YORK/LONDON (Reuters) - Oil rose', 'NEW YORK', undefined, 'Reuters'],
    ['SINGAPORE / TOKYO, Nov 24 (Reuters) - Shares fell', 'SINGAPORE', undefined, 'Reuters'],
    ['SAN FERNANDO, Trinidad and Tobago (AP) — Police said', 'SAN FERNANDO', 'Trinidad and Tobago', 'AP'],
    ['SARAJEVO, Bosnia and Herzegovina (AP) — Voters', 'SARAJEVO', 'Bosnia and Herzegovina', 'AP'],
    ['KINSHASA, Democratic Republic of Congo (Reuters) - Rebels', 'KINSHASA', 'Democratic Republic of Congo', 'Reuters'],
    ['BRAZZAVILLE, Republic of the Congo (AP) — Rain', 'BRAZZAVILLE', 'Republic of the Congo', 'AP'],
    // Agencies in other scripts (more in native-datelines.spec.ts).
    ['МОСКВА, 7 декабря. /ТАСС/. Президент заявил', 'МОСКВА', undefined, 'ТАСС'],
    ['新华社北京12月7日电 国家主席会见', '北京', undefined, '新华社'],
  ])('parses %s', (text, place, region, source) => {
    const d = parseDateline(text);
    if (!d) throw new Error(`no dateline in ${text}`);
    expect(d.place.text).toBe(place);
    expect(text.slice(d.place.start, d.place.end)).toBe(place);
    expect(d.region?.text).toBe(region);
    if (d.region) expect(text.slice(d.region.start, d.region.end)).toBe(region);
    expect(d.source).toBe(source);
  });
  it('keeps the other places of a story filed from several', () => {
    const text = 'NEW YORK/LONDON/HONG KONG, Nov 24 (Reuters) - Oil rose';
    const d = parseDateline(text);
    expect(d?.alsoFrom.map((o) => o.text)).toEqual(['LONDON', 'HONG KONG']);
    for (const o of d?.alsoFrom ?? []) expect(text.slice(o.start, o.end)).toBe(o.text);
  });
  it('ignores bodies without one', () => {
    expect(parseDateline('The President of the International Criminal Police Organization (ICPO–INTERPOL), Major')).toBeUndefined();
    expect(parseDateline('')).toBeUndefined();
  });
  it('reads a word typed with combining marks (NFD) as one word', () => {
    const text = 'MU\u0308NSTER (dpa) - Iran said on Monday it would resume talks.';
    expect(parseDateline(text)).toMatchObject({ place: { text: 'MU\u0308NSTER', start: 0 }, source: 'dpa' });
    expect(parseDateline('ZU\u0308RICH (Reuters) - Swiss stocks fell.')?.place.text).toBe('ZU\u0308RICH');
  });
});

describe('parseDatelineField', () => {
  it.each([
    ['GENEVA', 'GENEVA', undefined, undefined],
    ['Genève', 'Genève', undefined, undefined],
    ['New York, NY', 'New York', 'NY', undefined],
    ['PARIS, France', 'PARIS', 'France', undefined],
    ['LONDON (Sample Wire)', 'LONDON', undefined, 'Sample Wire'],
    ['MARRAKECH, Morocco (AP) —', 'MARRAKECH', 'Morocco', 'AP'],
    ['PARIS, Nov 24 (Reuters) -', 'PARIS', undefined, 'Reuters'],
    ['Paris, 7 déc. (AFP)', 'Paris', undefined, 'AFP'],
    ['  LYON', 'LYON', undefined, undefined],
    ['Москва', 'Москва', undefined, undefined],
    ['北京', '北京', undefined, undefined],
  ])('reads the bare location %s', (field, place, region, source) => {
    const d = parseDatelineField(field);
    if (!d) throw new Error(`no dateline in ${field}`);
    expect(field.slice(d.place.start, d.place.end)).toBe(place);
    expect(d.region?.text).toBe(region);
    expect(d.source).toBe(source);
  });

  it('reads nothing from an empty or lower-case field', () => {
    for (const field of [undefined, '', '   ', 'on Monday', '7 décembre']) expect(parseDatelineField(field)).toBeUndefined();
  });
});

describe('parseDateOnlyDateline', () => {
  it.each([
    ['Nov 5 (Reuters) - Glencore said', 'Nov 5', 'Reuters'],
    ['Nov. 5 (AP) — Stocks fell', 'Nov. 5', 'AP'],
    ['NOV 5 (Reuters) - Stocks fell', 'NOV 5', 'Reuters'],
    ['September 30 (Reuters) - Oil rose', 'September 30', 'Reuters'],
  ])('reads %s as a date and a source, with no place', (text, date, source) => {
    const d = parseDateOnlyDateline(text);
    expect(d).toMatchObject({ date: { text: date }, source });
    if (!d) return;
    expect(text.slice(d.date.start, d.date.end)).toBe(date);
    expect(text.slice(d.end)).toMatch(/^\p{Lu}/u);
  });
  it('needs the source in brackets and the dash: a sentence opening with a date is no dateline', () => {
    expect(parseDateOnlyDateline('Nov 5 - the day the vote was held - was quiet.')).toBeUndefined();
    expect(parseDateOnlyDateline('Nov 5 (a Wednesday) was quiet.')).toBeUndefined();
    expect(parseDateOnlyDateline('LONDON (Reuters) - Britain said')).toBeUndefined();
  });
});
