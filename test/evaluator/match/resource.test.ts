import { describe, expect, it } from 'vitest';
import { buildRequestContext } from '../../../src/evaluator/context.js';
import {
  compileResourcePattern, matchResource, prepareResource, splitArn,
} from '../../../src/evaluator/match/resource.js';

// Resource matching edge cases, sheet §2.2 [D Resource element page], §3.5 [D-2023 reference_policies_variables.html].

const ctx = buildRequestContext({ 'aws:username': 'alice', 'aws:PrincipalAccount': '111122223333' });

describe('splitArn', () => {
  it.each([
    ['', ['']],
    ['plain', ['plain']],
    ['a:b', ['a', 'b']],
    ['a:b:c', ['a', 'b', 'c']],
    ['a:b:c:d', ['a', 'b', 'c', 'd']],
    ['a:b:c:d:e', ['a', 'b', 'c', 'd', 'e']],
    ['arn:aws:s3:::b/k', ['arn', 'aws', 's3', '', '', 'b/k']],
    ['arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s', ['arn', 'aws', 'logs', 'us-east-1', '123456789012', 'log-group:g:log-stream:s']],
    [':::::', ['', '', '', '', '', '']],
  ])('splits %j at its first five colons', (text, want) => expect(splitArn(text)).toEqual(want));
});

describe('compileResourcePattern', () => {
  it('keeps a variable in the resource part in an ARN pattern with literal segments', () => {
    const p = compileResourcePattern('arn:aws:s3:::home/${aws:username}/*', true);
    expect(p.kind).toBe('arn');
    expect(p.kind === 'arn' && p.template !== null && p.resource === null).toBe(true);
    expect(p.kind === 'arn' ? p.segments : null).toEqual([
      { kind: 'literal', text: 'arn' }, { kind: 'literal', text: 'aws' }, { kind: 'literal', text: 's3' },
      { kind: 'literal', text: '' }, { kind: 'literal', text: '' },
    ]);
  });

  it('resolves the whole pattern per request when a variable is in a segment before the resource part', () => {
    expect(compileResourcePattern('arn:aws:kms:*:${aws:PrincipalAccount}:key/*', true).kind).toBe('template');
  });

  it('treats a malformed ${ as literal text, in a segment or in the resource part', () => {
    const seg = compileResourcePattern('arn:aws:kms:*:${}:key/*', true);
    expect(seg.kind).toBe('arn');
    expect(seg.kind === 'arn' ? seg.segments[4] : null).toEqual({ kind: 'literal', text: '${}' });
    const res = compileResourcePattern('arn:aws:s3:::b/${}', true);
    expect(res).toEqual({
      kind: 'arn',
      segments: [
        { kind: 'literal', text: 'arn' }, { kind: 'literal', text: 'aws' }, { kind: 'literal', text: 's3' },
        { kind: 'literal', text: '' }, { kind: 'literal', text: '' },
      ],
      resource: { kind: 'literal', text: 'b/${}' },
      template: null,
    });
    expect(matchResource('arn:aws:s3:::b/${}', 'arn:aws:s3:::b/${}', ctx)).toBe(true);
  });

  it('keeps the case of every segment', () => {
    expect(compileResourcePattern('arn:AWS:S3:US-East-1:ACCT:Key', false)).toEqual({
      kind: 'arn',
      segments: [
        { kind: 'literal', text: 'arn' }, { kind: 'literal', text: 'AWS' }, { kind: 'literal', text: 'S3' },
        { kind: 'literal', text: 'US-East-1' }, { kind: 'literal', text: 'ACCT' },
      ],
      resource: { kind: 'literal', text: 'Key' },
      template: null,
    });
  });
});

