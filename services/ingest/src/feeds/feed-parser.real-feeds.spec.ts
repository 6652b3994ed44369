import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputProblem } from '../articles/formats/input-problem';
import { normalizeDraft } from '../articles/formats/normalize-draft';
import { decodeFeed } from './feed-fetcher';
import { parseFeed } from './feed-parser';

/** Real feeds (origin and licence in fixtures/ORIGIN.md); variations made here are named "derived". */
const bytes = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const fixture = (name: string) => bytes(name).toString('utf8');
const now = new Date('2026-01-10T12:00:00Z');

function refusal(fn: () => unknown): InputProblem | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputProblem) return error;
    throw error;
  }
  return undefined;
}

describe('real feeds: leading whitespace, BOM and encoding (W7a)', () => {
  it('reads Folha\'s RSS 0.91, which starts with a newline before <?xml and is ISO-8859-1 (no charset in the Content-Type)', () => {
    const folha = bytes('folha-rss091.latin1.rss');
    expect(folha[0]).toBe(0x0a);
    const feed = parseFeed(decodeFeed(folha, 'text/xml'), 'http://www1.folha.uol.com.br/folha/colunas/futebolnarede/rss091.xml');
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Folha.com - Colunas - Futebol na Rede');
    expect(feed.items).toHaveLength(2);
    const article = normalizeDraft(feed.items[0], 'folha', now);
    expect(article).toMatchObject({ headline: 'Vida de jogador: trocando seis por nada', language: 'pt-br',
      sourceItemId: expect.stringContaining('740548-vida-de-jogador-trocando-seis-por-nada.shtml') });
    expect(article.body).toContain('reclamando da situação dos clubes em que estão');
    expect(article.body).not.toContain('\uFFFD');
    // Double-escaped in the original (&amp;quot;): one level is XML's, the other HTML's.
    expect(normalizeDraft(feed.items[1], 'folha', now).body).toContain('"Nos vemos na África do Sul"');
  });

  it('honours the declared encoding after leading whitespace', () => {
    const text = decodeFeed(Buffer.concat([Buffer.from(' \r\n\t'), bytes('folha-rss091.latin1.rss')]), null);
    expect(text).toContain('Primeiro jornal em tempo real em língua portuguesa');
  });

  it('reads a feed that starts with a UTF-8 byte-order mark (derived: Guardian with a BOM and a newline)', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n'), bytes('guardian.excerpt.rss')]);
    const feed = parseFeed(decodeFeed(withBom, 'application/rss+xml'));
    expect(feed.items).toHaveLength(2);
    // The BOM says UTF-8 whatever the declaration claims (derived: declaration changed to ISO-8859-1).
    const misdeclared = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(fixture('guardian.excerpt.rss').replace('encoding="utf-8"', 'encoding="ISO-8859-1"'))]);
    expect(normalizeDraft(parseFeed(decodeFeed(misdeclared, null)).items[0], 'guardian', now).body).toContain('The president’s ‘new American moment’ speech');
  });

  it('reads a UTF-16 feed by its byte-order mark (derived: Guardian transcoded to UTF-16LE)', () => {
    const text = fixture('guardian.excerpt.rss').replace('encoding="utf-8"', 'encoding="UTF-16"');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const feed = parseFeed(decodeFeed(utf16, 'application/rss+xml'));
    expect(normalizeDraft(feed.items[0], 'guardian', now).body).toContain('“new American moment”');
  });

  it('takes leading whitespace and a BOM in already-decoded text too', () => {
    expect(parseFeed(`\uFEFF\n  ${fixture('heise.excerpt.atom')}`).items).toHaveLength(2);
  });
});

