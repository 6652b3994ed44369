import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemOf } from './input-problem';
import { normalizeDraft, normalizeSubmission } from './normalize-draft';
import { parseSubmission } from './parse-submission';

/** Times as each pushed format writes them, read at the audit's clock (2026-12-07 ~21:20Z). */
const now = new Date('2026-12-07T21:20:00Z');
const BODY = 'MIAMI (AP) — A storm hit the coast on Sunday, officials said.';

/** The article as normalised (a refusal throws here), and whether it is to keep the stored publishedAt. */
function submit(type: string, text: string, timeZone?: string) {
  const parse = () => parseSubmission(type, Buffer.from(text));
  const article = normalizeDraft(parse(), 'desk', now, { timeZone });
  return { article, get inheritsPublishedAt() { return normalizeSubmission(parse(), 'desk', now, { timeZone }).inheritsPublishedAt; } };
}
const native = (fields: object, timeZone?: string) =>
  submit('application/json', JSON.stringify({ sourceItemId: 'corr-1', headline: 'Storm hits coast', body: BODY, language: 'en', ...fields }), timeZone);
const ninjs = (fields: object, timeZone?: string) => submit('application/ninjs+json', JSON.stringify({
  uri: 'urn:desk:corr-1', headlines: [{ role: 'main', value: 'Storm hits coast' }], bodies: [{ role: 'main', contenttype: 'text/plain', value: BODY }], language: 'en', ...fields,
}), timeZone);
const g2 = (itemMeta: string, timeZone?: string) => submit('application/xml', `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:desk:corr-1" version="1" standard="NewsML-G2" standardversion="2.33">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:DESK"/>${itemMeta}</itemMeta>
  <contentMeta><headline>Storm hits coast</headline><language tag="en"/></contentMeta>
  <contentSet><inlineData contenttype="text/plain">${BODY}</inlineData></contentSet>
</newsItem>`, timeZone);
const nitf = (docdata: string, timeZone?: string, status = '') => submit('application/xml', `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">
  <head><docdata${status && ` management-status="${status}"`}><doc-id regsrc="DESK" id-string="corr-1"/>${docdata}</docdata></head>
  <body><body.head><hedline><hl1>Storm hits coast</hl1></hedline></body.head><body.content><p>${BODY}</p></body.content></body>
</nitf>`, timeZone);

describe('a correction without a first-created time keeps the stored publishedAt (finding 1)', () => {
  it.each([
    ['native JSON without publishedAt', () => native({ updatedAt: '2026-12-07T09:00:00-05:00' })],
    ['ninjs with versioncreated only', () => ninjs({ versioncreated: '2026-12-07T11:00:00+01:00' })],
    ['ninjs 3.x with versionCreated only', () => ninjs({ versionCreated: '2026-12-07T11:00:00+01:00' })],
    ['NewsML-G2 without firstCreated', () => g2('<versionCreated>2026-12-07T11:00:00+01:00</versionCreated>')],
    ['NITF without date.issue', () => nitf('')],
  ])('%s: its publishedAt is a stand-in, flagged for the store to replace', (_name, submitted) => {
    expect(submitted().inheritsPublishedAt).toBe(true);
  });

  it.each([
    ['native JSON publishedAt', () => native({ publishedAt: '2026-12-06T14:00:00-05:00', updatedAt: '2026-12-07T09:00:00-05:00' }), '2026-12-06T19:00:00.000Z'],
    ['ninjs firstcreated', () => ninjs({ firstcreated: '2026-12-06T10:00:00+01:00', versioncreated: '2026-12-07T11:00:00+01:00' }), '2026-12-06T09:00:00.000Z'],
    ['NewsML-G2 firstCreated', () => g2('<firstCreated>2026-12-06T10:00:00+01:00</firstCreated><versionCreated>2026-12-07T11:00:00+01:00</versionCreated>'), '2026-12-06T09:00:00.000Z'],
    ['NITF date.issue', () => nitf('<date.issue norm="20261206T090000Z"/>'), '2026-12-06T09:00:00.000Z'],
  ])('%s: a version that states its first-created time keeps its own', (_name, submitted, publishedAt) => {
    expect(submitted()).toMatchObject({ inheritsPublishedAt: false, article: { publishedAt } });
  });

  it('leaves the content hash alone: a resend with or without its first-created time is the same version', () => {
    const stated = native({ publishedAt: '2026-12-06T14:00:00-05:00', updatedAt: '2026-12-07T09:00:00-05:00' }).article;
    expect(native({ updatedAt: '2026-12-07T09:00:00-05:00' }).article.contentHash).toBe(stated.contentHash);
  });
});

