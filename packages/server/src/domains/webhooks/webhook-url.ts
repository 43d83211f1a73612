import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Why a URL may not receive web hooks (the message keys of webhook-errors.ts). */
export type WebhookUrlProblem = 'url_invalid' | 'url_not_https' | 'url_private';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) as its IPv4 form. */
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** Whether an IP address is loopback, private, link-local, shared, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const ip = unmapped(address);
  const family = isIP(ip);
  if (family === 0) return false;
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

const localNames = /(^|\.)(localhost|local|internal|home\.arpa)$/i;
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Checks a web hook URL's form (no name resolution): https, or http only to a loopback/private
 * host when private addresses are allowed; no credentials; loopback, private and link-local
 * hosts (by address or by a local name) only when allowed. Answers the problem, or null.
 */
export function checkWebhookUrl(
  text: string,
  { allowPrivate }: { allowPrivate: boolean },
): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url_invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url_invalid';
  if (url.username || url.password || !url.hostname) return 'url_invalid';
  const host = hostOf(url);
  const local = isPrivateAddress(host) || localNames.test(host);
  if (local && !allowPrivate) return 'url_private';
  if (url.protocol === 'http:' && !(allowPrivate && local)) return 'url_not_https';
  return null;
}

/**
 * Resolves the URL's host and refuses (unless allowed) when any of its addresses is loopback,
 * private or link-local: a public name pointing inside is refused at send time too.
 */
export async function checkResolvedAddresses(
  text: string,
  { allowPrivate }: { allowPrivate: boolean },
): Promise<WebhookUrlProblem | null> {
  const problem = checkWebhookUrl(text, { allowPrivate });
  if (problem || allowPrivate) return problem;
  const host = hostOf(new URL(text));
  if (isIP(host)) return null;
  const addresses = await lookup(host, { all: true, verbatim: true });
  return addresses.some((a) => isPrivateAddress(a.address)) ? 'url_private' : null;
}
