import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Why ingest must not fetch a feed from this address, or undefined for a public unicast one. Only
 * ipaddr.js's `unicast` passes, so loopback, unspecified, link-local (cloud metadata at
 * 169.254.169.254), RFC 1918, CGNAT, ULA, multicast and reserved ranges are all refused, and so are
 * the IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d is judged as that IPv4 address;
 * NAT64, 6to4 and Teredo are refused outright).
 */
export function refusedRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : range;
}

/** Decides whether an address may be fetched from: a range name refuses it. Injectable for tests only. */
export type AddressCheck = (address: string) => string | undefined;

/**
 * The IP address a URL's hostname is, if it is one. WHATWG URL parsing has already turned other
 * spellings (http://2130706433/, http://0x7f.1/) into dotted form, and brackets IPv6 ("[::1]").
 */
export function literalIp(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(bare) ? bare : undefined;
}
