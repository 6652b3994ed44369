import { extractEntities } from './extract-entities';
import { loadGazetteer } from './gazetteer';
import { ArticleText } from './types';

/** The date entities of a whole article: the day its place and its release give "today". */
describe('extractEntities: the day relative dates are read from', () => {
  const gazetteer = loadGazetteer();
  const dates = (article: ArticleText) => {
    const { entities, primaryLocation } = extractEntities(article, { gazetteer });
    return { dates: entities.filter((e) => e.type === 'date').map((e) => `${e.surfaceForms.join('|')}=>${e.name}`).sort(), zone: primaryLocation?.timezone };
  };

  it('reads them in the primary location\'s local day when there is no dateline, as the weather stage does', () => {
    // 09:30 UTC on Monday 7 December is still Sunday 6 December, 23:30, in Honolulu.
    const story = { headline: 'Honolulu braces for storm', body: 'Officials in Honolulu said today that the storm would arrive on Tuesday.', publishedAt: '2026-12-07T09:30:00Z' };
    expect(dates(story)).toEqual({ dates: ['Tuesday=>2026-12-08', 'today=>2026-12-06'], zone: 'Pacific/Honolulu' });
  });

  it('reads them in the dateline\'s day, which is the primary location\'s', () => {
    const story = { headline: 'Storm nears', body: 'HONOLULU (AP) — Officials said today that the storm would arrive on Tuesday.', publishedAt: '2026-12-07T09:30:00Z' };
    expect(dates(story)).toEqual({ dates: ['Tuesday=>2026-12-08', 'today=>2026-12-06'], zone: 'Pacific/Honolulu' });
  });

  it('reads them in the primary location\'s day when the text settles which place the dateline names', () => {
    // 05:30 UTC on 7 December: 00:30 on the 7th in Portland, Maine, 21:30 on the 6th in Portland, Oregon.
    const at = '2026-12-07T05:30:00Z';
    expect(dates({ headline: 'Storm', body: 'PORTLAND (AP) — Maine officials said today the storm hit Bangor and Augusta, Maine.', publishedAt: at }))
      .toEqual({ dates: ['today=>2026-12-07'], zone: 'America/New_York' });
    expect(dates({ headline: 'Storm', body: 'PORTLAND (AP) — Oregon officials said today the storm hit Salem and Eugene, Oregon.', publishedAt: at }))
      .toEqual({ dates: ['today=>2026-12-06'], zone: 'America/Los_Angeles' });
  });

  it('keeps UTC\'s day without any place', () => {
    const story = { headline: 'Markets', body: 'Shares fell today after the report.', publishedAt: '2026-12-07T09:30:00Z' };
    expect(dates(story)).toEqual({ dates: ['today=>2026-12-07'], zone: undefined });
  });

  it('reads an embargoed story\'s "today" as its release day, in its place', () => {
    const story = {
      headline: 'Budget day', body: 'WELLINGTON (Reuters) — The budget will be delivered today, the finance minister said.',
      publishedAt: '2026-12-07T20:00:00Z', embargoedUntil: '2026-12-10T01:00:00+13:00',
    };
    expect(dates(story).dates).toEqual(['today=>2026-12-10']);
    // An embargo that ended before publication changes nothing (8 December, 09:00 in Wellington).
    expect(dates({ ...story, embargoedUntil: '2026-12-07T10:00:00Z' }).dates).toEqual(['today=>2026-12-08']);
  });

  it('reads an ambiguous numeric date by the language tag\'s region or the dateline\'s country, and skips it without either', () => {
    const body = (dateline: string) => `${dateline}The decree dated 05/11/2025 was published on 24/11/2025.`;
    const at = '2026-12-07T12:00:00Z';
    expect(dates({ headline: 'Decree', body: body('ROME (Reuters) — '), publishedAt: at }).dates).toEqual(['05/11/2025=>2025-11-05', '24/11/2025=>2025-11-24']);
    expect(dates({ headline: 'Decree', body: body('CHICAGO (AP) — '), publishedAt: at }).dates).toEqual(['05/11/2025=>2025-05-11', '24/11/2025=>2025-11-24']);
    expect(dates({ headline: 'Decree', body: body(''), publishedAt: at }).dates).toEqual(['24/11/2025=>2025-11-24']);
    expect(dates({ headline: 'Decree', body: body(''), publishedAt: at, languageTag: 'en-GB' }).dates).toEqual(['05/11/2025=>2025-11-05', '24/11/2025=>2025-11-24']);
  });
});
