import { describe, expect, it } from 'vitest';
import {
  accessLevel, accessLevelCounts, accessLevelsOf, allActions, allServices, expandActions, serviceName, serviceOf,
} from '../../src/model/access-level.js';
import { globMatchLower } from '../../src/model/action-catalog.js';

describe('accessLevel', () => {
  it.each([
    ['s3:GetObject', 'Read'],
    ['s3:PutObject', 'Write'],
    ['s3:ListAllMyBuckets', 'List'],
    ['s3:PutBucketPolicy', 'Permissions management'],
    ['s3:PutBucketTagging', 'Tagging'],
    ['iam:AttachUserPolicy', 'Permissions management'],
    ['iam:CreateAccessKey', 'Write'],
    ['iam:ListUsers', 'List'],
    ['iam:GetUser', 'Read'],
    ['iam:TagUser', 'Tagging'],
    ['ec2:DescribeInstances', 'List'],
    ['IAM:listusers', 'List'],
    ['sts:AssumeRole', 'Write'],
  ] as const)('%s is %s', (action, level) => {
    expect(accessLevel(action)).toBe(level);
  });

  it('is undefined for unknown actions, patterns and garbage', () => {
    expect(accessLevel('s3:NoSuchAction')).toBeUndefined();
    expect(accessLevel('nosuchservice:Get')).toBeUndefined();
    expect(accessLevel('s3:Get*')).toBeUndefined();
    expect(accessLevel('')).toBeUndefined();
  });
});

describe('expandActions', () => {
  it('* expands to every action, over 15,000 of them, unique', () => {
    const all = expandActions('*');
    expect(all).toBe(allActions());
    expect(all.length).toBeGreaterThan(15000);
    expect(new Set(all.map((a) => a.toLowerCase())).size).toBe(all.length);
  });

  it('s3:Get* expands to S3 Get actions only, case-insensitively, in canonical spelling', () => {
    const got = expandActions('S3:get*');
    expect(got).toContain('s3:GetObject');
    expect(got).toContain('s3:GetBucketPolicy');
    expect(got.every((a) => a.startsWith('s3:Get'))).toBe(true);
    expect(expandActions('s3:Get*')).toEqual(got);
  });

  it('iam:*AccessKey* finds the access-key actions', () => {
    const got = expandActions('iam:*AccessKey*');
    for (const a of ['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:UpdateAccessKey', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed']) {
      expect(got).toContain(a);
    }
    expect(got.every((a) => /accesskey/i.test(a))).toBe(true);
  });

  it('? matches exactly one character', () => {
    expect(expandActions('s3:GetObjec?')).toEqual(['s3:GetObject']);
    expect(expandActions('s3:GetObje?')).toEqual([]);
  });

  it('an exact action expands to itself; unknown or malformed patterns to nothing', () => {
    expect(expandActions('s3:getobject')).toEqual(['s3:GetObject']);
    expect(expandActions('s3:Nope*')).toEqual([]);
    expect(expandActions('s3')).toEqual([]);
    expect(expandActions('s3:Get:Object')).toEqual([]);
  });

  it('wildcards do not cross the service colon', () => {
    expect(expandActions('s*').length).toBe(0);
    const got = expandActions('s3*:GetObject');
    expect(got).toContain('s3:GetObject');
    expect(got).toContain('s3-outposts:GetObject');
    expect(got.every((a) => a.endsWith(':GetObject'))).toBe(true);
  });

  it('caches: the same pattern returns the same frozen array', () => {
    const a = expandActions('ec2:Describe*');
    expect(expandActions('EC2:describe*')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('caches expansions: the same pattern gives the same frozen array', () => {
    const first = expandActions('iam:*');
    for (let i = 0; i < 100; i++) expect(expandActions('iam:*')).toBe(first);
    expect(accessLevel('s3:GetObject')).toBe('Read');
  });
});

describe('counts, services and names', () => {
  it('accessLevelCounts sums to the expansion size', () => {
    const c = accessLevelCounts('iam:*');
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    expect(total).toBe(expandActions('iam:*').length);
    expect(c['Permissions management']).toBeGreaterThan(10);
    expect(c.Tagging).toBeGreaterThan(5);
  });

  it('accessLevelsOf lists levels in console order', () => {
    expect(accessLevelsOf('s3:GetObject')).toEqual(['Read']);
    expect(accessLevelsOf('iam:*')).toEqual(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);
  });

  it('serviceOf, serviceName, allServices', () => {
    expect(serviceOf('S3:GetObject')).toBe('s3');
    expect(serviceOf('*')).toBe('*');
    expect(serviceName('s3')).toMatch(/S3/);
    expect(allServices()).toContain('iam');
  });

  it('globMatchLower handles stars, question marks and backtracking', () => {
    expect(globMatchLower('a*b*c', 'axxbyyc')).toBe(true);
    expect(globMatchLower('a*b*c', 'axxbyy')).toBe(false);
    expect(globMatchLower('*', '')).toBe(true);
    expect(globMatchLower('a?c', 'abc')).toBe(true);
    expect(globMatchLower('a?c', 'ac')).toBe(false);
    expect(globMatchLower('*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });
});
