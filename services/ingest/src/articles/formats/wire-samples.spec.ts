import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Article } from '@newsflow/contracts';
import { ArticleDraft } from './article-draft';
import { htmlToText, sanitizeHtml } from './html-body';
import { problemOf } from './input-problem';
import { normalizeDraft } from './normalize-draft';
import { parseSubmission } from './parse-submission';

// Real agency documents (and a few derived from them), origin and licence in fixtures/wire/ORIGIN.md.
const sample = (name: string) => readFileSync(join(__dirname, 'fixtures', 'wire', name));
/** When the wire audit pushed the embargo samples: date.release lies 3 days, 6 h and 40 s (the lift) before… after this. */
const now = new Date('2026-12-07T15:47:00Z');

function draftOf(name: string, contentType = name.endsWith('.json') ? 'application/json' : 'application/xml', body = sample(name)): ArticleDraft {
  return parseSubmission(contentType, body);
}
function articleOf(name: string, contentType?: string, body?: Buffer, at = now): Article {
  return normalizeDraft(draftOf(name, contentType, body), 'wire', at);
}
const problem = problemOf;
const xmlWith = (name: string, edit: (xml: string) => string) => Buffer.from(edit(sample(name).toString('latin1')), 'latin1');

describe('NITF date.release is the embargo, not the version time (W1)', () => {
  it('takes an embargo three days ahead (it was refused as an updatedAt after tomorrow)', () => {
    const article = articleOf('pa1-EMBARGO-derived.xml');
    expect(article).toMatchObject({ embargoedUntil: '2026-12-10T15:46:34.000Z', publishedAt: '2015-10-14T03:30:01.000Z' });
    expect(article.updatedAt).toBeUndefined();
    expect(article.pubStatus).toBeUndefined();
  });

  it('lets an early lift through: no future updatedAt on the embargoed version, none on the lift, a changed hash', () => {
    const embargoed = articleOf('pa1-EMBARGO6h-derived.xml');
    const lifted = articleOf('pa1-EMBARGO6h-LIFT-derived.xml');
    expect(embargoed).toMatchObject({ embargoedUntil: '2026-12-07T21:46:35.000Z', id: lifted.id });
    // The stale guard compares updatedAt: a version time taken from date.release made the lift "older".
    expect(embargoed.updatedAt).toBeUndefined();
    expect(lifted.updatedAt).toBeUndefined();
    expect(lifted.embargoedUntil).toBeUndefined();
    expect(lifted.contentHash).not.toBe(embargoed.contentHash);
  });

  it('treats a future date.release without the embargoed status as an embargo, a past one as nothing', () => {
    const future = articleOf('pa1.xml', undefined, xmlWith('pa1.xml', (x) => x.replace(/(<date\.issue[^>]*\/>)/, '$1<date.release norm="20261208T060000Z"/>')));
    expect(future.embargoedUntil).toBe('2026-12-08T06:00:00.000Z');
    const past = articleOf('pa1.xml', undefined, xmlWith('pa1.xml', (x) => x.replace(/(<date\.issue[^>]*\/>)/, '$1<date.release norm="20151014T050000Z"/>')));
    expect(past.embargoedUntil).toBeUndefined();
    expect(past.updatedAt).toBeUndefined();
  });

  it('holds back an embargo without its time (withheld) rather than publishing it', () => {
    const xml = xmlWith('pa1-EMBARGO-derived.xml', (x) => x.replace(/<date\.release[^>]*\/>/, ''));
    expect(articleOf('x.xml', 'application/xml', xml)).toMatchObject({ pubStatus: 'withheld' });
  });

  it('names date.release, not embargoedUntil or updatedAt, when it is no date', () => {
    const xml = xmlWith('pa1-EMBARGO-derived.xml', (x) => x.replace(/norm="20261210T154634Z"/, 'norm="next Tuesday"'));
    expect(problem(() => articleOf('x.xml', 'application/xml', xml))).toMatchObject({ field: 'date.release', message: expect.stringMatching(/^date\.release /) });
  });
});

