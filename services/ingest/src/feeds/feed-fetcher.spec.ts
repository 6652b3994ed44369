import { decodeFeed } from './feed-fetcher';

describe('decodeFeed', () => {
  const latin1 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), Buffer.from([0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f]), Buffer.from('</title></rss>')]);

  it('reads the encoding the XML declaration names', () => {
    expect(decodeFeed(latin1, 'application/rss+xml')).toContain('<title>São Paulo</title>');
  });

  it('prefers the charset of the Content-Type, and reads UTF-8 otherwise', () => {
    expect(decodeFeed(latin1, 'application/rss+xml; charset=iso-8859-1')).toContain('São Paulo');
    expect(decodeFeed(Buffer.from('<rss><title>São Paulo</title></rss>'), null)).toContain('São Paulo');
    expect(decodeFeed(Buffer.from('<rss><title>São Paulo</title></rss>'), 'text/xml; charset=no-such-charset')).toContain('São Paulo');
  });
});
