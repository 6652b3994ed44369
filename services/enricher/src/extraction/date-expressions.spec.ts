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

describe('findDates: the verb that governs a weekday, and which way "this" and "by" point', () => {
  const monday = '2026-12-07T12:00:00Z';
  const names = (text: string) => findDates(text, 'body', monday).map((d) => [d.text, d.name]);

  it('dates an attribution after a future verb to the saying, in the past', () => {
    expect(names('Prices will fall next month, the minister said on Sunday.')).toEqual([['next month', '2027-01'], ['Sunday', '2026-12-06']]);
    expect(names('Taxes will rise, the minister said Tuesday.')).toEqual([['Tuesday', '2026-12-01']]);
    expect(names('The central bank is expected to raise rates, analysts said on Thursday.')).toEqual([['Thursday', '2026-12-03']]);
    expect(names('The plan will cost billions, officials told reporters on Friday.')).toEqual([['Friday', '2026-12-04']]);
  });

  it('still reads a future verb after the attribution, and an aside behind commas, ahead', () => {
    expect(names('The minister said on Sunday that prices will fall on Thursday.')).toEqual([['Sunday', '2026-12-06'], ['Thursday', '2026-12-10']]);
    expect(names('The president will sign the bill, which was passed by Congress, on Friday.')).toEqual([['Friday', '2026-12-11']]);
    expect(names('The festival, which opens in June, was cancelled on Friday.')).toEqual([['June', '2027-06'], ['Friday', '2026-12-04']]);
    expect(names('The summit will be held on Friday, and the treaty is to be formally signed on Saturday.')).toEqual([['Friday', '2026-12-11'], ['Saturday', '2026-12-12']]);
    expect(names('Yunus said on Thursday that elections would be held in February.')).toEqual([['Thursday', '2026-12-03'], ['February', '2027-02']]);
  });

  it('reads "this Friday", "this coming Friday" and "by Friday" as the coming one, and a schedule\'s present tense ahead', () => {
    expect(names('The summit opens this Friday in Brussels, and leaders must decide by Friday.')).toEqual([['this Friday', '2026-12-11'], ['Friday', '2026-12-11']]);
    expect(names('Talks resume this coming Friday.')).toEqual([['this coming Friday', '2026-12-11']]);
    expect(names('Talks resume this coming Monday.')).toEqual([['this coming Monday', '2026-12-14']]);
    expect(names('Markets were calm this Monday.')).toEqual([['this Monday', '2026-12-07']]);
    expect(names('The trial begins Thursday.')).toEqual([['Thursday', '2026-12-10']]);
    expect(names('The votes had been counted by Friday.')).toEqual([['Friday', '2026-12-04']]);
    expect(names('Shares fell this past Friday.')).toEqual([['this past Friday', '2026-12-04']]);
  });

  it('puts a weekday in the week named after it', () => {
    expect(names('The deal was signed on Thursday last week.')).toEqual([['Thursday', '2026-12-03']]);
    expect(names('The envoy arrives on Tuesday next week.')).toEqual([['Tuesday', '2026-12-15']]);
  });
});

