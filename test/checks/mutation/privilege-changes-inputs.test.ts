/** anomalies/privilege-changes: logged inputs that are missing, empty or not documents, and grants of IAM alone. */
import { describe, expect, it } from 'vitest';
import { privilegeChanges, type PrivilegeEnv } from '../../../src/checks/anomalies/index.js';
import { decideRaw } from '../../../src/checks/universe/decide-raw.js';
import { REAL_CATALOG } from '../../../src/checks/universe/real-catalog.js';
import type { PolicyDocument } from '../../../src/evaluator/types.js';
import type { CloudTrailEvent } from '../../../src/model/types.js';
import { call, minute } from '../anomalies/events.js';

const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const ADMIN_DOC = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const IAM_ONLY = doc({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
const env: PrivilegeEnv = { policyByArn: () => undefined, decide: decideRaw, catalog: REAL_CATALOG };
const at = minute(0);
const change = (e: CloudTrailEvent, e2: PrivilegeEnv = env): unknown[] => privilegeChanges([e], e2).map((a) => [a.detail['change'], a.detail['target']]);

describe('privilegeChanges inputs', () => {
  it('an empty resources list names no target', () => {
    expect(change(call(at, 'CreateUser', 'a', { resources: [] }))).toEqual([['created user', '']]);
  });
  it('an inline policy granting all of IAM is an administrator policy', () => {
    expect(change(call(at, 'PutUserPolicy', 'a', { requestParameters: { userName: 'bob', policyDocument: JSON.stringify(IAM_ONLY) } }))).toEqual([['wrote an administrator inline policy for', 'bob']]);
  });
  it('a put without parameters, with a null document, with JSON null, or with text that is not JSON is not reported', () => {
    expect(change(call(at, 'PutUserPolicy', 'a'))).toEqual([]);
    expect(change(call(at, 'PutRolePolicy', 'a', { requestParameters: { roleName: 'r', policyDocument: null } }))).toEqual([]);
    expect(change(call(at, 'PutRolePolicy', 'a', { requestParameters: { roleName: 'r', policyDocument: 'null' } }))).toEqual([]);
    expect(change(call(at, 'PutGroupPolicy', 'a', { requestParameters: { groupName: 'g', policyDocument: '{not json' } }))).toEqual([]);
    expect(change(call(at, 'PutGroupPolicy', 'a', { requestParameters: { groupName: 'g', policyDocument: ADMIN_DOC } }))).toEqual([['wrote an administrator inline policy for', 'g']]);
  });
  it('a managed policy created with an administrator document is not an inline write', () => {
    expect(change(call(at, 'CreatePolicy', 'a', { requestParameters: { policyName: 'p', policyDocument: JSON.stringify(ADMIN_DOC) } }))).toEqual([]);
  });
  it('an attach that names no policy, with no way to see what is attached now, reports nothing', () => {
    const anyAdmin: PrivilegeEnv = { ...env, policyByArn: () => ADMIN_DOC };
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob' } }), anyAdmin)).toEqual([]);
    expect(change(call(at, 'AttachUserPolicy', 'a', { requestParameters: { userName: 'bob' } }), { ...anyAdmin, attachedNow: () => undefined as unknown as string[] })).toEqual([]);
  });
});
