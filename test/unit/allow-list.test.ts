import { describe, expect, it } from 'vitest';
import { isAllowedHost, isPublicAddress, mayConnect, parseAllowList, EMPTY_ALLOW_LIST } from '../../src/sources/allow-list.js';
import { ConfigError } from '../../src/config-error.js';

describe('ingestion allow list', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.9', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['0.0.0.0', 'unspecified'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'IPv6 loopback'],
    ['fe80::1', 'IPv6 link-local'],
    ['fd00::1', 'IPv6 unique local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ])('refuses %s (%s) by default', (address) => {
    expect(isPublicAddress(address)).toBe(false);
    expect(mayConnect(EMPTY_ALLOW_LIST, address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(mayConnect(EMPTY_ALLOW_LIST, address)).toBe(true);
  });

  it('opens addresses, CIDR ranges and host names that are listed, and nothing else', () => {
    const allow = parseAllowList(' 127.0.0.1, 10.0.0.0/8 ,[::1], Files.Internal. ');
    expect(mayConnect(allow, '127.0.0.1')).toBe(true);
    expect(mayConnect(allow, '127.0.0.2')).toBe(false);
    expect(mayConnect(allow, '10.200.3.4')).toBe(true);
    expect(mayConnect(allow, '::ffff:10.200.3.4')).toBe(true);
    expect(mayConnect(allow, '192.168.0.1')).toBe(false);
    expect(mayConnect(allow, '::1')).toBe(true);
    expect(isAllowedHost(allow, 'files.internal')).toBe(true);
    expect(isAllowedHost(allow, 'FILES.INTERNAL.')).toBe(true);
    expect(isAllowedHost(allow, 'other.internal')).toBe(false);
    expect(mayConnect(allow, 'not an address')).toBe(false);
  });

  it('stops on an entry that is neither a host, an address nor a range, naming the setting', () => {
    expect(() => parseAllowList('good.host, http://bad')).toThrow(ConfigError);
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/DECIBEL_INGEST_ALLOW/);
    expect(parseAllowList('')).toEqual(EMPTY_ALLOW_LIST);
  });
});
