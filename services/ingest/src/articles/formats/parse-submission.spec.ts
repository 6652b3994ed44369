import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemOf } from './input-problem';
import { normalizeDraft } from './normalize-draft';
import { parseSubmission } from './parse-submission';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const now = new Date('2025-11-25T00:00:00Z');

const problem = problemOf;

describe('ninjs 2.x', () => {
  const article = normalizeDraft(parseSubmission('application/ninjs+json', fixture('interpol.ninjs.json')), 'exw', now);

  it('maps headline, summary, byline, times (in UTC) and renditions', () => {
    expect(article).toMatchObject({
      format: 'ninjs',
      sourceItemId: 'urn:newsml:example.com:20251124:interpol-ga-93',
      headline: 'Marrakech Hosts 93rd INTERPOL General Assembly',
      summary: "INTERPOL's president praised Morocco's security cooperation.",
      byline: 'By Example Wire staff',
      language: 'en',
      publishedAt: '2025-11-24T08:00:00.000Z',
      updatedAt: '2025-11-24T09:30:00.000Z',
      source: { id: 'exw', name: 'Example Wire' },
      media: [{ url: 'https://example.com/photos/ga93.jpg', type: 'image/jpeg' }],
      dateline: 'MARRAKECH, Morocco (Example Wire)',
    });
  });

  it('strips scripts, iframes and event handlers from the HTML and keeps plain text', () => {
    expect(article.bodyHtml).toContain('<p>');
    expect(article.bodyHtml).not.toMatch(/script|iframe|onclick|alert|evil/);
    expect(article.body).toContain('Major General Ahmed Naser Al-Raisi');
    expect(article.body).not.toContain('<');
  });

  it('names refused fields as ninjs does, reads body_xml, and calls a number a wrong type', () => {
    const doc = JSON.parse(fixture('interpol.ninjs.json').toString('utf8'));
    const refuse = (changed: object) => problem(() => normalizeDraft(parseSubmission('application/ninjs+json', Buffer.from(JSON.stringify({ ...doc, ...changed }))), 'exw', now));
    expect(refuse({ firstcreated: '07/12/2026' })).toMatchObject({ field: 'firstcreated', message: expect.stringMatching(/^firstcreated is not an ISO 8601/) });
    expect(refuse({ uri: 'x'.repeat(600) })).toMatchObject({ field: 'uri', rule: 'contract' });
    expect(refuse({ headlines: undefined, headline: 42 })).toMatchObject({ field: 'headline', rule: 'wrong-type' });
    const xmlOnly = { ...doc, bodies: undefined, body_html: undefined, body_text: undefined, body_xml: '<p>MARRAKECH — Police chiefs met.</p>' };
    expect(normalizeDraft(parseSubmission('application/ninjs+json', Buffer.from(JSON.stringify(xmlOnly))), 'exw', now).body).toBe('MARRAKECH — Police chiefs met.');
  });

  it('lists fields it does not use', () => {
    expect(parseSubmission('application/json', fixture('interpol.ninjs.json')).unknownFields).toEqual(['x-vendor-field']);
  });
});

describe('NewsML-G2 newsItem', () => {
  const article = normalizeDraft(parseSubmission('application/vnd.iptc.g2.newsitem+xml', fixture('interpol.newsml.xml')), 'exw', now);

  it('takes guid, provider, headline, times and the XHTML body', () => {
    expect(article).toMatchObject({
      format: 'newsml-g2',
      source: { id: 'exw', name: 'EXW' },
      sourceItemId: 'urn:newsml:example.com:20251124:interpol-ga-93-g2',
      headline: 'Marrakech Hosts 93rd INTERPOL General Assembly',
      byline: 'By Example Wire staff',
      url: 'https://example.com/news/interpol-ga-93',
      publishedAt: '2025-11-24T08:00:00.000Z',
    });
    expect(article.body).toContain('Morocco’s commitment');
    expect(article.body).toContain('Moroccan authorities & King Mohammed VI');
    expect(article.body.split('\n\n')).toHaveLength(2);
  });
});

