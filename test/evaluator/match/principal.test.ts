import { describe, expect, it } from 'vitest';
import {
  compilePrincipal, matchPrincipal, notPrincipalApplies, principalGrant, type PrincipalSet,
} from '../../../src/evaluator/match/principal.js';
import type { RequestPrincipal } from '../../../src/evaluator/types.js';

// Principal / NotPrincipal edge cases, sheet §2.3 and §1.2 [D-2023 reference_policies_elements_principal.html,
// reference_policies_elements_notprincipal.html].

const A = '111122223333';
const user: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${A}:user/u`, accountId: A };
const root: RequestPrincipal = { kind: 'root', arn: `arn:aws:iam::${A}:root`, accountId: A };
const roleArn = `arn:aws:iam::${A}:role/r`;
const session: RequestPrincipal = { kind: 'role-session', arn: `arn:aws:sts::${A}:assumed-role/r/s`, accountId: A, roleArn };
const fedOwner = `arn:aws:iam::${A}:user/owner`;
const fed: RequestPrincipal = { kind: 'federated-user', arn: `arn:aws:sts::${A}:federated-user/f`, accountId: A, federatedUserOwnerArn: fedOwner };
const anon: RequestPrincipal = { kind: 'anonymous', arn: '', accountId: '' };
const svc: RequestPrincipal = { kind: 'service', arn: '', accountId: '', service: 'S3.AmazonAWS.com' };
const svcNoName: RequestPrincipal = { kind: 'service', arn: '', accountId: '' };

const empty: PrincipalSet = { any: false, accounts: [], arns: [], services: [], federated: [], canonicalUsers: [] };

describe('compilePrincipal', () => {
  it.each([null, undefined, 5, 'arn:aws:iam::111122223333:root', ['*'], {}])('reads %j as naming nobody', (raw) => {
    expect(compilePrincipal(raw)).toEqual(empty);
  });

  it('sorts entries by kind, keeps only strings, and lowercases services', () => {
    expect(compilePrincipal({
      AWS: ['*', A, `arn:aws:iam::${A}:root`, 'arn:aws-cn:iam::444455556666:root', roleArn, 7, null],
      Service: ['S3.amazonaws.com', 5, null],
      Federated: ['cognito-identity.amazonaws.com', 3],
      CanonicalUser: 'abc123',
    })).toEqual({
      any: true,
      accounts: [A, A, '444455556666'],
      arns: [roleArn],
      services: ['s3.amazonaws.com'],
      federated: ['cognito-identity.amazonaws.com'],
      canonicalUsers: ['abc123'],
    });
    expect(compilePrincipal('*')).toEqual({ ...empty, any: true });
  });
});

describe('principalGrant', () => {
  it('names an identity provider or canonical user by the caller ARN, never by an empty one', () => {
    expect(principalGrant(compilePrincipal({ Federated: user.arn }), user)).toBe('exact');
    expect(principalGrant(compilePrincipal({ CanonicalUser: user.arn }), user)).toBe('exact');
    expect(principalGrant({ ...empty, federated: [''], canonicalUsers: [''] }, anon)).toBe('none');
  });

  it('names a service by its principal, case-insensitively; a service caller without one is named by nothing but *', () => {
    expect(principalGrant(compilePrincipal({ Service: 's3.amazonaws.com' }), svc)).toBe('exact');
    expect(principalGrant(compilePrincipal({ Service: 'ec2.amazonaws.com' }), svc)).toBe('none');
    expect(principalGrant(compilePrincipal({ Service: 's3.amazonaws.com' }), svcNoName)).toBe('none');
    expect(principalGrant(compilePrincipal('*'), svcNoName)).toBe('exact');
  });

  it('names an anonymous caller only by *, not by an empty ARN', () => {
    expect(principalGrant({ ...empty, arns: [''] }, anon)).toBe('none');
    expect(principalGrant(compilePrincipal({ AWS: '*' }), anon)).toBe('exact');
  });

  it('ranks the role above the account for a role session, and the owner above the account for a federated user', () => {
    expect(principalGrant(compilePrincipal({ AWS: [roleArn, A] }), session)).toBe('role');
    expect(principalGrant(compilePrincipal({ AWS: [A, roleArn] }), session)).toBe('role');
    expect(principalGrant(compilePrincipal({ AWS: [fedOwner, A] }), fed)).toBe('owner');
    expect(principalGrant(compilePrincipal({ AWS: [session.arn, A] }), session)).toBe('exact');
  });

  it('names only the account for other principals of the account; the account root itself exactly', () => {
    expect(principalGrant(compilePrincipal({ AWS: A }), user)).toBe('account');
    expect(principalGrant(compilePrincipal({ AWS: A }), session)).toBe('account');
    expect(principalGrant(compilePrincipal({ AWS: A }), fed)).toBe('account');
    expect(principalGrant(compilePrincipal({ AWS: A }), root)).toBe('exact');
    expect(principalGrant(compilePrincipal({ AWS: '444455556666' }), user)).toBe('none');
  });

  it('goes by the caller kind: a role or owner ARN carried by a principal of another kind names nobody', () => {
    const set = compilePrincipal({ AWS: [roleArn, fedOwner] });
    expect(principalGrant(set, { ...user, roleArn, federatedUserOwnerArn: fedOwner })).toBe('none');
    expect(principalGrant(set, { ...fed, roleArn, federatedUserOwnerArn: undefined })).toBe('none');
    expect(principalGrant(set, { ...session, roleArn: undefined, federatedUserOwnerArn: fedOwner })).toBe('none');
  });

  it('never lists an empty account id', () => {
    expect(principalGrant({ ...empty, accounts: [''] }, { ...user, accountId: '' })).toBe('none');
  });
});

describe('matchPrincipal', () => {
  it('reads null and objects that are not a whole compiled set as raw elements', () => {
    expect(matchPrincipal(null, user)).toBe(false);
    expect(matchPrincipal({ arns: [user.arn] }, user)).toBe(false);
    expect(matchPrincipal({ any: true }, user)).toBe(false);
    expect(matchPrincipal({ AWS: user.arn }, user)).toBe(true);
  });

  it('takes a compiled set as it is', () => {
    expect(matchPrincipal({ ...empty, arns: [user.arn] }, user)).toBe(true);
    expect(matchPrincipal({ ...empty, any: true }, anon)).toBe(true);
  });
});

describe('notPrincipalApplies', () => {
  it('never lists an empty account id', () => {
    expect(notPrincipalApplies({ ...empty, accounts: [''] }, { ...root, accountId: '' })).toBe(true);
  });

  it('applies to a service caller without a service principal unless NotPrincipal is *', () => {
    expect(notPrincipalApplies(compilePrincipal({ Service: 's3.amazonaws.com' }), svcNoName)).toBe(true);
    expect(notPrincipalApplies(compilePrincipal({ Service: 's3.amazonaws.com' }), svc)).toBe(false);
  });

  it('exempts a federated user by its ARN and account, whatever other fields it carries', () => {
    const set = compilePrincipal({ AWS: [fed.arn, A] });
    expect(notPrincipalApplies(set, fed)).toBe(false);
    expect(notPrincipalApplies(set, { ...fed, roleArn })).toBe(false);
  });

  it('exempts a role session without a known role by its session ARN and account', () => {
    expect(notPrincipalApplies(compilePrincipal({ AWS: [session.arn, A] }), { ...session, roleArn: undefined })).toBe(false);
    expect(notPrincipalApplies(compilePrincipal({ AWS: [session.arn, A] }), session)).toBe(true);
    expect(notPrincipalApplies(compilePrincipal({ AWS: [session.arn, A, roleArn] }), session)).toBe(false);
  });

  it('applies to an anonymous caller unless NotPrincipal is *', () => {
    expect(notPrincipalApplies({ ...empty, arns: [''], accounts: [''] }, anon)).toBe(true);
    expect(notPrincipalApplies(compilePrincipal('*'), anon)).toBe(false);
    expect(notPrincipalApplies(compilePrincipal({ Service: 's3.amazonaws.com' }), { ...anon, service: 's3.amazonaws.com' })).toBe(true);
  });
});