describe('real feeds: dates (W7b, W13)', () => {
  it('reads UOL\'s Portuguese RFC 822 dates instead of refusing the items', () => {
    const feed = parseFeed(fixture('uol.excerpt.rss'), 'https://rss.uol.com.br/feed/noticias.xml');
    expect(feed.items).toHaveLength(4);
    const [first, second, third, fourth] = feed.items;
    expect(normalizeDraft(first, 'uol', now)).toMatchObject({ publishedAt: '2018-09-24T22:42:40.000Z',
      sourceItemId: expect.stringContaining('ibope-bolsonaro-perde-de-haddad') });
    expect(normalizeDraft(third, 'uol', now).publishedAt).toBe('2018-09-24T22:32:00.000Z');
    expect(normalizeDraft(fourth, 'uol', now).publishedAt).toBe('2018-09-24T22:30:42.000Z');
    // The second has an empty description: refused, and named as RSS names it.
    expect(refusal(() => normalizeDraft(second, 'uol', now))?.message).toBe('description is required');
  });

  it('keeps an item whose pubDate cannot be read, with the receive time as its time (derived: UOL, date garbled)', () => {
    const xml = fixture('uol.excerpt.rss').replace('Seg, 24 Set 2018 19:42:40 -0300', 'ontem às 19h42');
    const article = normalizeDraft(parseFeed(xml).items[0], 'uol', now);
    expect(article.publishedAt).toBe(now.toISOString());
    expect(article.publishedAt).toBe(article.receivedAt);
  });

  it('keeps an item dated years ahead with its receive time, noting pubDate, not ISO 8601 or publishedAt (derived: Guardian)', () => {
    const xml = fixture('guardian.excerpt.rss').replace('Wed, 31 Jan 2018 07:26:05 GMT', 'Wed, 31 Jan 2035 07:26:05 GMT').replace('<dc:date>2018-01-31T07:26:05Z</dc:date>', '');
    const draft = parseFeed(xml).items[0];
    expect(normalizeDraft(draft, 'guardian', now).publishedAt).toBe(now.toISOString());
    expect(draft.timeNotes).toEqual([expect.stringMatching(/^pubDate 2035-01-31T07:26:05.000Z lies more than 15 minutes after the server's time 2026-01-10T12:00:00.000Z/)]);
    expect(draft.timeNotes?.[0]).not.toMatch(/ISO 8601|publishedAt/);
  });

  it('notes the Atom element a date ahead came from', () => {
    const xml = fixture('heise.excerpt.atom').replace('<published>2016-02-01T17:22:00+01:00</published>', '<published>2099-02-01T17:22:00+01:00</published>');
    const draft = parseFeed(xml).items[0];
    expect(normalizeDraft(draft, 'heise', now).publishedAt).not.toMatch(/^2099/);
    expect(draft.timeNotes).toEqual([expect.stringMatching(/^published 2099-02-01T16:22:00.000Z lies more than 15 minutes after/)]);
  });
});

describe('real feeds: media (W9)', () => {
  it('takes the Guardian\'s media:content pictures, with their credit as caption', () => {
    const [first, fifth] = parseFeed(fixture('guardian.excerpt.rss')).items.map((i) => normalizeDraft(i, 'guardian', now));
    expect(first.byline).toBe('David Smith in Washington');
    // Two renditions (w=140, w=460) of one picture: one picture, the wider.
    expect(first.media).toEqual([{ url: expect.stringMatching(/^https:\/\/i\.guim\.co\.uk\/img\/media\/b73c8752.*\/master\/3000\.jpg\?w=460&q=55&/),
      caption: 'Photograph: Networ/Sipa USA/REX/Shutterstock' }]);
    expect(fifth.media).toEqual([{ url: expect.stringMatching(/^https:\/\/i\.guim\.co\.uk\/img\/media\/e9061555.*\?w=140&/), caption: 'Photograph: AP' }]);
  });

  it('takes one picture from a media:group, and media:thumbnail when there is nothing else (derived from the Guardian feed)', () => {
    const xml = fixture('guardian.excerpt.rss')
      .replace(/(<media:content width="140"[\s\S]*?)(<dc:creator>David Smith)/, '<media:group><media:description>Donald Trump at the State of the Union</media:description>$1</media:group>$2')
      .replace(/<media:content width="140" url="([^"]+)">\s*<media:credit scheme="urn:ebu">Photograph: AP<\/media:credit>\s*<\/media:content>/,
        '<media:thumbnail url="$1" width="140"/><enclosure url="javascript:alert(1)" type="image/jpeg"/><media:content url="ftp://example.com/x.jpg"/>');
    const [first, fifth] = parseFeed(xml).items.map((i) => normalizeDraft(i, 'guardian', now));
    expect(first.media).toEqual([{ url: expect.stringContaining('?w=460&'), caption: 'Photograph: Networ/Sipa USA/REX/Shutterstock' }]);
    // Only http(s): the javascript: enclosure and the ftp: media:content are dropped.
    expect(fifth.media).toEqual([{ url: expect.stringMatching(/^https:\/\/i\.guim\.co\.uk\/.*\?w=140&/) }]);
  });

  it('still reads <enclosure>, and makes a relative media URL absolute (derived)', () => {
    const xml = fixture('guardian.excerpt.rss').replace(/<media:content width="140" url="[^"]*e9061555[\s\S]*?<\/media:content>/, '<enclosure url="/img/train.jpg" type="image/jpeg" length="1"/>');
    const fifth = normalizeDraft(parseFeed(xml, 'https://www.theguardian.com/us/rss').items[1], 'guardian', now);
    expect(fifth.media).toEqual([{ url: 'https://www.theguardian.com/img/train.jpg', type: 'image/jpeg' }]);
  });
});

