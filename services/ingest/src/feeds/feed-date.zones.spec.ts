import { normalizeSubmission } from '../articles/formats/normalize-draft';
import { feedDate } from './feed-date';
import { parseFeed } from './feed-parser';

describe('feed dates: zones (finding 5)', () => {
  it.each([
    ['Mon, 07 Dec 2026 23:30:00 IST', '2026-12-07T18:00:00.000Z'],
    ['Mon, 07 Dec 2026 23:30:00 PKT', '2026-12-07T18:30:00.000Z'],
    ['Mon, 07 Dec 2026 23:30:00 NPT', '2026-12-07T17:45:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 HKT', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 SGT', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 PHT', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 WIB', '2026-12-07T02:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 WITA', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 WIT', '2026-12-07T00:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 ICT', '2026-12-07T02:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 KST', '2026-12-07T00:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 CAT', '2026-12-07T07:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 EAT', '2026-12-07T06:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 WAT', '2026-12-07T08:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 SAST', '2026-12-07T07:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 AEST', '2026-12-06T23:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 AEDT', '2026-12-06T22:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 ACST', '2026-12-06T23:30:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 AWST', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 NZST', '2026-12-06T21:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 NZDT', '2026-12-06T20:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 ET', '2026-12-07T14:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 CT', '2026-12-07T15:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 MT', '2026-12-07T16:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 PT', '2026-12-07T17:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 GMT+8', '2026-12-07T01:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 UTC-03:00', '2026-12-07T12:00:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 GMT+0530', '2026-12-07T03:30:00.000Z'],
    ['Mon, 07 Dec 2026 09:00:00 +05', '2026-12-07T04:00:00.000Z'],
    ['2025-11-24T10:30:00+05', '2025-11-24T05:30:00.000Z'],
    ['2025-11-24 10:30:00 +01:00', '2025-11-24T09:30:00.000Z'],
    // Military letters are -0000, "UTC, local zone unknown" (RFC 2822, 4.3).
    ['Mon, 07 Dec 2026 09:00:00 A', '2026-12-07T09:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    expect(feedDate(value)).toBe(iso);
  });

  it.each(['Mon, 07 Dec 2026 09:00:00 XYZ', 'Mon, 07 Dec 2026 09:00:00 AST', 'Mon, 07 Dec 2026 09:00:00 GMT+25', '2026-02-30T10:00:00Z', '2025-11-31', '2026-12-07T24:30:00Z'])(
    'cannot read %j (an unknown zone was UTC, an impossible ISO date rolled over): the item gets its receive time', (value) => {
      expect(feedDate(value)).toBeUndefined();
    },
  );

  it('reads a leap second as :59 in ISO 8601 too, as RFC 822 dates already were', () => {
    expect(feedDate('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.000Z');
    expect(feedDate('Sat, 31 Dec 2016 23:59:60 GMT')).toBe('2016-12-31T23:59:59.000Z');
  });

  it('reads a date without a zone in the source\'s zone (DST-correct), else as UTC', () => {
    expect(feedDate('Mon, 07 Dec 2026 09:00:00', 'Asia/Kolkata')).toBe('2026-12-07T03:30:00.000Z');
    expect(feedDate('Tue, 07 Jul 2026 09:00:00', 'Europe/London')).toBe('2026-07-07T08:00:00.000Z');
    expect(feedDate('2026-12-07T09:00:00', 'America/New_York')).toBe('2026-12-07T14:00:00.000Z');
    expect(feedDate('Mon, 07 Dec 2026 09:00:00')).toBe('2026-12-07T09:00:00.000Z');
    expect(feedDate('Mon, 07 Dec 2026 09:00:00 GMT', 'Asia/Kolkata')).toBe('2026-12-07T09:00:00.000Z');
  });
});

const now = new Date('2026-12-07T21:20:00Z');
const rss = (pubDate: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
  <item><guid>item-1</guid><title>Delhi smog</title><description>NEW DELHI (Desk) — Smog closed schools.</description><pubDate>${pubDate}</pubDate></item>
</channel></rss>`;
const atom = (dates: string) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
  <entry><id>urn:desk:1</id><title>Storm</title><content type="text">MIAMI (Desk) — A storm.</content>${dates}</entry></feed>`;

describe('feed items and their dates (findings 1, 5 and 6)', () => {
  it('keeps an item with an unknown zone with its receive time, and notes why', () => {
    const [draft] = parseFeed(rss('Mon, 07 Dec 2026 20:30:00 XYZ')).items;
    expect(normalizeSubmission(draft, 'desk', now).article.publishedAt).toBe(now.toISOString());
    expect(draft.timeNotes).toEqual(['pubDate Mon, 07 Dec 2026 20:30:00 XYZ cannot be read as a date; the receive time is used']);
  });

  it('keeps an item dated further ahead (a scheduled post) with its receive time instead of refusing it', () => {
    const [draft] = parseFeed(rss('Mon, 14 Dec 2026 09:00:00 GMT')).items;
    const { article, inheritsPublishedAt } = normalizeSubmission(draft, 'desk', now);
    expect(article.publishedAt).toBe(now.toISOString());
    expect(inheritsPublishedAt).toBe(true);
    expect(draft.timeNotes).toEqual([expect.stringMatching(/^pubDate 2026-12-14T09:00:00.000Z lies more than 15 minutes after/)]);
  });

  it('reads a feed\'s dates without a zone in the source\'s zone', () => {
    const [draft] = parseFeed(rss('Mon, 07 Dec 2026 23:30:00'), undefined, 'Asia/Kolkata').items;
    expect(normalizeSubmission(draft, 'desk', now, { timeZone: 'Asia/Kolkata' }).article.publishedAt).toBe('2026-12-07T18:00:00.000Z');
  });

  it('takes an Atom entry\'s updated as its version time only: without published, a later version keeps the stored publishedAt', () => {
    const [updatedOnly] = parseFeed(atom('<updated>2026-12-07T10:00:00Z</updated>')).items;
    expect(updatedOnly.firstCreated).toBeUndefined();
    expect(normalizeSubmission(updatedOnly, 'desk', now)).toMatchObject({ inheritsPublishedAt: true, article: { publishedAt: '2026-12-07T10:00:00.000Z', updatedAt: '2026-12-07T10:00:00.000Z' } });
    const [published] = parseFeed(atom('<published>2026-12-06T10:00:00Z</published><updated>2026-12-07T10:00:00Z</updated>')).items;
    expect(normalizeSubmission(published, 'desk', now)).toMatchObject({ inheritsPublishedAt: false, article: { publishedAt: '2026-12-06T10:00:00.000Z' } });
  });
});
