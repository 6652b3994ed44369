import { literalIp, refusedRange } from './feed-address-policy';
import { feedUrlProblem } from './feed-url-policy';

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['::1', 'loopback'], ['0.0.0.0', 'unspecified'], ['::', 'unspecified'],
    ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'], ['fc00::1', 'uniqueLocal'], ['fd12:3456::1', 'uniqueLocal'], ['224.0.0.1', 'multicast'], ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'], ['::ffff:10.0.0.1', 'private'], ['::ffff:7f00:1', 'loopback'], ['::ffff:169.254.169.254', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'], ['2002:a00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('lets %s through', (address) => {
    expect(refusedRange(address)).toBeUndefined();
  });

  it('finds the address in a URL host however it was spelled', () => {
    expect(literalIp(new URL('http://2130706433/').hostname)).toBe('127.0.0.1');
    expect(literalIp(new URL('http://0x7f.1/').hostname)).toBe('127.0.0.1');
    expect(literalIp(new URL('http://[::ffff:127.0.0.1]/').hostname)).toBe('::ffff:7f00:1');
    expect(literalIp('feeds.example.org')).toBeUndefined();
  });
});

describe('feedUrlProblem', () => {
  const problem = (url: string, allowPrivate = false) => feedUrlProblem(new URL(url), allowPrivate);

  it('refuses a literal private address unless private networks are allowed', () => {
    expect(problem('http://2130706433/feed')).toMatchObject({ status: 422, rule: 'feed-url-private', field: 'feed.url', message: expect.stringContaining('loopback') });
    expect(problem('http://169.254.169.254/latest/meta-data/')).toMatchObject({ rule: 'feed-url-private' });
    expect(problem('http://[fd00::1]/')).toMatchObject({ rule: 'feed-url-private' });
    expect(problem('http://127.0.0.1:8080/feed', true)).toBeUndefined();
    expect(problem('https://feeds.example.org/world.rss')).toBeUndefined();
  });

  it('refuses credentials, allowed networks or not, without repeating them', () => {
    const found = problem('https://editor:hunter2@feeds.example.org/world.rss', true);
    expect(found).toMatchObject({ status: 422, rule: 'feed-url-credentials', field: 'feed.url' });
    expect(found?.message).not.toContain('hunter2');
    expect(problem('https://token@feeds.example.org/')).toMatchObject({ rule: 'feed-url-credentials' });
  });
});