describe('publishedAt from the document before the arrival time (W2)', () => {
  it('takes NewsML-G2 contentCreated when there is no firstCreated, never after updatedAt', () => {
    const article = articleOf('iptc-listing2-text.xml');
    expect(article).toMatchObject({ publishedAt: '2016-11-21T20:21:06.000Z', updatedAt: '2017-11-21T21:25:32.000Z' });
  });

  it('takes ninjs versioncreated when it is the only time', () => {
    expect(articleOf('ninjs2-dpa_text.json')).toMatchObject({ publishedAt: '2019-05-10T14:02:28.000Z', updatedAt: '2019-05-10T14:02:28.000Z' });
  });

  it('keeps the receive time as the last resort', () => {
    const xml = xmlWith('iptc-listing2-text.xml', (x) => x.replace(/<versionCreated>[^<]*<\/versionCreated>|<contentCreated>[^<]*<\/contentCreated>/g, ''));
    expect(articleOf('x.xml', 'application/xml', xml).publishedAt).toBe(now.toISOString());
  });
});

describe('the format\'s own language and place (W3, I5)', () => {
  it('reads NITF baselang and evloc (EFE), and the dateline element (NTB)', () => {
    expect(articleOf('efe_nitf.xml')).toMatchObject({ language: 'en-US', dateline: 'Tegucigalpa' });
    expect(articleOf('nitf-ntb.excerpt.xml')).toMatchObject({ language: 'nb-NO', dateline: 'Oslo' });
  });

  it('takes the dateline element\'s location, without its date, when the text has no dateline', () => {
    expect(articleOf('nitf-dateline-element-SYNTHETIC.xml').dateline).toBe('GENEVA');
  });

  it('prefers the text\'s own dateline', () => {
    expect(articleOf('ap-nitf-IDSTRING-DOCTYPE-derived.xml').dateline).toBe('NEW YORK (AP)');
  });

  it('reads NewsML-G2 located (name, else literal) and ninjs located', () => {
    expect(articleOf('iptc-listing2-text.xml').dateline).toBe('New York, NY');
    expect(articleOf('ansa-newsmlg2-text.xml').dateline).toBe('Rome');
    expect(articleOf('ninjs1-superdesk-aap.json').dateline).toBe('Milton Keynes');
  });

  it('takes no G2 dateline that is only a time (Reuters writes one there)', () => {
    expect(articleOf('reuters-g2-opta.xml').dateline).toBeUndefined();
    const xml = xmlWith('reuters-g2-opta.xml', (x) => x.replace(/<dateline>[^<]*<\/dateline>/, '<dateline>LISBON</dateline>'));
    expect(articleOf('x.xml', 'application/xml', xml).dateline).toBe('LISBON');
  });
});

