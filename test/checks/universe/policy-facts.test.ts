import { describe, expect, it } from 'vitest';
import { conditionsOf, policyFacts, statementsOf, stringsOf } from '../../../src/checks/universe/policy-facts.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { doc } from '../universe-fixtures.js';

describe('reading statements leniently', () => {
  it('takes one statement object or the objects of a list, skipping anything else', () => {
    const one = { Effect: 'Allow' };
    expect(statementsOf({ Statement: one } as PolicyDocument)).toEqual([one]);
    expect(statementsOf({ Statement: [one, null, 'x', [one], 3] } as unknown as PolicyDocument)).toEqual([one]);
    expect(statementsOf({ Statement: 'x' } as unknown as PolicyDocument)).toEqual([]);
    expect(statementsOf({ Statement: null } as unknown as PolicyDocument)).toEqual([]);
    expect(statementsOf({} as PolicyDocument)).toEqual([]);
  });
  it('reads a string-or-list element as strings, numbers and booleans included', () => {
    expect(stringsOf(undefined)).toEqual([]);
    expect(stringsOf(null)).toEqual([]);
    expect(stringsOf('a')).toEqual(['a']);
    expect(stringsOf(['a', 1, true, null, { x: 1 }, ['b']])).toEqual(['a', '1', 'true']);
    expect(stringsOf(0)).toEqual(['0']);
    expect(stringsOf(false)).toEqual(['false']);
  });
  it('lists condition clauses per operator and key, skipping malformed bodies', () => {
    expect(conditionsOf({ Condition: { StringEquals: { 'aws:a': ['x', 'y'], 'aws:b': 'z' }, Bool: 'true', Null: null, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })).toEqual([
      { operator: 'StringEquals', key: 'aws:a', values: ['x', 'y'] },
      { operator: 'StringEquals', key: 'aws:b', values: ['z'] },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: ['10.0.0.0/8'] },
    ]);
    expect(conditionsOf({ Condition: 'x' })).toEqual([]);
    expect(conditionsOf({ Condition: null })).toEqual([]);
    expect(conditionsOf({})).toEqual([]);
  });
});

describe('policyFacts', () => {
  const a = doc(
    { Effect: 'Allow', Action: ['s3:GetObject', 'S3:getobject', 'ec2:*'], Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/*'], Condition: { StringEquals: { 'aws:A': 'x' } } },
    { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:iam::*:role/x' },
    { Effect: 'Allow', Resource: '*' },
  );
  const b = doc({ Effect: 'Allow', Action: ['ec2:*', 's3:GetObject'], Resource: '*', Condition: { StringEquals: { 'aws:a': 'x' }, StringLike: { 'aws:a': 'x' } } });

  it('collects one document\'s actions, Action/NotAction elements (lowercased, deduplicated, sorted), resources and conditions', () => {
    expect(policyFacts([a])).toEqual({
      actionPatterns: ['s3:GetObject', 'S3:getobject', 'ec2:*', 'iam:*'],
      actionElements: [['ec2:*', 's3:getobject'], ['iam:*']],
      resourcePatterns: ['arn:aws:s3:::b/*', 'arn:aws:iam::*:role/x', '*'],
      conditions: [{ operator: 'StringEquals', key: 'aws:A', values: ['x'] }],
    });
  });

  it('unions several documents without duplicates, a condition key compared case-insensitively', () => {
    expect(policyFacts([a, b])).toEqual({
      actionPatterns: ['s3:GetObject', 'S3:getobject', 'ec2:*', 'iam:*'],
      actionElements: [['ec2:*', 's3:getobject'], ['iam:*']],
      resourcePatterns: ['arn:aws:s3:::b/*', 'arn:aws:iam::*:role/x', '*'],
      conditions: [{ operator: 'StringEquals', key: 'aws:a', values: ['x'] }, { operator: 'StringLike', key: 'aws:a', values: ['x'] }],
    });
    expect(policyFacts([])).toEqual({ actionPatterns: [], actionElements: [], resourcePatterns: [], conditions: [] });
  });

  it('reads a document again when it is not frozen and may have changed', () => {
    const d = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } as { Version: string; Statement: object[] };
    expect(policyFacts([d as PolicyDocument]).actionPatterns).toEqual(['s3:GetObject']);
    d.Statement.push({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' });
    expect(policyFacts([d as PolicyDocument]).actionPatterns).toEqual(['s3:GetObject', 'sqs:SendMessage']);
  });
});
