import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIpAddress } from '../../../src/evaluator/values/ip.js';

describe('parseIpAddress: IPv4 in four-part decimal form only [sheet §3.3]', () => {
  it.each([
    ['0.0.0.0', 0],
    ['1.2.3.4', 0x01020304],
    ['10.0.0.1', 0x0a000001],
    ['192.168.100.200', 0xc0a864c8],
    ['255.255.255.255', 0xffffffff],
    ['9.99.199.0', 0x0963c700],
  ])('%s is %d', (text, addr) => {
    expect(parseIpAddress(text)).toEqual({ family: 4, addr });
  });

  it.each([
    ['10..0.1', 'an empty part'],
    ['.10.0.1', 'an empty first part'],
    ['10.20.30.', 'an empty last part'],
    ['12.34.56', 'three parts'],
    ['1.2.3.4.5', 'five parts'],
    ['1.2.3.4.', 'a trailing dot'],
    ['1.2.3.a', 'a letter'],
    ['1.2.3.:', 'the character after 9'],
    ['1.2.3./', 'the character before 0'],
    ['01.2.3.4', 'a leading zero'],
    ['1.2.3.00', 'a leading zero'],
    ['1.2.3.007', 'a leading zero'],
    ['1.2.3.256', 'a part over 255'],
    ['1.2.3.1000', 'a four-digit part'],
    ['1.2.3.4 ', 'a trailing space'],
    ['1.2.3', 'too short'],
    ['1', 'one number'],
  ])('rejects %j (%s)', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe('parseIpAddress: IPv6 [sheet §3.3]', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::1', 0x20010db8000000000000000000000001n],
    ['2001:DB8:0:0:0:0:0:1', 0x20010db8000000000000000000000001n],
    ['::ffff:10.0.0.1', 0xffff0a000001n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
  ])('%s is %d', (text, addr) => {
    expect(parseIpAddress(text)).toEqual({ family: 6, addr });
  });

  it.each(['fe80::1%eth0', 'fe80::1%1', '%::1', '1::2::3', ':::', '2001:db8::g', '12345::1', ''])('rejects %j', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe('parseCidr: address, then an optional /prefix [sheet §3.3]', () => {
  it('a bare address is a /32 or /128 block', () => {
    expect(parseCidr('10.0.0.1')).toEqual({ family: 4, net: 0x0a000001, mask: 0xffffffff, prefix: 32 });
    expect(parseCidr('::1')).toEqual({ family: 6, net: 1n, mask: (1n << 128n) - 1n, prefix: 128 });
  });

  it('accepts the longest prefix of each family and rejects one more', () => {
    expect(parseCidr('10.0.0.1/32')).toEqual({ family: 4, net: 0x0a000001, mask: 0xffffffff, prefix: 32 });
    expect(parseCidr('10.0.0.1/33')).toBeNull();
    expect(parseCidr('2001:db8::1/128')).toEqual({ family: 6, net: 0x20010db8000000000000000000000001n, mask: (1n << 128n) - 1n, prefix: 128 });
    expect(parseCidr('2001:db8::1/129')).toBeNull();
  });

  it('clears the host bits and keeps the mask', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ family: 4, net: 0x0a000000, mask: 0xff000000, prefix: 8 });
    expect(parseCidr('10.1.2.3/0')).toEqual({ family: 4, net: 0, mask: 0, prefix: 0 });
    expect(parseCidr('2001:db8:ffff::1/32')).toEqual({
      family: 6,
      net: 0x20010db8n << 96n,
      mask: ((1n << 32n) - 1n) << 96n,
      prefix: 32,
    });
    expect(parseCidr('2001:db8::1/0')).toEqual({ family: 6, net: 0n, mask: 0n, prefix: 0 });
    expect(parseCidr('2001:db8::1/1')).toEqual({ family: 6, net: 0n, mask: 1n << 127n, prefix: 1 });
  });

  it.each(['/24', '/', '10.0.0.1/', '10.0.0.1/24/8', '10.0.0.1//24', '10.0.0.1/024', '10.0.0.1/+8', '10.0.0.1/8 ', '10.0.0.0/24/'])(
    'rejects %j',
    (text) => expect(parseCidr(text)).toBeNull(),
  );
});

describe('cidrContains [sheet §3.3]', () => {
  it('an IPv6 /0 block contains every IPv6 address and no IPv4 one', () => {
    const all = parseCidr('::/0')!;
    expect(cidrContains(all, parseIpAddress('ffff::1')!)).toBe(true);
    expect(cidrContains(all, parseIpAddress('::')!)).toBe(true);
    expect(cidrContains(all, parseIpAddress('0.0.0.0')!)).toBe(false);
  });

  it('an IPv6 /1 block splits the space in half', () => {
    const low = parseCidr('::/1')!;
    expect(cidrContains(low, parseIpAddress('7fff::1')!)).toBe(true);
    expect(cidrContains(low, parseIpAddress('8000::')!)).toBe(false);
  });
});