describe('NewsML-G2 carrying NITF in inlineXML (W4)', () => {
  const article = articleOf('iptc-listing2-text.xml');

  it('takes body.content as the body, without the hl1 and byline', () => {
    expect(article.body).toMatch(/^\(New York, NY - October 21\) Et, sent luptat/);
    expect(article.body).not.toContain('Fed to halt');
    expect(article.body).not.toContain('Staff Reporter');
    expect(article.bodyHtml).toMatch(/^<p>\(New York/);
    expect(article.body.split('\n\n')).toHaveLength(2);
  });

  it('takes the NITF byline, with its title apart', () => {
    expect(article.byline).toBe('By Meredith Jameson, Staff Reporter');
    expect(article.headline).toBe('Fed to halt QE to avert "bubble"');
  });
});

describe('ninjs 3.x camelCase (W5)', () => {
  // As TT sent them: both expire on 2023-05-31, and today the first would be refused as expired.
  const sentAt = new Date('2021-05-26T14:00:00Z');
  const first = articleOf('ninjs3-tt_text_image_2.excerpt.json', undefined, undefined, sentAt);
  const kill = articleOf('ninjs3-tt-KILL-derived.json', undefined, undefined, sentAt);

  it('reads versionCreated, pubStatus, copyrightHolder and the text/html body', () => {
    expect(first).toMatchObject({ format: 'ninjs', updatedAt: '2021-05-26T11:40:18.000Z', publishedAt: '2021-05-26T11:40:18.000Z', language: 'sv', source: { name: 'TT' } });
    expect(first.bodyHtml).toContain('<blockquote>Aurora 2023');
    expect(first.bodyHtml).not.toContain('<title>');
    expect(draftOf('ninjs3-tt_text_image_2.excerpt.json').unknownFields).not.toEqual(expect.arrayContaining(['versionCreated', 'pubStatus', 'copyrightHolder']));
  });

  it('reads a 3.x kill as canceled, a new version (it was a duplicate)', () => {
    expect(kill).toMatchObject({ id: first.id, pubStatus: 'canceled', updatedAt: '2021-05-26T13:40:18.000Z' });
    expect(kill.contentHash).not.toBe(first.contentHash);
  });

  it('names 3.x fields as 3.x writes them', () => {
    const doc = JSON.parse(sample('ninjs3-tt_text_image_2.excerpt.json').toString('utf8'));
    const refused = problem(() => normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify({ ...doc, versionCreated: 'yesterday' }))), 'wire', now));
    expect(refused).toMatchObject({ field: 'versionCreated' });
  });
});

describe('NewsML-G2 inlineData content type (W6)', () => {
  it('reads text/html inlineData as HTML', () => {
    const article = articleOf('ansa-inlineData-HTML-derived.xml');
    expect(article.body).toMatch(/^\(ANSA\) - Rome, October 11/);
    expect(article.body).not.toContain('<p>');
    expect(article.bodyHtml).toMatch(/^<p>\s*\(ANSA\)/);
  });

  it('reads text/plain that is visibly HTML (ANSA\'s) as HTML too', () => {
    const article = articleOf('ansa-newsmlg2-text.xml');
    expect(article.body).toMatch(/^\(ANSA\) - Rome/);
    expect(article.bodyHtml).not.toContain('&lt;p&gt;');
  });

  it('keeps plain text that only mentions a tag as text', () => {
    const xml = xmlWith('ansa-newsmlg2-text.xml', (x) => x.replace(/<!\[CDATA\[[\s\S]*\]\]>/, 'Shares rose &lt;2% in Rome.'));
    expect(articleOf('x.xml', 'application/xml', xml).body).toBe('Shares rose <2% in Rome.');
  });
});

describe('NITF bylines with a title (W8)', () => {
  it('keeps AP\'s byttl apart from the name', () => {
    expect(articleOf('ap-nitf-IDSTRING-DOCTYPE-derived.xml').byline).toBe('By BERNARD CONDON, AP Business Writer');
  });

  it('maps NITF hl2 subheads in the body to h2 (W13)', () => {
    const article = articleOf('nitf-ntb.excerpt.xml');
    expect(article.bodyHtml).toContain('<h2>P&#229;stand</h2>');
    expect(article.body).toContain('\n\nPåstand\n\n');
  });
});

describe('NITF media (W13)', () => {
  it('reads NITF <media> as media, not as a caption running on at the end of the body', () => {
    const ntb = articleOf('nitf-ntb.excerpt.xml');
    expect(ntb.body).not.toContain('Foto: NTB');
    expect(ntb.media).toBeUndefined(); // its media-reference is an id, not a URL
    const xml = xmlWith('nitf-ntb.excerpt.xml', (x) => x.replace('source="iJIJyyF0tiE"', 'source="https://example.com/a.jpg"'));
    expect(articleOf('x.xml', 'application/xml', xml).media).toEqual([{ url: 'https://example.com/a.jpg', type: 'image/jpeg', caption: 'Foto: NTB / Scanpix, montasje av Faktisk.no' }]);
  });
});