describe('real feeds: Atom and RSS 1.0 (W13)', () => {
  it('gives heise\'s entries the feed-level author (RFC 4287 4.2.1)', () => {
    const items = parseFeed(fixture('heise.excerpt.atom')).items.map((i) => normalizeDraft(i, 'heise', now));
    expect(items.map((a) => a.byline)).toEqual(['heise online', 'heise online']);
    expect(items[0]).toMatchObject({ publishedAt: '2016-02-01T16:22:00.000Z', updatedAt: '2016-02-01T16:54:50.000Z', language: 'de' });
    expect(items[1].body).toContain('der gleichen "Klasse" arbeitet');
    expect(items[1].summary).toContain('der gleichen "Klasse" arbeitet');
  });

  it('prefers an entry\'s own author, and names every author', () => {
    const xml = fixture('heise.excerpt.atom').replace('<id>http://heise.de/-3086830</id>', '<id>http://heise.de/-3086830</id><author><name>Golo Roden</name></author><author><name>Jane Doe</name></author>');
    expect(parseFeed(xml).items.map((i) => i.byline)).toEqual(['heise online', 'Golo Roden, Jane Doe']);
  });

  it('resolves relative Atom links against xml:base (derived from heise)', () => {
    const xml = fixture('heise.excerpt.atom')
      .replace('<feed xmlns="http://www.w3.org/2005/Atom">', '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://www.heise.de/developer/">')
      .replace('href="http://www.heise.de/developer/meldung/Java-', 'href="meldung/Java-');
    const [entry] = parseFeed(xml, 'https://feeds.example.org/heise.atom').items;
    expect(entry.url).toBe('http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom');
  });

  it('reads the RSS 1.0 specification example', () => {
    const feed = parseFeed(fixture('rss_7_1.rdf'), 'http://www.xml.com/xml/news.rss');
    expect(feed).toMatchObject({ kind: 'rdf', title: 'XML.com' });
    expect(feed.items.map((i) => normalizeDraft(i, 'xmlcom', now))).toMatchObject([
      { sourceItemId: 'http://xml.com/pub/2000/08/09/xslt/xslt.html', headline: 'Processing Inclusions with XSLT', url: 'http://xml.com/pub/2000/08/09/xslt/xslt.html', publishedAt: now.toISOString() },
      { sourceItemId: 'http://xml.com/pub/2000/08/09/rdfdb/index.html', headline: 'Putting RDF to Work' },
    ]);
  });

  it('applies an RSS 1.0 channel\'s dc:language and resolves its relative links (derived from the spec example)', () => {
    const xml = fixture('rss_7_1.rdf')
      .replace('xmlns="http://purl.org/rss/1.0/">', 'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">')
      .replace('<link>http://xml.com/pub</link>', '<link>http://xml.com/pub</link><dc:language>en-us</dc:language>')
      .replace('<link>http://xml.com/pub/2000/08/09/xslt/xslt.html</link>', '<link>/pub/2000/08/09/xslt/xslt.html</link>');
    const [item] = parseFeed(xml, 'http://www.xml.com/xml/news.rss').items;
    expect(normalizeDraft(item, 'xmlcom', now)).toMatchObject({ language: 'en-us', url: 'http://xml.com/pub/2000/08/09/xslt/xslt.html' });
  });

  it('reads a channel language written with an underscore, and ignores one that is no language tag (derived from the Guardian feed)', () => {
    const underscore = fixture('guardian.excerpt.rss').replace('<language>en-gb</language>', '<language>en_GB</language>').replace('<dc:language>en-gb</dc:language>', '');
    expect(normalizeDraft(parseFeed(underscore).items[0], 'guardian', now).language).toBe('en-GB');
    const prose = underscore.replace('<language>en_GB</language>', '<language>English (UK)</language>');
    expect(normalizeDraft(parseFeed(prose).items[0], 'guardian', now).language).toBe('en');
  });
});
