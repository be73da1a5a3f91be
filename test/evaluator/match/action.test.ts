import { describe, expect, it } from 'vitest';
import {
  compileActionPattern, indexActions, matchAction, matchActionList, matchAnyAction, prepareAction, type ActionPattern,
} from '../../../src/evaluator/match/action.js';

// Action matching edge cases [D-2023 reference_policies_elements_action.html], sheet §2.1.

describe('compileActionPattern', () => {
  it('lowercases and splits service and name once', () => {
    expect(compileActionPattern('IAM:Get*')).toEqual({
      kind: 'split', service: { kind: 'literal', text: 'iam' }, name: { kind: 'prefix', text: 'get' },
    });
    expect(compileActionPattern('S?:*')).toEqual({
      kind: 'split',
      service: { kind: 'pattern', head: 's?', middle: [], bitap: [], tail: '', exact: true, minLength: 2 },
      name: { kind: 'any' },
    });
  });

  it.each([
    ['*', { kind: 'all' }], ['**', { kind: 'all' }], ['s3*', { kind: 'never' }], ['', { kind: 'never' }],
    ['iam::x', { kind: 'never' }], ['iam:a:b', { kind: 'never' }], [':get', { kind: 'never' }], [' :get', { kind: 'never' }],
    ['iam:', { kind: 'never' }], ['iam: ', { kind: 'never' }], ['iam:\t', { kind: 'never' }],
  ])('compiles %j to %j', (pattern, want) => expect(compileActionPattern(pattern)).toEqual(want));

  it.each([
    ['iam::x', 'iam::x', 'a name starting with a colon is a second colon'],
    [' :Get', ' :Get', 'a blank service never matches'],
    ['*:*', 'NoColon', 'an action without a colon has no service'],
    ['*:*', 'iam: ', 'an action with a blank name has no service'],
    ['iam:?', 'iam: ', 'an action with a blank name is matched only by *'],
    ['iam:*', 'iam: ', 'an action with a blank name is matched only by *'],
  ])('%j does not match %j (%s)', (pattern, action) => expect(matchAction(pattern, action)).toBe(false));

  it('matches a request without a colon or with a blank name only by a bare *', () => {
    expect(matchAction('*', 'NoColon')).toBe(true);
    expect(matchAction('*', 'iam: ')).toBe(true);
  });
});

describe('prepareAction', () => {
  it('lowercases and splits at the first colon', () => {
    expect(prepareAction('S3:GetObject')).toEqual({ lower: 's3:getobject', service: 's3', name: 'getobject' });
    expect(prepareAction('a:b:c')).toEqual({ lower: 'a:b:c', service: 'a', name: 'b:c' });
    expect(prepareAction(':X')).toEqual({ lower: ':x', service: '', name: 'x' });
  });

  it('has no service for an action without a colon or with a blank name', () => {
    expect(prepareAction('NoColon')).toEqual({ lower: 'nocolon', service: null, name: 'nocolon' });
    expect(prepareAction('iam: ')).toEqual({ lower: 'iam: ', service: null, name: ' ' });
    expect(prepareAction('iam:')).toEqual({ lower: 'iam:', service: null, name: '' });
  });

  it('returns the same prepared action for a repeated action, also after preparing others', () => {
    const first = prepareAction('prep-test:RepeatedAction');
    prepareAction('prep-test:Other1');
    prepareAction('prep-test:Other2');
    expect(prepareAction('prep-test:RepeatedAction')).toBe(first);
  });

  it('keeps its cache bounded: after 4096 other actions an early one is prepared anew, equal but not the same', () => {
    const first = prepareAction('prep-test:Evicted');
    for (let i = 0; i < 4096; i++) prepareAction(`prep-test:Filler${i}`);
    const again = prepareAction('prep-test:Evicted');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('indexActions and matchActionList', () => {
  const compile = (texts: readonly string[]): ActionPattern[] => texts.map(compileActionPattern);
  const fillers = (n: number): string[] => Array.from({ length: n }, (_, i) => `svc${i % 3}:Get${i}*`);

  it('does not index a list of fewer than 16 patterns', () => {
    expect(indexActions(compile(fillers(15)))).toBeNull();
    expect(indexActions([])).toBeNull();
  });

  it('indexes 16 or more by literal service; wildcard services and * go to wild; never-matching ones are dropped', () => {
    const texts = [...fillers(14), 's3:Get*', 'S3:Put*', '*', 's?:List*', 'bad', 'iam:'];
    const patterns = compile(texts);
    const index = indexActions(patterns);
    expect(index).not.toBeNull();
    expect([...index!.byService.keys()].sort()).toEqual(['s3', 'svc0', 'svc1', 'svc2']);
    expect(index!.byService.get('s3')).toEqual([patterns[14], patterns[15]]);
    expect(index!.byService.get('svc0')).toEqual([0, 3, 6, 9, 12].map((i) => patterns[i]));
    expect(index!.wild).toEqual([{ kind: 'all' }, patterns[17]]);
  });

  const withWild = compile([...fillers(16), 's?:List*']);
  const ownOnly = compile([...fillers(16), 'ec2:Describe*']);
  const cases: [string, ActionPattern[], string, boolean][] = [
    ['own service pattern', withWild, 'svc1:Get4Now', true],
    ['own service, no pattern fits, wild does', withWild, 'S3:ListBuckets', true],
    ['own service, nothing fits', ownOnly, 'ec2:RunInstances', false],
    ['own service only', ownOnly, 'ec2:DescribeInstances', true],
    ['service not in the index, wild fits', withWild, 'sx:ListThings', true],
    ['service not in the index, nothing fits', ownOnly, 'kms:Decrypt', false],
    ['no service', withWild, 'NoColon', false],
    ['blank name', withWild, 'svc1: ', false],
  ];
  it.each(cases)('gives the linear answer through the index: %s', (_name, patterns, action, want) => {
    const prepared = prepareAction(action);
    expect(matchAnyAction(patterns, prepared)).toBe(want);
    expect(matchActionList(patterns, indexActions(patterns), prepared)).toBe(want);
    expect(matchActionList(patterns, null, prepared)).toBe(want);
    expect(matchActionList(patterns, undefined, prepared)).toBe(want);
  });

  it('uses the index when given one: a pattern left out of the index is not consulted', () => {
    const patterns = compile(fillers(16));
    const index = indexActions(patterns)!;
    const extra = [...patterns, compileActionPattern('kms:*')];
    expect(matchActionList(extra, index, prepareAction('kms:Decrypt'))).toBe(false);
    expect(matchActionList(extra, undefined, prepareAction('kms:Decrypt'))).toBe(true);
  });
});