describe('times without an offset (finding 2)', () => {
  it('are wall-clock times in the source\'s zone, in every format', () => {
    expect(native({ publishedAt: '2026-12-07T09:00:00', embargoedUntil: '2026-12-08T06:00:00' }, 'America/New_York').article)
      .toMatchObject({ publishedAt: '2026-12-07T14:00:00.000Z', embargoedUntil: '2026-12-08T11:00:00.000Z' });
    expect(ninjs({ firstcreated: '2026-12-08T06:00:00', embargoed: '2026-12-08T09:00:00' }, 'Asia/Tokyo').article)
      .toMatchObject({ publishedAt: '2026-12-07T21:00:00.000Z', embargoedUntil: '2026-12-08T00:00:00.000Z' });
    expect(g2('<firstCreated>2026-12-07T16:00:00</firstCreated><embargoed>2026-12-07T18:00:00</embargoed>', 'America/New_York').article)
      .toMatchObject({ publishedAt: '2026-12-07T21:00:00.000Z', embargoedUntil: '2026-12-07T23:00:00.000Z' });
    // The audit's NITF: New York local, so the release was really 01:52Z the next day (it was lifted at once).
    expect(nitf('<date.issue norm="20261207T161216"/><date.release norm="20261207T205216"/>', 'America/New_York').article)
      .toMatchObject({ publishedAt: '2026-12-07T21:12:16.000Z', embargoedUntil: '2026-12-08T01:52:16.000Z' });
  });

  it('are UTC without a source zone, for the document\'s own times', () => {
    expect(native({ publishedAt: '2026-12-07T09:00:00' }).article.publishedAt).toBe('2026-12-07T09:00:00.000Z');
    expect(nitf('<date.issue norm="20261207T090000"/>').article.publishedAt).toBe('2026-12-07T09:00:00.000Z');
  });

  it.each([
    ['native JSON', () => native({ embargoedUntil: '2026-12-08T06:00:00' }), 'embargoedUntil'],
    ['ninjs', () => ninjs({ embargoed: '2026-12-08T06:00:00' }), 'embargoed'],
    ['NewsML-G2 (xs:dateTime without a zone)', () => g2('<embargoed>2026-12-07T18:00:00</embargoed>'), 'embargoed'],
    ['NITF embargoed', () => nitf('<date.release norm="20251207T205216"/>', undefined, 'embargoed'), 'date.release'],
    ['NITF date.release ahead under some zone', () => nitf('<date.release norm="20261207T205216"/>'), 'date.release'],
  ])('refuse an embargo without a source zone (%s), naming the field and both fixes', (_name, submitted, field) => {
    const problem = problemOf(submitted);
    expect(problem).toMatchObject({ status: 422, rule: 'embargo-needs-offset', field });
    expect(problem.message).toMatch(new RegExp(`^${field.replace('.', '\\.')} .* has no UTC offset`));
    expect(problem.message).toMatch(/with its offset.*timeZone/);
  });

  it('take an NITF date.release without a zone that has passed under every zone as no embargo', () => {
    expect(nitf('<date.release norm="20251124T093000"/>').article.embargoedUntil).toBeUndefined();
  });
});

describe('times ahead of the clock (findings 3 and 6)', () => {
  it.each([
    ['native updatedAt', () => native({ updatedAt: '2026-12-08T06:26:48' }), 'updatedAt'],
    ['native publishedAt 23 h ahead', () => native({ publishedAt: '2026-12-08T20:00:00Z' }), 'publishedAt'],
    ['ninjs versioncreated', () => ninjs({ versioncreated: '2026-12-07T22:00:00Z' }), 'versioncreated'],
    ['NewsML-G2 firstCreated', () => g2('<firstCreated>2026-12-07T22:00:00Z</firstCreated>'), 'firstCreated'],
    ['NITF date.issue', () => nitf('<date.issue norm="20261207T220000Z"/>'), 'date.issue'],
  ])('refuse %s more than 15 minutes ahead, naming the field, the value and the server\'s time', (_name, submitted, field) => {
    const problem = problemOf(submitted);
    expect(problem).toMatchObject({ status: 422, rule: 'timestamp-in-future', field });
    expect(problem.message).toMatch(new RegExp(`^${field} .*lies more than 15 minutes after the server's time 2026-12-07T21:20:00.000Z`));
  });

  it('take a kill whatever its times: ahead of the clock they are its receive time', () => {
    const kill = native({ pubStatus: 'canceled', publishedAt: '2026-12-09T00:00:00Z', updatedAt: '2026-12-08T06:26:48' });
    expect(kill.article).toMatchObject({ pubStatus: 'canceled', updatedAt: now.toISOString(), publishedAt: now.toISOString() });
    // Its publishedAt could not stand: the stored version's is kept.
    expect(kill.inheritsPublishedAt).toBe(true);
    expect(ninjs({ pubstatus: 'canceled', versioncreated: '2026-02-30T10:00:00Z' }).article.updatedAt).toBe(now.toISOString());
    expect(g2('<pubStatus qcode="stat:canceled"/><embargoed>2026-12-08T06:00:00</embargoed>').article.embargoedUntil).toBeUndefined();
  });
});

