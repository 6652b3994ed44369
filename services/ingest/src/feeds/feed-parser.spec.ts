import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDraft } from '../articles/formats/normalize-draft';
import { parseFeed } from './feed-parser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const now = new Date('2025-11-25T00:00:00Z');

describe('parseFeed', () => {
  it('reads RSS 2.0 items with content:encoded, guid, creator, date and enclosure', () => {
    const feed = parseFeed(fixture('wire.rss.xml'));
    expect(feed.kind).toBe('rss');
    expect(feed.items).toHaveLength(2);
    const article = normalizeDraft(feed.items[0], 'exw-feed', now);
    expect(article).toMatchObject({
      format: 'rss', sourceItemId: 'exw-rss-1001', headline: 'Nairobi hosts East African trade talks', byline: 'Jane Mwangi',
      publishedAt: '2025-11-24T07:15:00.000Z', language: 'en-gb', url: 'https://example.com/world/nairobi-trade',
      summary: 'Ministers from five countries meet in Nairobi.', media: [{ url: 'https://example.com/img/nairobi.jpg', type: 'image/jpeg' }],
    });
    expect(article.body).toContain("Kenya's President William Ruto");
    expect(normalizeDraft(feed.items[1], 'exw-feed', now).sourceItemId).toBe('https://example.com/world/porto-alegre-floods');
  });

  it('reads Atom entries with escaped HTML content', () => {
    const [entry] = parseFeed(fixture('wire.atom.xml')).items;
    const article = normalizeDraft(entry, 'exw-feed', now);
    expect(article).toMatchObject({ format: 'atom', sourceItemId: 'urn:example:science:2001', byline: 'Carlos Rivera', language: 'en',
      publishedAt: '2025-11-24T08:00:00.000Z', updatedAt: '2025-11-24T09:00:00.000Z', url: 'https://example.com/science/galaxy-cluster' });
    expect(article.body).toMatch(/^SANTIAGO, Chile/);
  });

  it('reads Atom XHTML content, which the parsed tree does not keep as text', () => {
    const xml = fixture('wire.atom.xml').replace(/<content type="html">[\s\S]*?<\/content>/,
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>SANTIAGO, Chile — Astronomers <em>reported</em> a cluster.</p><p>More &amp; more.</p></div></content>');
    const article = normalizeDraft(parseFeed(xml).items[0], 'exw-feed', now);
    expect(article.body).toBe('SANTIAGO, Chile — Astronomers reported a cluster.\n\nMore & more.');
    expect(article.bodyHtml).toContain('<em>reported</em>');
  });

  it('makes relative item links absolute against the feed address', () => {
    const xml = fixture('wire.rss.xml').replace(/<link>https:\/\/example.com\/world\/nairobi-trade<\/link>/, '<link>/world/nairobi-trade</link>').replace(/<channel>\s*<title>/, '<channel><title>');
    const [item] = parseFeed(xml, 'https://feeds.example.org/world.rss').items;
    expect(item.url).toMatch(/^https:\/\/.*\/world\/nairobi-trade$/);
  });

  it('takes a DOCTYPE inside an item\'s CDATA as text, and still refuses a real one', () => {
    const xml = fixture('wire.rss.xml').replace('<description>Ministers from five countries meet in Nairobi.</description>', '<description><![CDATA[<!DOCTYPE html><p>Embedded page</p>]]></description>');
    expect(() => parseFeed(xml)).not.toThrow();
    expect(() => parseFeed(`<!DOCTYPE rss [<!ENTITY x "y">]>${fixture('wire.rss.xml').replace(/^<\?xml[^>]*>/, '')}`)).toThrow(/DOCTYPE/);
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const feed = parseFeed(fixture('wire.rdf.xml'));
    expect(feed.kind).toBe('rdf');
    expect(normalizeDraft(feed.items[0], 'exw-feed', now)).toMatchObject({
      sourceItemId: 'https://example.com/asia/osaka-expo', byline: 'Aiko Tanaka', publishedAt: '2025-11-23T21:30:00.000Z',
    });
  });

  it('names an HTML page or another XML document instead of a feed', () => {
    expect(() => parseFeed('<!DOCTYPE html><html><body>Not found</body></html>')).toThrow(/HTML page/);
    expect(() => parseFeed('<?xml version="1.0"?><nitf/>')).toThrow(/not an RSS or Atom feed/);
  });
});