describe('refusals in the sender\'s terms (W10)', () => {
  it('names doc-id@id-string for AP NITF without an id', () => {
    expect(problem(() => articleOf('ap-nitf.xml'))).toMatchObject({ rule: 'required', field: 'doc-id@id-string', message: 'doc-id@id-string is required' });
  });

  it('reads Superdesk\'s ninjs (guid, no uri) as ninjs, sent as JSON or as ninjs', () => {
    for (const type of ['application/json', 'application/ninjs+json']) {
      expect(articleOf('ninjs1-superdesk-aap.json', type)).toMatchObject({ format: 'ninjs', sourceItemId: 'urn:newsml:localhost:2017-08-24T14:37:19.783611:c044162e-7f40-4d04-b700-49b6a66e652c', byline: 'Peter and Jane' });
    }
  });

  it('names ninjs\'s body fields when there is no body', () => {
    const doc = JSON.parse(sample('ninjs2-ntb_text.json').toString('utf8'));
    delete doc.bodies;
    const refused = problem(() => normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify(doc))), 'wire', now));
    expect(refused).toMatchObject({ rule: 'required', field: 'bodies', message: expect.stringMatching(/^bodies is required .*body_html/) });
  });
});

describe('media URLs (W11)', () => {
  it('drops a javascript: media URL and lists it back, keeping the story', () => {
    const draft = draftOf('native-media-javascript-SYNTHETIC.json');
    const article = normalizeDraft(draft, 'wire', now);
    expect(article.media).toBeUndefined();
    expect(draft.unknownFields).toContain('media.0.url');
  });

  it('drops ANSA\'s tag: URI rendition', () => {
    expect(articleOf('ansa-newsmlg2-text.xml').media).toBeUndefined();
  });

  it('keeps http(s) media', () => {
    const doc = JSON.parse(sample('native-media-javascript-SYNTHETIC.json').toString('utf8'));
    doc.media.push({ url: 'https://example.com/a.jpg' });
    const article = normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify(doc))), 'wire', now);
    expect(article.media).toEqual([{ url: 'https://example.com/a.jpg' }]);
  });
});

describe('prefixed XHTML in NewsML-G2 (W12)', () => {
  it('keeps the paragraphs of <x:p> markup as of unprefixed markup', () => {
    const plain = articleOf('reuters-g2-opta.xml');
    const prefixed = articleOf('reuters-g2-PREFIXED-derived.xml');
    expect(prefixed.body).toBe(plain.body);
    expect(prefixed.bodyHtml).toBe(plain.bodyHtml);
    expect(plain.body).toMatch(/^Jan 3 \(OPTA\) - Results[\s\S]*Estoril v Feirense\s+\(2100\/2100\)$/);
  });

  it('keeps <x:p> paragraphs apart (they were glued: "First para.Second para.")', () => {
    const xml = xmlWith('reuters-g2-PREFIXED-derived.xml', (x) => x.replace(/(<x:body[^>]*>)[\s\S]*?(<\/x:body>)/, '$1<x:p>First para.</x:p><x:p>Second para.</x:p>$2'));
    const article = articleOf('x.xml', 'application/xml', xml);
    expect(article.body).toBe('First para.\n\nSecond para.');
    expect(article.bodyHtml).toBe('<p>First para.</p><p>Second para.</p>');
  });
});

describe('NewsML-G2 summary (W13)', () => {
  it('takes no caption for the summary, and a summary on one line', () => {
    expect(articleOf('reuters-g2-opta.xml').summary).toBeUndefined();
    const xml = xmlWith('reuters-g2-opta.xml', (x) => x.replace('descRole:caption', 'descRole:summary'));
    expect(articleOf('x.xml', 'application/xml', xml).summary).toMatch(/^SOCCER-PORTUGAL\/RESULTS \(UPDATE 2\):UPDATE 2-Primeira Liga Results$/);
  });
});