describe('findDates: impossible and numeric dates', () => {
  const monday = '2026-12-07T12:00:00Z';
  const names = (text: string, order?: 'dmy' | 'mdy') => findDates(text, 'body', monday, undefined, order).map((d) => [d.text, d.name]);

  it('names no day a month does not have', () => {
    expect(names('The vote was set for February 30, then November 31, then 30 February 2027 and 2026-02-29.')).toEqual([]);
    expect(names('The leap day, February 29, 2028, and 29/02/2028.')).toEqual([['February 29, 2028', '2028-02-29'], ['29/02/2028', '2028-02-29']]);
  });

  it('reads ISO days and numeric days whose order a number above 12 tells', () => {
    expect(names('ROME — The decree dated 24/11/2025 takes effect on 2025-12-01, a notice dated 11/24/2025 said.')).toEqual([
      ['24/11/2025', '2025-11-24'], ['2025-12-01', '2025-12-01'], ['11/24/2025', '2025-11-24'],
    ]);
    expect(names('Filed 24.11.2025 and 05-05-2025.')).toEqual([['24.11.2025', '2025-11-24'], ['05-05-2025', '2025-05-05']]);
  });

  it('reads 05/11/2025 by the story\'s convention, and leaves it out without one', () => {
    expect(names('The order of 05/11/2025 stands.')).toEqual([]);
    expect(names('The order of 05/11/2025 stands.', 'dmy')).toEqual([['05/11/2025', '2025-11-05']]);
    expect(names('The order of 05/11/2025 stands.', 'mdy')).toEqual([['05/11/2025', '2025-05-11']]);
  });

  it('leaves out numbers that only look like dates', () => {
    expect(names('Version 1.12.2025.4 and case 10/11/2025/3 and 24/11/25 and 2025-13-01.', 'dmy')).toEqual([]);
  });
});

describe('findDates: tonight, weeks, months and a month without a year', () => {
  const monday = '2026-12-07T12:00:00Z';
  const names = (text: string, at = monday) => findDates(text, 'body', at).map((d) => [d.text, d.name]);

  it('reads "tonight", "last night", "last week", "next month", "this year"', () => {
    expect(names('The band plays tonight. Fire broke out last night.')).toEqual([['tonight', '2026-12-07'], ['last night', '2026-12-06']]);
    expect(names('Talks stalled last week and resume next week, this week being lost.')).toEqual([
      ['last week', '2026-11-30/2026-12-06'], ['next week', '2026-12-14/2026-12-20'], ['this week', '2026-12-07/2026-12-13'],
    ]);
    expect(names('Sales fell last month and will rise next month and next year.')).toEqual([['last month', '2026-11'], ['next month', '2027-01'], ['next year', '2027']]);
    expect(names('It was the last night of the festival, after the last week of talks, over the next month.')).toEqual([]);
  });

  it('reads "in March" as the coming March ahead, the last one back, the nearer otherwise', () => {
    expect(names('The bridge will reopen in March.')).toEqual([['March', '2027-03']]);
    expect(names('Prices rose in March.')).toEqual([['March', '2026-03']]);
    expect(names('Prices have doubled since March.')).toEqual([['March', '2026-03']]);
    expect(names('The bridge will reopen in December.')).toEqual([['December', '2026-12']]);
    expect(names('The budget is due in early March.', '2026-06-10T12:00:00Z')).toEqual([['March', '2027-03']]);
    expect(names('The budget passed in mid-March.', '2026-06-10T12:00:00Z')).toEqual([['March', '2026-03']]);
    // No tense before the month: the nearer one.
    expect(names('Elections in February are the test.')).toEqual([['February', '2027-02']]);
    expect(names('Elections in October were the test.')).toEqual([['October', '2026-10']]);
    expect(names('The minister said the law takes effect in March.')).toEqual([['March', '2027-03']]);
    expect(names('The minister said in March that the law had failed.')).toEqual([['March', '2026-03']]);
    expect(names('Confidence in May\'s cabinet fell, the government of May said.')).toEqual([]);
  });
});

describe('findDates: a weekday next to its date', () => {
  const monday = '2026-12-07T12:00:00Z';
  const names = (text: string) => findDates(text, 'body', monday).map((d) => [d.text, d.name]);

  it('trusts the date when the weekday contradicts it, and names one day', () => {
    expect(names('The vote is on Monday, Dec. 8.')).toEqual([['Dec. 8', '2026-12-08']]);
    expect(names('The vote is on Tuesday, Dec. 8.')).toEqual([['Tuesday', '2026-12-08'], ['Dec. 8', '2026-12-08']]);
    expect(names('The vote is on Tuesday 15 December.')).toEqual([['Tuesday', '2026-12-15'], ['15 December', '2026-12-15']]);
  });
});
