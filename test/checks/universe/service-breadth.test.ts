import { describe, expect, it } from 'vitest';
import { allowedServices, decideRaw, fullyGrantedServices, grantsEverything, ipInAny, isCidr, prefixLength, servicesMissing, servicesWithin } from '../../../src/checks/universe/index.js';
import { doc } from '../universe-fixtures.js';

const ACTIONS = ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'ec2:DescribeInstances', 'ec2:RunInstances', 'iam:PassRole', 'iam:CreateUser', 'sqs:SendMessage'];
const re = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const catalog = { expand: (p: string) => ACTIONS.filter((a) => re(p).test(a)), all: () => ACTIONS };
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

describe('IP allowlists', () => {
  it('recognises addresses and CIDR blocks', () => {
    expect(['10.0.0.0/8', '1.2.3.4', '::1', '2001:db8::/32', 'x', '10.0.0.0/33', ''].map(isCidr)).toEqual([true, true, true, true, false, false, false]);
  });
  it('gives the prefix length, 32 or 128 for a single address, 0 for everything', () => {
    expect(['10.0.0.0/8', '1.2.3.4', '::1', '0.0.0.0/0', 'x'].map(prefixLength)).toEqual([8, 32, 128, 0, null]);
  });
  it('finds an address in any block of the list, skipping blocks that do not parse', () => {
    expect(ipInAny('10.1.2.3', ['x', '10.0.0.0/8'])).toBe(true);
    expect(ipInAny('10.1.2.3', ['11.0.0.0/8', '10.1.2.4'])).toBe(false);
    expect(ipInAny('10.1.2.3', ['10.1.2.3'])).toBe(true);
    expect(ipInAny('10.1.2.3', [])).toBe(false);
    expect(ipInAny('2001:db8::1', ['10.0.0.0/8', '2001:db8::/32'])).toBe(true);
  });
  it('never matches an address that does not parse', () => {
    expect(ipInAny('not-an-ip', ['0.0.0.0/0'])).toBe(false);
  });
  it('compares IPv4-mapped IPv6 addresses and blocks as IPv4', () => {
    expect(ipInAny('::ffff:10.0.0.1', ['10.0.0.0/8'])).toBe(true);
    expect(ipInAny('10.0.0.1', ['::ffff:10.0.0.0/104'])).toBe(true);
    expect(ipInAny('11.0.0.1', ['::ffff:10.0.0.0/104'])).toBe(false);
    expect(ipInAny('10.0.0.1', ['::ffff:10.0.0.1'])).toBe(true);
  });
  it('does not match an IPv6 address against an IPv4 block or the reverse', () => {
    expect(ipInAny('2001:db8::1', ['0.0.0.0/0'])).toBe(false);
    expect(ipInAny('10.0.0.1', ['::/0'])).toBe(false);
  });
});

describe('allowedServices: the services Allow statements can reach', () => {
  it('collects literal and wildcard actions by service, lowercased, and ignores Deny', () => {
    expect(allowedServices(doc(allow(['S3:GetObject', 'ec2:Describe*']), { Effect: 'Deny', Action: 'iam:*', Resource: '*' }), catalog)).toEqual(new Set(['s3', 'ec2']));
  });
  it('expands wildcards in the service part against the catalog', () => {
    expect(allowedServices(doc(allow('s?s:*')), catalog)).toEqual(new Set(['sqs']));
    expect(allowedServices(doc(allow('*3:Get*')), catalog)).toEqual(new Set(['s3']));
  });
  it('leaves out actions that are not real, and an action without a service', () => {
    expect(allowedServices(doc(allow(['s3:NoSuchThing', 'iam', 'ec2:Nope*'])), catalog)).toEqual(new Set());
  });
  it('is every service for *, *:anything, or NotAction', () => {
    expect(allowedServices(doc(allow('*')), catalog)).toBeNull();
    expect(allowedServices(doc(allow('*:Get*')), catalog)).toBeNull();
    expect(allowedServices(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), catalog)).toBeNull();
    expect(allowedServices(doc({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), catalog)).toEqual(new Set());
  });
  it('compares service sets, null being every service', () => {
    const s = (...x: string[]) => new Set(x);
    expect([servicesWithin(s('a'), null), servicesWithin(null, s('a')), servicesWithin(s('a', 'b'), s('a', 'b', 'c')), servicesWithin(s('a', 'd'), s('a'))]).toEqual([true, false, true, false]);
    expect([servicesMissing(s('a'), null), servicesMissing(null, s('a')), servicesMissing(s('a', 'b', 'c'), s('a')), servicesMissing(s(), s())]).toEqual([0, Infinity, 2, 0]);
  });
});

describe('breadth by the evaluator', () => {
  it('grants everything with Action *, even only under a condition', () => {
    expect(grantsEverything([doc(allow('*'))], decideRaw, catalog)).toBe(true);
    expect(grantsEverything([doc(allow('*', '*', { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }))], decideRaw, catalog)).toBe(true);
  });
  it('does not grant everything when one action is left out or resources are named', () => {
    expect(grantsEverything([doc({ Effect: 'Allow', NotAction: 'iam:PassRole', Resource: '*' })], decideRaw, catalog)).toBe(false);
    expect(grantsEverything([doc(allow('*', 'arn:aws:s3:::b'))], decideRaw, catalog)).toBe(false);
    expect(grantsEverything([doc(allow('*'), { Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' })], decideRaw, catalog)).toBe(false);
  });
  it('finds the services all of whose actions are allowed together on one resource, sorted', () => {
    expect(fullyGrantedServices([doc(allow(['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'ec2:RunInstances']))], decideRaw, catalog)).toEqual(['s3']);
    expect(fullyGrantedServices([doc(allow('*'))], decideRaw, catalog)).toEqual(['ec2', 'iam', 's3', 'sqs']);
    expect(fullyGrantedServices([doc(allow('s3:*', 'arn:aws:s3:::b'))], decideRaw, catalog)).toEqual(['s3']);
  });
  it('does not count a service whose actions are allowed only on different resources', () => {
    expect(fullyGrantedServices([doc(allow(['s3:GetObject', 's3:ListBucket'], 'arn:aws:s3:::a'), allow('s3:PutObject', 'arn:aws:s3:::b'))], decideRaw, catalog)).toEqual([]);
  });
  it('looks only at the services asked about', () => {
    expect(fullyGrantedServices([doc(allow('*'))], decideRaw, catalog, new Set(['sqs', 'ec2']))).toEqual(['ec2', 'sqs']);
  });
});
