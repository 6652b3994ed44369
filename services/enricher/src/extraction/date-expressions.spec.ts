import { findDates } from './date-expressions';

const published = '2025-11-24T09:00:00Z'; // a Monday

describe('findDates', () => {
  it('resolves ranges and weekdays against publishedAt', () => {
    const text = 'praised on Monday in Marrakech, held from November 24 to 27, Major';
    const dates = findDates(text, 'body', published);
    expect(dates.map((d) => d.name)).toEqual(['2025-11-24', '2025-11-24/2025-11-27']);
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
    expect(dates[1].text).toBe('November 24 to 27');
  });
  it('handles day-first, explicit years and relative words', () => {
    const names = findDates('On 3 March 2024, and yesterday, and on Friday, and 12-14 December', 'body', published).map((d) => d.name);
    expect(names).toEqual(['2024-03-03', '2025-11-23', '2025-11-21', '2025-12-12/2025-12-14']);
  });
  it('never needs publishedAt to be valid', () => {
    expect(() => findDates('on Monday, November 3', 'body', 'nonsense')).not.toThrow();
  });

  it('reads a weekday ahead when its sentence speaks of what will happen, and "Last Tuesday" with a capital', () => {
    const names = (text: string) => findDates(text, 'body', published).map((d) => d.name);
    expect(names('The Senate will vote on Thursday on the bill.')).toEqual(['2025-11-27']);
    expect(names('The Senate voted on Thursday on the bill.')).toEqual(['2025-11-20']);
    expect(names('Last Tuesday the minister resigned.')).toEqual(['2025-11-18']);
  });

  it('reads tomorrow\'s weekday back a week when its sentence is in the past tense', () => {
    const names = (text: string) => findDates(text, 'body', published).map((d) => d.name);
    // Monday's copy: Tuesday is the day after, or six days before.
    expect(names('Firefighters battled a blaze on Tuesday.')).toEqual(['2025-11-18']);
    expect(names('The minister said on Tuesday he would resign.')).toEqual(['2025-11-18']);
    expect(names('The minister said Tuesday that talks had failed.')).toEqual(['2025-11-18']);
    expect(names('The minister will travel to Paris on Tuesday.')).toEqual(['2025-11-25']);
    expect(names('The minister said talks would resume on Tuesday.')).toEqual(['2025-11-25']);
    expect(names('The delayed vote on Tuesday is the last of the year.')).toEqual(['2025-11-25']);
    expect(names('Talks on Tuesday are the last chance.')).toEqual(['2025-11-25']);
  });

  it('resolves "today" and weekdays in the zone the story was filed from', () => {
    // 22:30 UTC on Monday 24 November is already Tuesday 25 November in Tokyo.
    const late = '2025-11-24T22:30:00Z';
    expect(findDates('Markets fell today.', 'body', late, 'Asia/Tokyo').map((d) => d.name)).toEqual(['2025-11-25']);
    expect(findDates('Markets fell today.', 'body', late).map((d) => d.name)).toEqual(['2025-11-24']);
    expect(findDates('Yesterday markets fell.', 'body', late, 'Asia/Tokyo').map((d) => d.name)).toEqual(['2025-11-24']);
  });

  it('reads the second of two weekdays as the first ("on Wednesday and Thursday")', () => {
    const names = (text: string) => findDates(text, 'body', published).map((d) => [d.text, d.name]);
    expect(names('Talks were held on Wednesday and Thursday last week.')).toEqual([['Wednesday', '2025-11-19'], ['Thursday', '2025-11-20']]);
    expect(names('Ministers will meet on Thursday and Friday.')).toEqual([['Thursday', '2025-11-27'], ['Friday', '2025-11-28']]);
  });

  it('reads AP style weekdays without "on", but not a day that is a name or follows an article', () => {
    const names = (text: string) => findDates(text, 'body', published).map((d) => [d.text, d.name]);
    expect(names('The minister said Thursday that talks had failed.')).toEqual([['Thursday', '2025-11-20']]);
    expect(names('The Senate will vote Tuesday on the bill.')).toEqual([['Tuesday', '2025-11-25']]);
    expect(names('Rescuers worked through late Friday.')).toEqual([['Friday', '2025-11-21']]);
    expect(names('Black Friday sales rose, and the Friday prayers were calm. Every shop opens every Monday.')).toEqual([]);
  });

  it('reads a range across months and years, and a month and day ahead in a sentence about what is to come', () => {
    const names = (text: string, at = published) => findDates(text, 'body', at).map((d) => d.name);
    expect(names('The talks run Nov. 28 through Dec. 2.')).toEqual(['2025-11-28/2025-12-02']);
    expect(names('The festival runs Dec. 29 to Jan. 2.')).toEqual(['2025-12-29/2026-01-02']);
    expect(names('The World Cup, which opens June 11, will be the largest.', '2025-12-05T09:00:00Z')).toEqual(['2026-06-11']);
    expect(names('The plant closed on June 11, the company said.', '2025-12-05T09:00:00Z')).toEqual(['2025-06-11']);
  });

  it('reads the second weekday after "or", after "by", in capitals and across a line break', () => {
    const second = (text: string) => findDates(text, 'body', published).map((d) => d.text);
    expect(second('Votes are due by Thursday or Friday.')).toEqual(['Thursday', 'Friday']);
    expect(second('TALKS ON WEDNESDAY AND THURSDAY')).toEqual(['WEDNESDAY', 'THURSDAY']);
    expect(second('Talks were held on Wednesday\nand Thursday.')).toEqual(['Wednesday', 'Thursday']);
  });

  it('answers each publication time and zone for itself, one after another', () => {
    const today = (publishedAt: string, zone?: string) => findDates('Markets fell today.', 'body', publishedAt, zone).map((d) => d.name);
    expect(today('2025-11-24T22:30:00Z', 'Asia/Tokyo')).toEqual(['2025-11-25']);
    expect(today('2025-11-24T12:30:00Z', 'Asia/Tokyo')).toEqual(['2025-11-24']);
    expect(today('2025-11-24T12:30:00Z', 'America/Los_Angeles')).toEqual(['2025-11-24']);
    expect(today('2025-11-24T05:30:00Z', 'America/Los_Angeles')).toEqual(['2025-11-23']);
  });
});