describe('matchResource edge cases', () => {
  it.each([
    ['arn:aws:ec2:US-*-1:*:*', 'arn:aws:ec2:US-EAST-1:1:x', true, 'a wildcard segment is case-sensitive and keeps its case'],
    ['arn:aws:ec2:US-*-1:*:*', 'arn:aws:ec2:us-east-1:1:x', false, 'a wildcard segment is case-sensitive'],
    ['arn:aws:ec2:us-*-1:*:*', 'arn:aws:ec2:eu-west-1:1:x', false, 'a wildcard segment that does not fit'],
    ['arn:aws:ec2:us-east-1:*:*', 'arn:aws:ec2:eu-west-1:1:x', false, 'a literal segment that does not fit'],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::c/x', false, 'a prefix resource part that does not fit'],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/xy', false, 'a ? resource part is one character'],
    ['arn:aws:s3:::b/?', 'arn:aws:s3:::b/x', true, 'a ? resource part is one character'],
    ['arn:aws:s3:::*', 'arn:aws:s3:::anything:at/all', true, 'a * resource part'],
    ['arn:aws:sqs:*', 'arn:aws:sqs', false, 'a request with fewer than six parts is not an ARN'],
    ['arn:aws:sqs:*', 'arn:aws:sqs:us-east-1:1', false, 'a request with fewer than six parts is not an ARN'],
    ['*', 'anything at all', true, 'only * covers a non-ARN request'],
  ])('%j vs %j: %s (%s)', (pattern, resource, want) => expect(matchResource(pattern, resource)).toBe(want));

  it('keeps variables literal without a context, in segments too (Version 2008-10-17)', () => {
    const p = 'arn:aws:kms:*:${aws:PrincipalAccount}:key/*';
    expect(matchResource(p, 'arn:aws:kms:us-east-1:${aws:PrincipalAccount}:key/k')).toBe(true);
    expect(matchResource(p, 'arn:aws:kms:us-east-1:111122223333:key/k')).toBe(false);
    expect(compileResourcePattern(p, false).kind).toBe('arn');
  });

  it('substitutes a variable at the very start of the resource part', () => {
    expect(matchResource('arn:aws:s3:::${aws:username}/*', 'arn:aws:s3:::alice/x', ctx)).toBe(true);
    expect(matchResource('arn:aws:s3:::${aws:username}/*', 'arn:aws:s3:::bob/x', ctx)).toBe(false);
  });

  it('does not substitute variables in a pattern with no colon at all (not an ARN pattern)', () => {
    expect(matchResource('${owner}*', 'alice:b:c:d:e:f', { owner: 'alice' })).toBe(false);
    expect(compileResourcePattern('${owner}*', true).kind).toBe('arn');
  });

  it('matches a variable-account pattern only against six-part ARNs', () => {
    expect(matchResource('arn:aws:kms:*:${aws:PrincipalAccount}*', 'arn:aws:kms:us-east-1:111122223333', ctx)).toBe(false);
    expect(matchResource('arn:aws:kms:*:${aws:PrincipalAccount}*', 'arn:aws:kms:us-east-1:111122223333:key/k', ctx)).toBe(true);
  });
});

describe('prepareResource', () => {
  it('splits a six-part ARN, and nothing else', () => {
    expect(prepareResource('arn:aws:s3:::b/k')).toEqual({ value: 'arn:aws:s3:::b/k', segments: ['arn', 'aws', 's3', '', '', 'b/k'] });
    expect(prepareResource('*')).toEqual({ value: '*', segments: null });
    expect(prepareResource('arn:aws:sqs')).toEqual({ value: 'arn:aws:sqs', segments: null });
    expect(prepareResource('not-an-arn')).toEqual({ value: 'not-an-arn', segments: null });
  });

  it('returns the same prepared resource for a repeated resource, also after preparing others', () => {
    const first = prepareResource('arn:aws:s3:::prep-test/repeated');
    prepareResource('arn:aws:s3:::prep-test/other1');
    prepareResource('arn:aws:s3:::prep-test/other2');
    expect(prepareResource('arn:aws:s3:::prep-test/repeated')).toBe(first);
  });

  it('keeps its cache bounded: after 4096 other resources an early one is prepared anew, equal but not the same', () => {
    const first = prepareResource('arn:aws:s3:::prep-test/evicted');
    for (let i = 0; i < 4096; i++) prepareResource(`arn:aws:s3:::prep-test/filler${i}`);
    const again = prepareResource('arn:aws:s3:::prep-test/evicted');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
