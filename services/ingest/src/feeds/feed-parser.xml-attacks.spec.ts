import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeed } from './feed-parser';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('feeds that attack the XML handling', () => {
  it('reads an entry followed by 2 MiB of <entry> in CDATA, in linear time, with its own markup', () => {
    // Each opening tag without a close after it made the regex scan to the end: 25 s on 840 KB, event loop blocked.
    const xml = fixture('wire.atom.xml')
      .replace('</feed>', `<subtitle><![CDATA[${'<entry>'.repeat((2 * 1024 * 1024) / 7)}]]></subtitle></feed>`)
      .replace(/<content type="html">[\s\S]*?<\/content>/, '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Astronomers <em>reported</em> a cluster.</p></div></content>');
    const start = performance.now();
    const feed = parseFeed(xml);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ sourceItemId: 'urn:example:science:2001', bodyHtml: '<p>Astronomers <em>reported</em> a cluster.</p>' });
  });

  it('refuses an entity-declaring DOCTYPE wrapped in comments or PIs that open CDATA', () => {
    const doctype = '<!DOCTYPE rss [<!ENTITY x "ENTITY-EXPANDED">]>';
    const rss = fixture('wire.rss.xml').replace(/^<\?xml[^>]*>/, '').replace('<title>Nairobi hosts', '<title>&x; Nairobi hosts');
    expect(() => parseFeed(`<?xml version="1.0"?><!-- <![CDATA[ -->${doctype}<!-- ]]> -->${rss}`)).toThrow(/DOCTYPE/);
    expect(() => parseFeed(`<?xml version="1.0"?><?pi <![CDATA[ ?>${doctype}<?pi ]]> ?>${rss}`)).toThrow(/DOCTYPE/);
  });
});