describe('NITF 3.x', () => {
  const article = normalizeDraft(parseSubmission('application/xml', fixture('interpol.nitf.xml')), 'exw', now);

  it('takes doc-id, hl1, byline, norm dates and body.content', () => {
    expect(article).toMatchObject({
      format: 'nitf',
      source: { id: 'exw', name: 'EXW' },
      sourceItemId: 'EXW-20251124-interpol-ga-93',
      headline: 'Marrakech Hosts 93rd INTERPOL General Assembly',
      byline: 'By Example Wire staff',
      summary: "INTERPOL's president praised Morocco's security cooperation.",
      publishedAt: '2025-11-24T08:00:00.000Z',
      url: 'https://example.com/news/interpol-ga-93-nitf',
    });
    // date.release is when the item may be released (an embargo while ahead), not a version time.
    expect(article.updatedAt).toBeUndefined();
    expect(article.embargoedUntil).toBeUndefined();
    expect(article.body).toContain('from November 24 to 27');
  });
});

describe('publication status and embargo', () => {
  const newsml = fixture('interpol.newsml.xml').toString('utf8');
  const nitf = fixture('interpol.nitf.xml').toString('utf8');
  const ninjs = JSON.parse(fixture('interpol.ninjs.json').toString('utf8'));

  it('carries a withheld, embargoed ninjs story as such (they were dropped, and the story published)', () => {
    const doc = { ...ninjs, pubstatus: 'withheld', embargoed: '2025-11-26T10:00:00+01:00' };
    const article = normalizeDraft(parseSubmission('application/ninjs+json', Buffer.from(JSON.stringify(doc))), 'exw', now);
    expect(article).toMatchObject({ pubStatus: 'withheld', embargoedUntil: '2025-11-26T09:00:00.000Z' });
    const usable = normalizeDraft(parseSubmission('application/ninjs+json', fixture('interpol.ninjs.json')), 'exw', now);
    expect(usable.pubStatus).toBe('usable');
    // A kill of unchanged copy is a change, so it becomes the next version rather than a duplicate.
    expect(article.contentHash).not.toBe(usable.contentHash);
  });

  it('reads NewsML-G2 pubStatus, embargoed and the main headline, with its markup and references', () => {
    const xml = newsml
      .replace('<itemMeta>', '<itemMeta><pubStatus qcode="stat:canceled"/><embargoed>2025-11-26T09:00:00Z</embargoed>')
      .replace(/<headline>[^<]*<\/headline>/, '<headline role="hld:short">Short hed</headline><headline role="hld:main">Strong quake hits <span>Valparaíso</span> &#x2014; no tsunami</headline>');
    const article = normalizeDraft(parseSubmission('application/vnd.iptc.g2.newsitem+xml', Buffer.from(xml)), 'exw', now);
    expect(article).toMatchObject({ pubStatus: 'canceled', embargoedUntil: '2025-11-26T09:00:00.000Z', headline: 'Strong quake hits Valparaíso — no tsunami' });
  });

  it('reads NITF management-status, an embargo until date.release, and an hl1 holding markup', () => {
    const xml = nitf
      .replace('<docdata>', '<docdata management-status="embargoed">')
      .replace(/<hl1>[^<]*<\/hl1>/, '<hl1>Strong quake hits <location>Valparaiso</location>, no tsunami warning</hl1>');
    const article = normalizeDraft(parseSubmission('application/xml', Buffer.from(xml)), 'exw', now);
    expect(article).toMatchObject({ embargoedUntil: '2025-11-24T09:30:00.000Z', headline: 'Strong quake hits Valparaiso, no tsunami warning' });
    expect(article.pubStatus).toBeUndefined();
  });

  it('refuses a status it does not know, naming the field', () => {
    const doc = { source: 'exw', sourceItemId: '1', headline: 'H', body: 'B', pubStatus: 'maybe' };
    expect(problem(() => normalizeDraft(parseSubmission('application/json', Buffer.from(JSON.stringify(doc))), 'exw', now))).toMatchObject({ field: 'pubStatus', status: 422 });
  });
});

