import { describe, expect, it } from 'vitest';
import { policyFacts, stringsOf } from '../../../src/checks/universe/policy-facts.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import { doc } from '../universe-fixtures.js';

describe('policyFacts: distinct elements and keys stay distinct', () => {
  it('keeps two Action elements apart even when their patterns run together as text', () => {
    const d = doc({ Effect: 'Allow', Action: ['iam:*', 's3:*'], Resource: '*' }, { Effect: 'Allow', Action: 'iam:*s3:*', Resource: '*' });
    expect(policyFacts([d]).actionElements).toEqual([['iam:*', 's3:*'], ['iam:*s3:*']]);
    const e = doc({ Effect: 'Allow', Action: 'iam:*s3:*', Resource: '*' });
    expect(policyFacts([doc({ Effect: 'Allow', Action: ['iam:*', 's3:*'], Resource: '*' }), e]).actionElements).toEqual([['iam:*', 's3:*'], ['iam:*s3:*']]);
  });

  it('treats condition keys alike only when they differ in case (ß is not ss)', () => {
    const st = (key: string) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { [key]: 'x' } } });
    expect(policyFacts([doc(st('aws:PrincipalTag/straße'), st('aws:PrincipalTag/STRASSE'))]).conditions.map((c) => c.key)).toEqual(['aws:PrincipalTag/straße', 'aws:PrincipalTag/STRASSE']);
    expect(policyFacts([doc(st('aws:PrincipalTag/straße')), doc(st('aws:PrincipalTag/STRASSE'))]).conditions.map((c) => c.key)).toEqual(['aws:PrincipalTag/straße', 'aws:PrincipalTag/STRASSE']);
  });
});

describe('policyFacts: a frozen document is read once', () => {
  it('gives the same facts object for the same frozen document', () => {
    const d = Object.freeze(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })) as PolicyDocument;
    const first = policyFacts([d]);
    expect(policyFacts([d])).toBe(first);
    expect(first.actionPatterns).toEqual(['s3:GetObject']);
  });

  it('reads an unfrozen document afresh each time', () => {
    const d = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(policyFacts([d])).not.toBe(policyFacts([d]));
  });
});

describe('stringsOf', () => {
  it('is empty for a missing or null element', () => {
    expect([stringsOf(undefined), stringsOf(null), stringsOf([null, undefined])]).toEqual([[], [], []]);
  });
});
