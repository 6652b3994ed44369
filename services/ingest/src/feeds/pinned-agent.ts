import { lookup } from 'node:dns/promises';
import { isIP, LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { AddressCheck, literalIp, refusedRange } from './feed-address-policy';
import { FeedFetchError } from './feed-errors';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to. Injectable so tests can give a name without DNS. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>;

export const resolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

export interface AddressPolicy {
  allowPrivateNetworks: boolean;
  checkAddress?: AddressCheck;
  resolve?: ResolveHost;
}

/**
 * An undici Agent that connects to `url`'s host only at the address vetted here. The host is
 * resolved once; if any of its addresses is refused the fetch is (a name can answer a public and a
 * private address, and the client picks). The Agent's own lookup then returns the vetted address,
 * so a DNS answer that changes between the check and the connect (rebinding) is never used. TLS
 * still verifies the certificate against the host name.
 */
export async function pinnedAgent(url: URL, policy: AddressPolicy): Promise<Agent> {
  const host = url.hostname;
  const ip = literalIp(host);
  let addresses: ResolvedAddress[];
  try {
    addresses = ip ? [{ address: ip, family: isIP(ip) }] : await (policy.resolve ?? resolveHost)(host);
  } catch {
    throw new FeedFetchError('feed-dns', `the feed host ${host} could not be resolved`);
  }
  if (addresses.length === 0) throw new FeedFetchError('feed-dns', `the feed host ${host} could not be resolved`);
  if (!policy.allowPrivateNetworks) {
    const check = policy.checkAddress ?? refusedRange;
    for (const { address } of addresses) {
      const range = check(address);
      if (range) {
        throw new FeedFetchError('feed-address-refused',
          `refused: ${host} ${ip ? 'is' : 'resolves to'} a ${range} address, which ingest does not fetch from (FEED_ALLOW_PRIVATE_NETWORKS is off)`);
      }
    }
  }
  const { address, family } = addresses[0];
  const pinned: LookupFunction = (_hostname, options, callback) =>
    options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
  return new Agent({ connect: { lookup: pinned } });
}
