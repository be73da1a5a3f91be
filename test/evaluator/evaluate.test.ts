import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import { ROOT_USER_REF } from '../../src/evaluator/trace.js';
import type { AuthzRequest, CompiledPolicy, Decision, PolicyKind, PolicySet, RequestPrincipal } from '../../src/evaluator/types.js';

import { A, B, P } from './principals.js';

const RESOURCE = 'arn:aws:s3:::bucket/key';
const GET = { Action: 's3:GetObject', Resource: '*' };
const allowGet = { Effect: 'Allow', ...GET };
const denyGet = { Effect: 'Deny', ...GET };
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const allowOther = { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' };
const rp = (principal: unknown, effect = 'Allow', extra: Record<string, unknown> = {}): Record<string, unknown> => ({ Effect: effect, Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*', ...extra });

let n = 0;
function pol(kind: PolicyKind, ...statements: unknown[]): CompiledPolicy {
  const r = compilePolicy({ Version: '2012-10-17', Statement: statements }, { id: `${kind}-${n++}`, kind });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function req(principal: RequestPrincipal, extra: Partial<AuthzRequest> = {}): AuthzRequest {
  return { principal, action: 's3:GetObject', resource: RESOURCE, resourceAccount: A, context: {}, ...extra };
}

interface Case {
  readonly name: string;
  readonly source: string;
  readonly request: AuthzRequest;
  readonly policies: PolicySet;
  readonly effect: Decision['effect'];
  readonly decidedBy: Decision['decidedBy'];
}

const boundaryAllows = (): CompiledPolicy => pol('boundary', allowGet);
const boundaryOther = (): CompiledPolicy => pol('boundary', allowOther);
const sessionAllows = (): CompiledPolicy => pol('session', allowGet);
const sessionOther = (): CompiledPolicy => pol('session', allowOther);
const FULL = (): CompiledPolicy => pol('scp', allowAll);
const RCP_FULL = (): CompiledPolicy => pol('rcp', { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });

const cases: readonly Case[] = [
  // Defaults and identity (sheet §1.1 steps 1, 5, 8).
  { name: 'nothing applies: default deny', source: '§1.1 step 5', request: req(P.user), policies: { identity: [] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'identity Allow', source: '§1.1 step 5/8', request: req(P.user), policies: { identity: [pol('identity', allowGet)] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'identity Allow for another action', source: '§1.1 step 5', request: req(P.user), policies: { identity: [pol('identity', allowOther)] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'identity Deny beats identity Allow', source: '§1.1 step 1', request: req(P.user), policies: { identity: [pol('identity', allowGet), pol('identity', denyGet)] }, effect: 'ExplicitDeny', decidedBy: 'identity' },
  { name: 'NotAction Deny denies everything else', source: '§2.1 NotAction with Deny', request: req(P.user), policies: { identity: [pol('identity', allowAll, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })] }, effect: 'ExplicitDeny', decidedBy: 'identity' },
  { name: 'NotResource Allow covers other resources', source: '§2.2 NotResource', request: req(P.user), policies: { identity: [pol('identity', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' })] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'NotResource Allow excludes its resources', source: '§2.2 NotResource', request: req(P.user, { resource: 'arn:aws:s3:::secret/x' }), policies: { identity: [pol('identity', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::secret/*' })] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'condition false: statement does not apply', source: '§2 Condition', request: req(P.user, { context: { 'aws:SourceIp': '10.0.0.1' } }), policies: { identity: [pol('identity', { ...allowGet, Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'condition true: statement applies', source: '§2 Condition', request: req(P.user, { context: { 'AWS:SOURCEIP': '192.0.2.7' } }), policies: { identity: [pol('identity', { ...allowGet, Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } })] }, effect: 'Allow', decidedBy: 'identity' },

  // RCPs and SCPs (§1.1 steps 2, 3; §1.4).
  { name: 'SCP FullAWSAccess at every level', source: '§1.1 step 3', request: req(P.user), policies: { identity: [pol('identity', allowGet)], scp: [[FULL()], [FULL()], [FULL()]] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'one SCP level without an Allow', source: '§1.1 step 3, ORG inheritance "every level"', request: req(P.user), policies: { identity: [pol('identity', allowGet)], scp: [[FULL()], [pol('scp', allowOther)], [FULL()]] }, effect: 'ImplicitDeny', decidedBy: 'scp' },
  { name: 'SCP Allow at one level is enough only with the others', source: '§1.1 step 3', request: req(P.user), policies: { identity: [pol('identity', allowGet)], scp: [[FULL()], [pol('scp', allowOther), pol('scp', allowGet)]] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'SCP Deny', source: '§1.1 step 1', request: req(P.user), policies: { identity: [pol('identity', allowGet)], scp: [[FULL(), pol('scp', denyGet)]] }, effect: 'ExplicitDeny', decidedBy: 'scp' },
  { name: 'SCPs never grant', source: '§1.4 "SCPs never grant anything"', request: req(P.user), policies: { identity: [], scp: [[FULL()]] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'management account: caller omits SCPs', source: '§1.3 "SCPs don\'t affect users or roles in the management account"', request: req(P.user), policies: { identity: [pol('identity', allowGet)] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'service-linked role is exempt from SCPs', source: '§1.3 service-linked roles', request: req({ ...P.session, serviceLinkedRole: true }), policies: { identity: [pol('identity', allowGet)], scp: [[pol('scp', denyGet)]] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'RCP Deny applies', source: '§1.1 step 2', request: req(P.user), policies: { identity: [pol('identity', allowGet)], rcp: [[RCP_FULL(), pol('rcp', { Effect: 'Deny', Principal: '*', ...GET })]] }, effect: 'ExplicitDeny', decidedBy: 'rcp' },
  { name: 'RCP level without an Allow', source: '§1.1 step 2', request: req(P.user), policies: { identity: [pol('identity', allowGet)], rcp: [[RCP_FULL()], [pol('rcp', { Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' })]] }, effect: 'ImplicitDeny', decidedBy: 'rcp' },
  { name: 'RCPFullAWSAccess does not grant', source: '§1.1 step 2', request: req(P.user), policies: { identity: [], rcp: [[RCP_FULL()]] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'RCP Deny constrains external principals', source: '§1.1 cross-account: RCPs constrain everyone', request: req(P.otherUser), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp({ AWS: B })), rcp: [[RCP_FULL(), pol('rcp', { Effect: 'Deny', Principal: '*', ...GET })]] }, effect: 'ExplicitDeny', decidedBy: 'rcp' },

  // Resource policy, same account (§1.2 table).
  { name: '§1.2 user ARN: not limited by identity', source: '§1.2 row 1', request: req(P.user), policies: { identity: [], resource: pol('resource', rp({ AWS: P.user.arn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 user ARN: not limited by the boundary', source: '§1.2 row 1', request: req(P.user), policies: { identity: [], boundary: boundaryOther(), resource: pol('resource', rp({ AWS: P.user.arn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 session ARN: not limited by identity, boundary or session', source: '§1.2 row 2, D-2023 session policies', request: req(P.session), policies: { identity: [], boundary: boundaryOther(), session: [sessionOther()], resource: pol('resource', rp({ AWS: P.session.arn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 role ARN: counts as a grant without identity', source: '§1.2 row 3; awsdocs/iam-user-guide#257', request: req(P.session), policies: { identity: [], resource: pol('resource', rp({ AWS: P.session.roleArn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 role ARN: limited by the boundary', source: '§1.2 row 3', request: req(P.session), policies: { identity: [], boundary: boundaryOther(), resource: pol('resource', rp({ AWS: P.session.roleArn })) }, effect: 'ImplicitDeny', decidedBy: 'boundary' },
  { name: '§1.2 role ARN: boundary that allows', source: '§1.2 row 3', request: req(P.session), policies: { identity: [], boundary: boundaryAllows(), resource: pol('resource', rp({ AWS: P.session.roleArn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 role ARN: limited by the session policy', source: '§1.2 row 3, D-2023 session policies', request: req(P.session), policies: { identity: [], session: [sessionOther()], resource: pol('resource', rp({ AWS: P.session.roleArn })) }, effect: 'ImplicitDeny', decidedBy: 'session' },
  { name: '§1.2 federated-user ARN: not limited', source: '§1.2 row 4', request: req(P.fed), policies: { identity: [], session: [sessionOther()], resource: pol('resource', rp({ AWS: P.fed.arn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 owner of the federated session: limited by the session policy', source: '§1.2 row 5', request: req(P.fed), policies: { identity: [], session: [sessionOther()], resource: pol('resource', rp({ AWS: P.fed.federatedUserOwnerArn })) }, effect: 'ImplicitDeny', decidedBy: 'session' },
  { name: '§1.2 owner of the federated session: session policy allows', source: '§1.2 row 5', request: req(P.fed), policies: { identity: [], session: [sessionAllows()], resource: pol('resource', rp({ AWS: P.fed.federatedUserOwnerArn })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: '§1.2 account principal: identity Allow still needed', source: '§1.2 row 6 "delegates authority to the account"', request: req(P.user), policies: { identity: [], resource: pol('resource', rp({ AWS: A })) }, effect: 'ImplicitDeny', decidedBy: null },
  { name: '§1.2 account root ARN with identity Allow', source: '§1.2 row 6', request: req(P.user), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp({ AWS: `arn:aws:iam::${A}:root` })) }, effect: 'Allow', decidedBy: 'identity' },
  { name: '§1.2 account principal: limited by the boundary', source: '§1.2 row 6', request: req(P.user), policies: { identity: [pol('identity', allowGet)], boundary: boundaryOther(), resource: pol('resource', rp({ AWS: A })) }, effect: 'ImplicitDeny', decidedBy: 'boundary' },
  { name: 'Principal "*" in the same account', source: '§1.1 step 4, D-2023 principal "no other permissions are required"', request: req(P.user), policies: { identity: [], resource: pol('resource', rp('*')) }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'Principal {"AWS":"*"}', source: '§2.3', request: req(P.session), policies: { identity: [], resource: pol('resource', rp({ AWS: '*' })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'resource policy Deny', source: '§1.1 step 1', request: req(P.user), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp({ AWS: P.user.arn }, 'Deny')) }, effect: 'ExplicitDeny', decidedBy: 'resource' },
  { name: 'resource policy names someone else', source: '§2.3', request: req(P.user), policies: { identity: [], resource: pol('resource', rp({ AWS: `arn:aws:iam::${A}:user/bob` })) }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'principal ARN is case-sensitive', source: '§2.3 "user-name part … case-sensitive"', request: req(P.user), policies: { identity: [], resource: pol('resource', rp({ AWS: `arn:aws:iam::${A}:user/Alice` })) }, effect: 'ImplicitDeny', decidedBy: null },

  // Trust and KMS policies must allow (§1.1 step 4 exceptions).
  { name: 'trust policy must allow: identity alone is not enough', source: '§1.1 step 4 exception', request: req(P.user, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), policies: { identity: [pol('identity', allowAll)], resource: pol('trust', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 'sts:AssumeRole' }), resourceMustAllow: true }, effect: 'ImplicitDeny', decidedBy: 'resource' },
  { name: 'trust policy naming the user allows', source: '§1.1 step 4', request: req(P.user, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), policies: { identity: [], resource: pol('trust', { Effect: 'Allow', Principal: { AWS: P.user.arn }, Action: 'sts:AssumeRole' }), resourceMustAllow: true }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'trust policy naming the account needs an identity Allow', source: '§1.2 row 6', request: req(P.user, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), policies: { identity: [], resource: pol('trust', { Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }), resourceMustAllow: true }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'trust policy naming the account plus identity Allow', source: '§1.2 row 6', request: req(P.user, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), policies: { identity: [pol('identity', { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })], resource: pol('trust', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' }), resourceMustAllow: true }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'trust policy for a service principal', source: '§2.3 Service', request: req(P.service, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), policies: { identity: [], resource: pol('trust', { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }), resourceMustAllow: true }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'KMS key policy must allow, even for root', source: '§1.3 root still subject to KMS key policies', request: req(P.root, { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k` }), policies: { identity: [], resource: pol('resource', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 'kms:*', Resource: '*' }), resourceMustAllow: true }, effect: 'ImplicitDeny', decidedBy: 'resource' },
  { name: 'KMS key policy naming the account allows root', source: '§1.3', request: req(P.root, { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k` }), policies: { identity: [], resource: pol('resource', { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' }), resourceMustAllow: true }, effect: 'Allow', decidedBy: 'root' },

  // Boundary and session (§1.1 steps 6, 7).
  { name: 'boundary that does not allow', source: '§1.1 step 6', request: req(P.user), policies: { identity: [pol('identity', allowGet)], boundary: boundaryOther() }, effect: 'ImplicitDeny', decidedBy: 'boundary' },
  { name: 'boundary that allows', source: '§1.1 step 6', request: req(P.user), policies: { identity: [pol('identity', allowGet)], boundary: boundaryAllows() }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'boundary alone grants nothing', source: '§1.1 step 5', request: req(P.user), policies: { identity: [], boundary: boundaryAllows() }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'boundary Deny', source: '§1.1 step 1', request: req(P.user), policies: { identity: [pol('identity', allowGet)], boundary: pol('boundary', allowAll, denyGet) }, effect: 'ExplicitDeny', decidedBy: 'boundary' },
  { name: 'role session without session policy', source: '§1.1 step 7', request: req(P.session), policies: { identity: [pol('identity', allowGet)] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'role session with a session policy that does not allow', source: '§1.1 step 7', request: req(P.session), policies: { identity: [pol('identity', allowGet)], session: [sessionOther()] }, effect: 'ImplicitDeny', decidedBy: 'session' },
  { name: 'role session: one of several session policies allows', source: '§1.1 step 7, session policies inline + managed', request: req(P.session), policies: { identity: [pol('identity', allowGet)], session: [sessionOther(), sessionAllows()] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'session policy Deny', source: '§1.1 step 1', request: req(P.session), policies: { identity: [pol('identity', allowGet)], session: [pol('session', allowAll, denyGet)] }, effect: 'ExplicitDeny', decidedBy: 'session' },
  { name: 'federated user without a session policy', source: '§1.1 step 7', request: req(P.fed), policies: { identity: [pol('identity', allowGet)] }, effect: 'ImplicitDeny', decidedBy: 'session' },
  { name: 'federated user with a session policy', source: '§1.1 step 7', request: req(P.fed), policies: { identity: [pol('identity', allowGet)], session: [sessionAllows()] }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'session policies do not apply to IAM users', source: '§1.1 "session policies (role sessions / GetFederationToken sessions only)"', request: req(P.user), policies: { identity: [pol('identity', allowGet)], session: [sessionOther()] }, effect: 'Allow', decidedBy: 'identity' },

  // NotPrincipal (§2.3).
  { name: 'NotPrincipal Deny: listed user and account are exempt', source: '§2.3 NotPrincipal', request: req(P.user), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: [P.user.arn, `arn:aws:iam::${A}:root`] }, Action: 's3:*', Resource: '*' }) }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'NotPrincipal Deny: user listed without its account is denied', source: '§2.3 AWS checks the account too', request: req(P.user), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: P.user.arn }, Action: 's3:*', Resource: '*' }) }, effect: 'ExplicitDeny', decidedBy: 'resource' },
  { name: 'NotPrincipal Deny: session exempt only with role and account', source: '§2.3 "Exempting only a session ARN can deny the whole account or role"', request: req(P.session), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: [P.session.arn, `arn:aws:iam::${A}:root`] }, Action: 's3:*', Resource: '*' }) }, effect: 'ExplicitDeny', decidedBy: 'resource' },
  { name: 'NotPrincipal Deny: session, role and account listed', source: '§2.3', request: req(P.session), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: [P.session.arn, P.session.roleArn, A] }, Action: 's3:*', Resource: '*' }) }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'NotPrincipal surprise: a boundary makes the Deny apply regardless', source: '§2.3 [D access_policies_boundaries.html]', request: req(P.user), policies: { identity: [pol('identity', allowGet)], boundary: boundaryAllows(), resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: [P.user.arn, `arn:aws:iam::${A}:root`] }, Action: 's3:*', Resource: '*' }) }, effect: 'ExplicitDeny', decidedBy: 'resource' },
  { name: 'NotPrincipal Deny denies someone not listed', source: '§2.3', request: req(P.user), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', { Effect: 'Deny', NotPrincipal: { AWS: [`arn:aws:iam::${A}:user/bob`, A] }, Action: 's3:*', Resource: '*' }) }, effect: 'ExplicitDeny', decidedBy: 'resource' },

  // Root user (§1.3).
  { name: 'root: full access without policies', source: '§1.3', request: req(P.root), policies: { identity: [] }, effect: 'Allow', decidedBy: 'root' },
  { name: 'root: identity policies and boundaries do not apply', source: '§1.3', request: req(P.root), policies: { identity: [pol('identity', denyGet)], boundary: boundaryOther() }, effect: 'Allow', decidedBy: 'root' },
  { name: 'root: subject to SCP Deny', source: '§1.3 "the root user is affected by any SCPs"', request: req(P.root), policies: { identity: [], scp: [[FULL(), pol('scp', denyGet)]] }, effect: 'ExplicitDeny', decidedBy: 'scp' },
  { name: 'root: subject to an SCP level without Allow', source: '§1.3', request: req(P.root), policies: { identity: [], scp: [[FULL()], [pol('scp', allowOther)]] }, effect: 'ImplicitDeny', decidedBy: 'scp' },
  { name: 'root: subject to resource policy Deny', source: '§1.3', request: req(P.root), policies: { identity: [], resource: pol('resource', rp('*', 'Deny')) }, effect: 'ExplicitDeny', decidedBy: 'resource' },
  { name: 'root: subject to RCP Deny', source: '§1.3', request: req(P.root), policies: { identity: [], rcp: [[RCP_FULL(), pol('rcp', { Effect: 'Deny', Principal: '*', ...GET })]] }, effect: 'ExplicitDeny', decidedBy: 'rcp' },
  { name: 'root of another account needs the resource policy', source: '§1.3 cross-account rules', request: req(P.otherRoot), policies: { identity: [] }, effect: 'ImplicitDeny', decidedBy: 'resource' },
  { name: 'root of another account named by account', source: '§1.1 cross-account', request: req(P.otherRoot), policies: { identity: [], resource: pol('resource', rp({ AWS: B })) }, effect: 'Allow', decidedBy: 'root' },

  // Cross-account (§1.1 cross-account).
  { name: 'cross-account: identity Allow without resource policy', source: '§1.1 "both evaluations"', request: req(P.otherUser), policies: { identity: [pol('identity', allowGet)] }, effect: 'ImplicitDeny', decidedBy: 'resource' },
  { name: 'cross-account: resource policy alone never grants', source: '§1.1 "A resource-based policy alone never grants cross-account access"', request: req(P.otherUser), policies: { identity: [], resource: pol('resource', rp({ AWS: P.otherUser.arn })) }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'cross-account: both sides allow', source: '§1.1', request: req(P.otherUser), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp({ AWS: P.otherUser.arn })) }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'cross-account: account principal counts on the resource side', source: '§1.1 cross-account', request: req(P.otherUser), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp({ AWS: `arn:aws:iam::${B}:root` })) }, effect: 'Allow', decidedBy: 'identity' },
  { name: 'cross-account: role ARN does not stand in for identity', source: '§1.1 cross-account', request: req(P.otherSession), policies: { identity: [], resource: pol('resource', rp({ AWS: P.otherSession.roleArn })) }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'cross-account: boundary still applies on the principal side', source: '§1.1 principal side runs boundary', request: req(P.otherSession), policies: { identity: [pol('identity', allowGet)], boundary: boundaryOther(), resource: pol('resource', rp('*')) }, effect: 'ImplicitDeny', decidedBy: 'boundary' },
  { name: 'cross-account: caller SCPs apply', source: '§1.1 principal side runs SCPs', request: req(P.otherUser), policies: { identity: [pol('identity', allowGet)], resource: pol('resource', rp('*')), scp: [[pol('scp', allowOther)]] }, effect: 'ImplicitDeny', decidedBy: 'scp' },
  { name: 'cross-account: resource account from the ARN', source: 'types.ts AuthzRequest.resourceAccount', request: { principal: P.otherUser, action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:q`, context: {} }, policies: { identity: [pol('identity', { Effect: 'Allow', Action: 'sqs:*', Resource: '*' })] }, effect: 'ImplicitDeny', decidedBy: 'resource' },
  { name: 'same account from the ARN', source: 'types.ts AuthzRequest.resourceAccount', request: { principal: P.user, action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${A}:q`, context: {} }, policies: { identity: [pol('identity', { Effect: 'Allow', Action: 'sqs:*', Resource: '*' })] }, effect: 'Allow', decidedBy: 'identity' },

  // Service principals and anonymous callers (§2.3).
  { name: 'service principal named', source: '§2.3 Service', request: req(P.service), policies: { identity: [], resource: pol('resource', rp({ Service: 'ec2.amazonaws.com' })) }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'service principal not named', source: '§2.3 Service', request: req(P.service), policies: { identity: [], resource: pol('resource', rp({ Service: 'lambda.amazonaws.com' })) }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'service principals ignore identity policies', source: '§2.3', request: req(P.service), policies: { identity: [pol('identity', allowGet)] }, effect: 'ImplicitDeny', decidedBy: null },
  { name: 'anonymous allowed by "*"', source: '§2.3 "* … including anonymous callers"', request: req(P.anonymous), policies: { identity: [], resource: pol('resource', rp('*')) }, effect: 'Allow', decidedBy: 'resource' },
  { name: 'anonymous not allowed by the account', source: '§2.3', request: req(P.anonymous), policies: { identity: [], resource: pol('resource', rp({ AWS: A })) }, effect: 'ImplicitDeny', decidedBy: null },
];

describe('evaluate: the decision flow (sheet §1)', () => {
  it.each(cases)('$name ($source)', (c) => {
    const d = evaluate(c.request, c.policies);
    expect({ effect: d.effect, decidedBy: d.decidedBy }).toEqual({ effect: c.effect, decidedBy: c.decidedBy });
    // WHY: determining is non-empty exactly when the effect is not ImplicitDeny.
    expect(d.determining.length > 0).toBe(d.effect !== 'ImplicitDeny');
    expect(d.trace).toEqual([]);
    expect(d.errors).toEqual([]);
    // Tracing changes nothing but the trace.
    const t = evaluate(c.request, c.policies, { trace: true });
    expect({ effect: t.effect, decidedBy: t.decidedBy, determining: t.determining }).toEqual({ effect: d.effect, decidedBy: d.decidedBy, determining: d.determining });
    expect(t.trace.some((e) => e.kind === 'combine')).toBe(true);
  });
});

describe('evaluate: determining statements', () => {
  it('lists every matching Deny', () => {
    const id = pol('identity', allowGet, { ...denyGet, Sid: 'D1' });
    const scp = pol('scp', allowAll, denyGet);
    const d = evaluate(req(P.user), { identity: [id], scp: [[scp]] });
    expect(d.effect).toBe('ExplicitDeny');
    expect(d.decidedBy).toBe('scp');
    expect(d.determining).toEqual([{ policyId: scp.id, policyKind: 'scp', index: 1 }, { policyId: id.id, policyKind: 'identity', sid: 'D1', index: 1 }]);
  });

  it('names the identity, boundary and session Allows on the path taken', () => {
    const id = pol('identity', allowGet);
    const b = boundaryAllows();
    const s = sessionAllows();
    const d = evaluate(req(P.session), { identity: [id], boundary: b, session: [s] });
    expect(d.determining.map((r) => r.policyId)).toEqual([id.id, b.id, s.id]);
  });

  it('uses ROOT_USER_REF for the root user', () => {
    const d = evaluate(req(P.root), { identity: [] });
    expect(d.determining).toEqual([ROOT_USER_REF]);
  });
});

describe('evaluate: trace', () => {
  it('records every statement considered with each part, and the condition clauses', () => {
    const id = pol('identity', allowOther, { ...allowGet, Condition: { StringEquals: { 'aws:username': 'alice' } } });
    const d = evaluate(req(P.user, { context: { 'aws:username': 'alice' } }), { identity: [id] }, { trace: true });
    const statements = d.trace.filter((e) => e.kind === 'statement');
    expect(statements).toHaveLength(2);
    const [first, second] = statements;
    expect(first).toMatchObject({ kind: 'statement', actionMatched: false, resourceMatched: true, principalMatched: null, conditionsMatched: null, matched: false });
    expect(second).toMatchObject({ kind: 'statement', actionMatched: true, resourceMatched: true, conditionsMatched: true, matched: true });
    if (second?.kind !== 'statement') throw new Error('expected a statement event');
    expect(second.conditions).toEqual([{ operator: 'StringEquals', key: 'aws:username', requestValues: ['alice'], policyValues: ['alice'], matched: true }]);
    expect(d.trace.filter((e) => e.kind === 'combine').map((e) => (e.kind === 'combine' ? e.step : ''))).toContain('identity');
  });

  it('records principal matching for resource policies', () => {
    const r = pol('resource', rp({ AWS: `arn:aws:iam::${A}:user/bob` }));
    const d = evaluate(req(P.user), { identity: [], resource: r }, { trace: true });
    expect(d.trace.find((e) => e.kind === 'statement')).toMatchObject({ principalMatched: false, matched: false });
  });
});

describe('evaluate: variables in resources', () => {
  it('resolves ${aws:username} per request (§3.5)', () => {
    const id = pol('identity', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' });
    expect(evaluate(req(P.user, { resource: 'arn:aws:s3:::home/alice/f', context: { 'aws:username': 'alice' } }), { identity: [id] }).effect).toBe('Allow');
    expect(evaluate(req(P.user, { resource: 'arn:aws:s3:::home/bob/f', context: { 'aws:username': 'alice' } }), { identity: [id] }).effect).toBe('ImplicitDeny');
    expect(evaluate(req(P.user, { resource: 'arn:aws:s3:::home/alice/f', context: {} }), { identity: [id] }).effect).toBe('ImplicitDeny');
  });

  it('treats variables as literal under Version 2008-10-17 (§3.5)', () => {
    const r = compilePolicy({ Version: '2008-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' } }, { id: 'old', kind: 'identity' });
    if (!r.ok) throw new Error('compile failed');
    expect(evaluate(req(P.user, { resource: 'arn:aws:s3:::home/alice/f', context: { 'aws:username': 'alice' } }), { identity: [r.value] }).effect).toBe('ImplicitDeny');
    expect(evaluate(req(P.user, { resource: 'arn:aws:s3:::home/${aws:username}/f', context: { 'aws:username': 'alice' } }), { identity: [r.value] }).effect).toBe('Allow');
  });
});