describe('impossible dates (finding 7) and leap seconds (finding 14)', () => {
  it.each([
    ['native publishedAt', () => native({ publishedAt: '2026-02-30T10:00:00Z' }), 'publishedAt', '2026-02-30T10:00:00Z'],
    ['ninjs firstcreated', () => ninjs({ firstcreated: '2025-11-31T00:00:00Z' }), 'firstcreated', '2025-11-31T00:00:00Z'],
    ['NewsML-G2 embargoed', () => g2('<embargoed>2027-02-30T09:00:00Z</embargoed>'), 'embargoed', '2027-02-30T09:00:00Z'],
    ['NITF date.issue', () => nitf('<date.issue norm="20260230T100000Z"/>'), 'date.issue', '2026-02-30T10:00:00Z'],
    ['NITF 24:30', () => nitf('<date.issue norm="20261206T243000Z"/>'), 'date.issue', '2026-12-06T24:30:00Z'],
  ])('refuse %s as invalid-date, naming field and value', (_name, submitted, field, value) => {
    const problem = problemOf(submitted);
    expect(problem).toMatchObject({ status: 422, rule: 'invalid-date', field });
    expect(problem.message).toContain(`${field} ${value} is no real date and time`);
  });

  it('read :60 as :59 in every format', () => {
    expect(native({ publishedAt: '2016-12-31T23:59:60Z' }).article.publishedAt).toBe('2016-12-31T23:59:59.000Z');
    expect(ninjs({ firstcreated: '2016-12-31T23:59:60+00:00' }).article.publishedAt).toBe('2016-12-31T23:59:59.000Z');
    expect(g2('<versionCreated>2016-12-31T23:59:60Z</versionCreated>').article.updatedAt).toBe('2016-12-31T23:59:59.000Z');
    expect(nitf('<date.issue norm="20161231T235960Z"/>').article.publishedAt).toBe('2016-12-31T23:59:59.000Z');
  });
});

describe('expiry (finding 11)', () => {
  it('is read from native expiresAt, ninjs expires, NITF date.expire and NewsML-G2 itemMeta/expires', () => {
    expect(native({ expiresAt: '2027-01-01T00:00:00+01:00' }).article.expiresAt).toBe('2026-12-31T23:00:00.000Z');
    expect(ninjs({ expires: '2027-01-01T00:00:00Z' }).article.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(nitf('<date.expire norm="20270101T000000Z"/>').article.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(g2('<expires>2027-01-01T00:00:00Z</expires>').article.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(nitf('<date.expire norm="20270101T000000"/>', 'Europe/Paris').article.expiresAt).toBe('2026-12-31T23:00:00.000Z');
  });

  it('counts in the content hash when given, so a resend is a duplicate and an added expiry a new version', () => {
    const plain = native({}).article;
    const expiring = native({ expiresAt: '2027-01-01T00:00:00Z' }).article;
    expect(expiring.contentHash).not.toBe(plain.contentHash);
    expect(native({ expiresAt: '2027-01-01T00:00:00Z' }).article.contentHash).toBe(expiring.contentHash);
    expect(native({ expiresAt: '2027-01-02T00:00:00Z' }).article.contentHash).not.toBe(expiring.contentHash);
  });

  it.each([
    ['native expiresAt', () => native({ expiresAt: '2025-11-25T00:00:00Z' }), 'expiresAt'],
    ['ninjs expires', () => ninjs({ expires: '2023-05-31T00:00:00+02:00' }), 'expires'],
    ['NITF date.expire (the audit\'s)', () => nitf('<date.expire norm="20251125T000000Z"/>'), 'date.expire'],
    ['NewsML-G2 expires', () => g2('<expires>2026-12-07T21:00:00Z</expires>'), 'expires'],
  ])('refuses a usable version already expired at receipt (%s)', (_name, submitted, field) => {
    const problem = problemOf(submitted);
    expect(problem).toMatchObject({ status: 422, rule: 'already-expired', field });
    expect(problem.message).toMatch(new RegExp(`^${field} .* has passed, the server's time is 2026-12-07T21:20:00.000Z`));
  });

  it('never refuses a kill for an expiry that passed', () => {
    expect(ninjs({ pubstatus: 'canceled', expires: '2023-05-31T00:00:00+02:00' }).article.pubStatus).toBe('canceled');
  });

  it('refuses TT\'s real ninjs 3.x story today (expired 2023-05-31), and takes its kill', () => {
    const wire = (name: string) => normalizeSubmission(parseSubmission('application/json', readFileSync(join(__dirname, 'fixtures', 'wire', name))), 'tt', now);
    expect(problemOf(() => wire('ninjs3-tt_text_image_2.excerpt.json'))).toMatchObject({ rule: 'already-expired', field: 'expires' });
    expect(wire('ninjs3-tt-KILL-derived.json').article).toMatchObject({ pubStatus: 'canceled', expiresAt: '2023-05-30T22:00:00.000Z' });
  });
});