describe('bad input', () => {
  it('refuses malformed JSON and XML, naming the problem', () => {
    expect(problem(() => parseSubmission('application/json', Buffer.from('{"headline":'))).rule).toBe('json-malformed');
    expect(problem(() => parseSubmission('application/xml', Buffer.from('<nitf><head></nitf>'))).rule).toBe('xml-malformed');
  });

  it('refuses XML that the validator passes but the parser cannot read, as malformed (found by the property test)', () => {
    for (const xml of ['<A/', '<nitf/', '<A/ ']) {
      expect(problem(() => parseSubmission('text/xml', Buffer.from(xml)))).toMatchObject({ rule: 'xml-malformed', status: 400 });
    }
  });

  it('takes NITF with its standard DOCTYPE line (never fetching the DTD) and a newsMessage of one newsItem', () => {
    const nitf = fixture('interpol.nitf.xml').toString('utf8').replace(/^(<\?xml[^>]*>)?/, '$1\n<!DOCTYPE nitf PUBLIC "-//IPTC//DTD NITF 3.5//EN" "http://www.nitf.org/IPTC/NITF/3.5/specification/dtd/nitf-3-5.dtd">');
    expect(normalizeDraft(parseSubmission('application/xml', Buffer.from(nitf)), 'exw', now).headline).toBe('Marrakech Hosts 93rd INTERPOL General Assembly');
    const item = fixture('interpol.newsml.xml').toString('utf8').replace(/^<\?xml[^>]*>/, '');
    const message = `<?xml version="1.0"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2025-11-24T08:00:00Z</sent></header><itemSet>${item}</itemSet></newsMessage>`;
    expect(normalizeDraft(parseSubmission('application/xml', Buffer.from(message)), 'exw', now).sourceItemId).toBe('urn:newsml:example.com:20251124:interpol-ga-93-g2');
    const two = message.replace('</itemSet>', `${item}</itemSet>`);
    expect(problem(() => parseSubmission('application/xml', Buffer.from(two)))).toMatchObject({ status: 422, rule: 'news-message-items' });
  });

  it('reads XML in the encoding it declares (ISO-8859-1), and names one it cannot read', () => {
    const nitf = fixture('interpol.nitf.xml').toString('utf8').replace(/^<\?xml[^>]*>/, '<?xml version="1.0" encoding="ISO-8859-1"?>').replaceAll('Marrakech Hosts', 'Marrakech accueille São');
    const article = normalizeDraft(parseSubmission('application/xml', Buffer.from(nitf, 'latin1')), 'exw', now);
    expect(article.headline).toMatch(/^Marrakech accueille São/);
    const odd = nitf.replace('ISO-8859-1', 'x-no-such-encoding');
    expect(problem(() => parseSubmission('application/xml', Buffer.from(odd, 'latin1')))).toMatchObject({ status: 415, rule: 'unsupported-encoding' });
  });

  it('refuses DOCTYPE, external entities and entity expansion without resolving them', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><head><title>&x;</title></head></nitf>';
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><nitf>&lol2;</nitf>';
    expect(problem(() => parseSubmission('application/xml', Buffer.from(xxe))).rule).toBe('xml-doctype-forbidden');
    expect(problem(() => parseSubmission('text/xml', Buffer.from(laughs))).rule).toBe('xml-doctype-forbidden');
  });

  it('refuses invalid UTF-8, empty bodies and unknown content types', () => {
    expect(problem(() => parseSubmission('application/json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).rule).toBe('invalid-utf8');
    expect(problem(() => parseSubmission('application/json', Buffer.alloc(0))).rule).toBe('empty-body');
    const wrongType = problem(() => parseSubmission('text/plain', Buffer.from('hello')));
    expect([wrongType.status, wrongType.rule]).toEqual([415, 'unsupported-media-type']);
    expect(problem(() => parseSubmission('application/xml', Buffer.from('<rss><channel/></rss>'))).rule).toBe('unsupported-xml');
  });

  it('names missing fields, wrong types and impossible timestamps', () => {
    const draft = (doc: object) => parseSubmission('application/json', Buffer.from(JSON.stringify(doc)));
    const base = { source: 'exw', sourceItemId: '1', headline: 'H', body: 'B' };
    expect(problem(() => normalizeDraft(draft({ ...base, headline: undefined }), 'exw', now)).field).toBe('headline');
    expect(problem(() => normalizeDraft(draft({ ...base, body: 42 }), 'exw', now))).toMatchObject({ field: 'body', rule: 'wrong-type' });
    expect(problem(() => normalizeDraft(draft({ ...base, publishedAt: '2999-01-01T00:00:00Z' }), 'exw', now)).rule).toBe('timestamp-in-future');
    expect(problem(() => normalizeDraft(draft({ ...base, publishedAt: '1850-01-01T00:00:00Z' }), 'exw', now)).rule).toBe('timestamp-out-of-range');
    expect(problem(() => normalizeDraft(draft({ ...base, publishedAt: 'yesterday' }), 'exw', now)).rule).toBe('invalid-timestamp');
    expect(problem(() => normalizeDraft(draft({ ...base, language: 'english!' }), 'exw', now)).field).toBe('language');
    expect(problem(() => normalizeDraft(draft({ ...base, source: 'someone-else' }), 'exw', now))).toMatchObject({ status: 403, rule: 'wrong-source' });
  });

  it('takes only ISO 8601 times, a time without an offset as UTC, and only web addresses as the url', () => {
    const draft = (doc: object) => parseSubmission('application/json', Buffer.from(JSON.stringify(doc)));
    const base = { source: 'exw', sourceItemId: '1', headline: 'H', body: 'B' };
    for (const publishedAt of ['1', '2025', '07/12/2026 09:00', 'Mon, 24 Nov 2025 08:00:00 GMT']) {
      expect(problem(() => normalizeDraft(draft({ ...base, publishedAt }), 'exw', now))).toMatchObject({ field: 'publishedAt', rule: 'invalid-timestamp' });
    }
    expect(normalizeDraft(draft({ ...base, publishedAt: '2025-11-24T08:00:00' }), 'exw', now).publishedAt).toBe('2025-11-24T08:00:00.000Z');
    expect(normalizeDraft(draft({ ...base, publishedAt: '2025-11-24T09:00:00+0100' }), 'exw', now).publishedAt).toBe('2025-11-24T08:00:00.000Z');
    expect(normalizeDraft(draft({ ...base, publishedAt: '2025-11-24' }), 'exw', now).publishedAt).toBe('2025-11-24T00:00:00.000Z');
    for (const url of ['javascript:alert(document.cookie)', 'file:///etc/passwd']) {
      expect(problem(() => normalizeDraft(draft({ ...base, url }), 'exw', now))).toMatchObject({ field: 'url', rule: 'invalid-url' });
    }
  });

  it('keeps a plain-text headline and summary as written ("<2%", Reuters codes) and decodes every HTML reference in HTML bodies', () => {
    const draft = (doc: object) => parseSubmission('application/json', Buffer.from(JSON.stringify(doc)));
    const article = normalizeDraft(draft({
      source: 'exw', sourceItemId: '1', headline: 'Inflation falls to <2% as <AAPL.O> gains', summary: 'Rates & <b>markets</b>',
      bodyHtml: '<p>LONDON (Reuters) &mdash; The minister&rsquo;s caf&eacute; &#x2019;s &#8217; &amp; &lt;tag&gt; stays.</p>',
    }), 'exw', now);
    expect(article.headline).toBe('Inflation falls to <2% as <AAPL.O> gains');
    expect(article.summary).toBe('Rates & <b>markets</b>');
    expect(article.body).toBe('LONDON (Reuters) — The minister’s café ’s ’ & <tag> stays.');
    expect(article.dateline).toBe('LONDON (Reuters)');
  });

  it('detects the language when the source gives none', () => {
    const draft = parseSubmission('application/json', Buffer.from(JSON.stringify({
      source: 'exw', sourceItemId: '2', headline: 'Grève à Paris',
      body: 'Les conducteurs de la RATP sont en grève pour la deuxième journée et le trafic est très perturbé dans la capitale.',
    })));
    expect(normalizeDraft(draft, 'exw', now).language).toBe('fr');
  });

  it('calls the language undetermined (und) when the text is too short or its script alone would have to name it', () => {
    const language = (headline: string, body: string) => normalizeDraft(
      parseSubmission('application/json', Buffer.from(JSON.stringify({ source: 'exw', sourceItemId: '3', headline, body }))), 'exw', now).language;
    expect(language('Storm', 'Wind and rain.')).toBe('und');
    // Cyrillic is Russian's and Ukrainian's alike: without a declared language the story stays `und`.
    expect(language('Шторм', 'Сильний вітер і дощ у Києві сьогодні вранці, повідомляє служба погоди.')).toBe('und');
    expect(language('Storm in Kyiv', 'Strong wind and rain hit the capital on Monday morning, and the weather service said that it would last until the evening.')).toBe('en');
  });
});
