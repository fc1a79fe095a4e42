/**
 * Source-address allow-lists: IPv4 and IPv6 CIDRs (a bare address means a single host), compiled once
 * into node's BlockList. IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, what a dual-stack socket
 * reports) match IPv4 rules.
 */
import { BlockList, isIP } from 'node:net';

export function parseCidr(cidr: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } {
  const [address = '', prefixText, extra] = cidr.trim().split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) throw new Error(`invalid CIDR "${cidr}"`);
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText)))
    throw new Error(`invalid CIDR "${cidr}": prefix must be 0-${max}`);
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

export type IpMatcher = (ip: string | undefined) => boolean;

/** Empty list = allow from anywhere. An unknown source never matches a non-empty list. */
export function compileCidrs(cidrs: readonly string[]): IpMatcher {
  if (cidrs.length === 0) return () => true;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const { address, prefix, family } = parseCidr(cidr);
    list.addSubnet(address, prefix, family);
  }
  return (ip) => {
    if (!ip) return false;
    const address = normalizeIp(ip);
    const version = isIP(address);
    if (version === 0) return false;
    return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}