describe('Unicode NFC at ingest (I2)', () => {
  const story = { sourceItemId: 'munster-1', headline: 'Talks in Münster', body: 'MÜNSTER (dpa) - Iran said on Monday it would resume talks.', summary: 'Münster', byline: 'Jürgen Müller' };
  const normalize = (doc: object) => normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify(doc))), 'wire', now);

  it('stores NFD text as NFC, with its dateline, and one content hash for both', () => {
    const nfc = normalize(story);
    const nfd = normalize(Object.fromEntries(Object.entries(story).map(([k, v]) => [k, k === 'sourceItemId' ? v : v.normalize('NFD')])));
    expect(nfd.body).not.toBe(story.body.normalize('NFD'));
    expect(nfd).toMatchObject({ headline: nfc.headline, body: nfc.body, bodyHtml: nfc.bodyHtml, summary: 'Münster', byline: 'Jürgen Müller', dateline: 'MÜNSTER (dpa)' });
    expect(nfd.contentHash).toBe(nfc.contentHash);
  });

  it('normalises HTML bodies too', () => {
    expect(normalize({ ...story, body: undefined, bodyHtml: '<p>Zu\u0308rich</p>' }).body).toBe('Zürich');
  });
});

describe('headline no-break spaces (I9)', () => {
  it('keeps no-break, narrow no-break and ideographic spaces, collapsing ordinary whitespace', () => {
    const headline = 'Macron\u202f: «\u00a0Nous ne céderons pas\u00a0»\u00a0?  \n Tokyo\u3000report';
    const article = normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify({ sourceItemId: 'nbsp', headline, body: 'Text.' }))), 'wire', now);
    expect(article.headline).toBe('Macron\u202f: «\u00a0Nous ne céderons pas\u00a0»\u00a0? Tokyo\u3000report');
  });
});

describe('bidi and ruby markup (I10)', () => {
  it('keeps dir, lang, bdi, bdo and ruby, and drops furigana from the text', () => {
    const html = sanitizeHtml('<p dir="rtl" lang="ar">مرحبا <bdi>Zürich</bdi> <bdo dir="ltr">abc</bdo></p><p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で会見</p>');
    expect(html).toBe('<p dir="rtl" lang="ar">مرحبا <bdi>Zürich</bdi> <bdo dir="ltr">abc</bdo></p><p><ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>で会見</p>');
    expect(htmlToText(html)).toBe('مرحبا Zürich abc\n\n東京で会見');
  });

  it('drops a dir or lang that is not one', () => {
    const html = sanitizeHtml('<p dir="javascript:x" lang="en&quot; onclick=&quot;x" onclick="y">a</p><span lang="x y">b</span>');
    expect(html).toBe('<p>a</p><span>b</span>');
  });
});

describe('UTF-16 XML (I12)', () => {
  it('reads UTF-16 with a byte order mark, little- or big-endian', () => {
    const le = sample('nitf-utf16le-bom-SYNTHETIC.xml');
    expect(articleOf('x.xml', 'application/xml', le)).toMatchObject({ headline: 'Storm hits Zürich', dateline: 'ZÜRICH (Reuters)' });
    const be = Buffer.from(le);
    be.swap16();
    expect(articleOf('x.xml', 'application/xml', be).headline).toBe('Storm hits Zürich');
  });

  it('refuses broken UTF-16 naming UTF-16', () => {
    const broken = Buffer.concat([sample('nitf-utf16le-bom-SYNTHETIC.xml'), Buffer.from([0x00, 0xd8, 0x41])]);
    expect(problem(() => articleOf('x.xml', 'application/xml', broken))).toMatchObject({ rule: 'invalid-encoding', message: expect.stringContaining('UTF-16') });
  });
});
