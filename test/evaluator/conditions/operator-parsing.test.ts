import { describe, expect, it } from 'vitest';
import { parseOperator } from '../../../src/evaluator/conditions/index.js';

describe('parseOperator: unknown names and case-slip suggestions [sheet §3.3; names are case-sensitive, I-moto]', () => {
  it('an unknown name is reported as unknown, with no suggestion when nothing is close', () => {
    expect(parseOperator('Bogus')).toEqual({ unknown: true, suggestion: null });
    expect(parseOperator('ForAllValues:Bogus')).toEqual({ unknown: true, suggestion: null });
    expect(parseOperator('BogusIfExists')).toEqual({ unknown: true, suggestion: null });
  });
  it.each([
    ['stringequals', 'StringEquals'],
    ['STRINGEQUALSIFEXISTS', 'StringEqualsIfExists'],
    ['stringEqualsifexists', 'StringEqualsIfExists'],
    ['forallvalues:stringlike', 'ForAllValues:StringLike'],
    ['FORALLVALUES:StringLike', 'ForAllValues:StringLike'],
    ['foranyvalue:stringlike', 'ForAnyValue:StringLike'],
    ['FORANYVALUE:arnnotlikeifexists', 'ForAnyValue:ArnNotLikeIfExists'],
    ['ForAllValues:numericlessthanIFEXISTS', 'ForAllValues:NumericLessThanIfExists'],
    ['null', 'Null'],
    ['bool', 'Bool'],
    ['notipaddress', 'NotIpAddress'],
  ])('%j differs from a real operator only in case: suggests %j', (text, suggestion) => {
    expect(parseOperator(text)).toEqual({ unknown: true, suggestion });
  });
  it.each([
    'x\nstringequals',
    'stringequals\n',
    'forallvalues:\nstringequals',
    'StringEquals ',
    ' stringequals',
    'forallvalues:forallvalues:stringequals',
    'StringEqualsIfExistsx',
  ])('%j is not a case slip: no suggestion', (text) => {
    expect(parseOperator(text)).toEqual({ unknown: true, suggestion: null });
  });
});
