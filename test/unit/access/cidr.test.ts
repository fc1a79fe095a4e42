import { describe, expect, it } from 'vitest';
import { compileCidrs, parseCidr } from '../../../src/auth/cidr.js';

describe('source CIDR allow-lists', () => {
  it('matches IPv4 networks, including IPv4-mapped IPv6 addresses from dual-stack sockets', () => {
    const allowed = compileCidrs(['10.0.0.0/8', '192.168.1.7']);
    expect(allowed('10.200.3.4')).toBe(true);
    expect(allowed('::ffff:10.1.2.3')).toBe(true);
    expect(allowed('192.168.1.7')).toBe(true);
    expect(allowed('192.168.1.8')).toBe(false);
    expect(allowed('11.0.0.1')).toBe(false);
  });

  it('matches IPv6 networks', () => {
    const allowed = compileCidrs(['2001:db8::/32', '::1/128']);
    expect(allowed('2001:db8:1::5')).toBe(true);
    expect(allowed('::1')).toBe(true);
    expect(allowed('2001:db9::1')).toBe(false);
    expect(allowed('10.0.0.1')).toBe(false);
  });

  it('allows anything when the list is empty and nothing unknown when it is not', () => {
    expect(compileCidrs([])(undefined)).toBe(true);
    expect(compileCidrs(['0.0.0.0/0'])(undefined)).toBe(false);
    expect(compileCidrs(['0.0.0.0/0'])('not-an-ip')).toBe(false);
  });

  it('rejects malformed CIDRs with a message naming them', () => {
    expect(() => parseCidr('10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseCidr('10.0.0/8')).toThrow(/invalid CIDR/);
    expect(() => parseCidr('::1/129')).toThrow(/0-128/);
    expect(() => parseCidr('10.0.0.0/8/1')).toThrow();
    expect(() => parseCidr('10.0.0.0/x')).toThrow();
  });
});
