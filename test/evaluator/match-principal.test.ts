import { describe, expect, it } from 'vitest';
import { compilePrincipal, matchPrincipal, notPrincipalApplies, principalGrant, type PrincipalGrant } from '../../src/evaluator/match/principal.js';
import type { RequestPrincipal } from '../../src/evaluator/types.js';

const A = '111111111111';
const user: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const session: RequestPrincipal = { kind: 'role-session', arn: `arn:aws:sts::${A}:assumed-role/R/s1`, accountId: A, roleArn: `arn:aws:iam::${A}:role/R` };
const fed: RequestPrincipal = { kind: 'federated-user', arn: `arn:aws:sts::${A}:federated-user/f`, accountId: A, federatedUserOwnerArn: `arn:aws:iam::${A}:user/alice` };
const root: RequestPrincipal = { kind: 'root', arn: `arn:aws:iam::${A}:root`, accountId: A };
const service: RequestPrincipal = { kind: 'service', arn: 'ec2.amazonaws.com', accountId: '', service: 'ec2.amazonaws.com' };
const anonymous: RequestPrincipal = { kind: 'anonymous', arn: '', accountId: '' };
const saml: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${A}:saml-provider/idp`, accountId: A };

// Source: sheet §2.3 and the §1.2 table.
const cases: ReadonlyArray<readonly [string, unknown, RequestPrincipal, PrincipalGrant]> = [
  ['"*" names everyone', '*', user, 'exact'],
  ['{"AWS":"*"} names everyone', { AWS: '*' }, session, 'exact'],
  ['"*" includes anonymous callers', '*', anonymous, 'exact'],
  ['{"AWS":"*"} includes anonymous callers', { AWS: '*' }, anonymous, 'exact'],
  ['account id delegates to the account', { AWS: A }, user, 'account'],
  ['root ARN delegates to the account', { AWS: `arn:aws:iam::${A}:root` }, session, 'account'],
  ['root ARN names the root user', { AWS: `arn:aws:iam::${A}:root` }, root, 'exact'],
  ['other account', { AWS: '222222222222' }, user, 'none'],
  ['user ARN', { AWS: user.arn }, user, 'exact'],
  ['user ARN is case-sensitive', { AWS: `arn:aws:iam::${A}:user/Alice` }, user, 'none'],
  ['role ARN names the role\'s sessions (limited grant)', { AWS: `arn:aws:iam::${A}:role/R` }, session, 'role'],
  ['session ARN', { AWS: session.arn }, session, 'exact'],
  ['another session of the role', { AWS: `arn:aws:sts::${A}:assumed-role/R/other` }, session, 'none'],
  ['federated-user ARN', { AWS: fed.arn }, fed, 'exact'],
  ['owner of the federated session (limited grant)', { AWS: `arn:aws:iam::${A}:user/alice` }, fed, 'owner'],
  ['service principal', { Service: 'ec2.amazonaws.com' }, service, 'exact'],
  ['other service', { Service: 'lambda.amazonaws.com' }, service, 'none'],
  ['account does not name a service', { AWS: A }, service, 'none'],
  ['account does not name anonymous callers', { AWS: A }, anonymous, 'none'],
  ['federated provider', { Federated: saml.arn }, saml, 'exact'],
  ['canonical user', { CanonicalUser: 'abc123' }, { kind: 'user', arn: 'abc123', accountId: A }, 'exact'],
  ['web identity provider for a caller given as anonymous', { Federated: 'accounts.google.com' }, { kind: 'anonymous', arn: 'accounts.google.com', accountId: '' }, 'exact'],
  ['exact beats account in one element', { AWS: [A, user.arn] }, user, 'exact'],
];

describe('principalGrant / matchPrincipal', () => {
  it.each(cases)('%s', (_name, raw, p, expected) => {
    const set = compilePrincipal(raw);
    expect(principalGrant(set, p)).toBe(expected);
    expect(matchPrincipal(set, p)).toBe(expected !== 'none');
    expect(matchPrincipal(raw, p)).toBe(expected !== 'none');
  });
});

// Source: sheet §2.3 NotPrincipal [D-2023 reference_policies_elements_notprincipal.html].
const notCases: ReadonlyArray<readonly [string, unknown, RequestPrincipal, boolean]> = [
  ['user and account listed: exempt', { AWS: [user.arn, A] }, user, false],
  ['user listed without its account: not exempt', { AWS: user.arn }, user, true],
  ['account only: users are not exempt', { AWS: A }, user, true],
  ['account only: the root user is exempt', { AWS: `arn:aws:iam::${A}:root` }, root, false],
  ['session, role and account listed: exempt', { AWS: [session.arn, `arn:aws:iam::${A}:role/R`, A] }, session, false],
  ['session and account without the role: not exempt', { AWS: [session.arn, A] }, session, true],
  ['role and account without the session: not exempt', { AWS: [`arn:aws:iam::${A}:role/R`, A] }, session, true],
  ['"*" exempts everyone', '*', anonymous, false],
  ['anonymous callers are exempt only through "*"', { AWS: A }, anonymous, true],
  ['service listed: exempt', { Service: 'ec2.amazonaws.com' }, service, false],
];

describe('notPrincipalApplies', () => {
  it.each(notCases)('%s', (_name, raw, p, applies) => {
    expect(notPrincipalApplies(compilePrincipal(raw), p)).toBe(applies);
  });
});
