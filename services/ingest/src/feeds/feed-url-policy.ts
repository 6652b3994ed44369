import { InputProblem } from '../articles/formats/input-problem';
import { AddressCheck, literalIp, refusedRange } from './feed-address-policy';

/**
 * What is wrong with a feed URL before anything is resolved or fetched: credentials (they would be
 * echoed by the admin API and end up in logs), or a literal private address while
 * FEED_ALLOW_PRIVATE_NETWORKS is off. Checked at registration and for every redirect target.
 */
export function feedUrlProblem(url: URL, allowPrivateNetworks: boolean, check: AddressCheck = refusedRange): InputProblem | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new InputProblem(422, 'feed-url-scheme', 'a feed URL must be http or https', 'feed.url');
  }
  if (url.username || url.password) {
    return new InputProblem(422, 'feed-url-credentials', 'a feed URL may not carry a user name or password', 'feed.url');
  }
  const ip = literalIp(url.hostname);
  const range = ip && !allowPrivateNetworks ? check(ip) : undefined;
  if (range) {
    return new InputProblem(422, 'feed-url-private', `a feed URL may not point at a ${range} address (FEED_ALLOW_PRIVATE_NETWORKS is off)`, 'feed.url');
  }
  return undefined;
}
