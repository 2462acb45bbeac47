/**
 * Which addresses createAsset may download from. Public (global unicast) addresses always; private,
 * loopback, link-local and every other special range only when DECIBEL_INGEST_ALLOW opens them, so that a
 * `src` cannot make Decibel reach into the network it runs in (SSRF). Entries are host names (matching
 * the URL's host, whatever it resolves to), addresses, or CIDR ranges (matching the address connected to).
 */
import ipaddr from 'ipaddr.js';
import { ConfigError } from '../config-error.js';

export interface AllowList {
  hosts: ReadonlySet<string>;
  ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const EMPTY_ALLOW_LIST: AllowList = { hosts: new Set(), ranges: [] };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/;

export function parseAllowList(raw: string | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: AllowList['ranges'][number][] = [];
  for (const entry of (raw ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean)) {
    const bare = entry.replace(/^\[(.*)\]$/, '$1');
    if (ipaddr.isValidCIDR(bare)) ranges.push(ipaddr.parseCIDR(bare));
    else if (ipaddr.isValid(bare)) {
      const address = ipaddr.parse(bare);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry)) hosts.add(entry.replace(/\.$/, ''));
    else throw new ConfigError('DECIBEL_INGEST_ALLOW', `entries are host names, addresses or CIDR ranges separated by commas; "${entry}" is none of those`);
  }
  return { hosts, ranges };
}

/** IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are judged as the IPv4 address they carry. */
const normalized = (address: string) => ipaddr.process(address);

/** True for an address on the public internet: global unicast, nothing special-purpose. */
export function isPublicAddress(address: string): boolean {
  return normalized(address).range() === 'unicast';
}

/** The URL's host is named in the allow list (then any address it resolves to may be used). */
export const isAllowedHost = (allow: AllowList, host: string) => allow.hosts.has(host.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, ''));

/** Whether Decibel may connect to `address` (an IP address) for a download. */
export function mayConnect(allow: AllowList, address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  if (isPublicAddress(address)) return true;
  const parsed = normalized(address);
  return allow.ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}
