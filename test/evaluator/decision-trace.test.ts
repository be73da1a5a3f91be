import { describe, expect, it } from 'vitest';
import { evaluate, resourceAccountOf } from '../../src/evaluator/evaluate.js';
import { ROOT_USER_REF } from '../../src/evaluator/trace.js';
import type { AuthzRequest, CompiledPolicy, Decision, PolicyKind, PolicySet, StatementRef } from '../../src/evaluator/types.js';

// Source: sheet §1.1 (decision flow), §1.2 (resource policy table), §1.3 (root, cross-account), §2.3 (NotPrincipal).
// Each path through evaluate() is checked for its decision, its determining statements and the combine events a
// user sees with --explain (step, outcome and the exact message).
import { pol, req, rp } from './decision-fixtures.js';
import { A, B, P } from './principals.js';

const GET = { Action: 's3:GetObject', Resource: '*' };
const allowGet = { Effect: 'Allow', ...GET };
const denyGet = { Effect: 'Deny', ...GET };
const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
const allowOther = { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' };

const ref = (policyId: string, policyKind: PolicyKind, index: number, sid?: string): StatementRef => (sid === undefined ? { policyId, policyKind, index } : { policyId, policyKind, sid, index });

/** The combine events as `step outcome: message`. */
function combines(d: Decision): string[] {
  return d.trace.flatMap((e) => (e.kind === 'combine' ? [`${e.step} ${e.outcome}: ${e.message}`] : []));
}
/** Evaluates with and without a trace, checks they agree, and returns the traced decision. */
function decide(request: AuthzRequest, policies: PolicySet): Decision {
  const plain = evaluate(request, policies);
  const traced = evaluate(request, policies, { trace: true });
  expect({ effect: traced.effect, decidedBy: traced.decidedBy, determining: traced.determining, errors: traced.errors }).toEqual({
    effect: plain.effect,
    decidedBy: plain.decidedBy,
    determining: plain.determining,
    errors: plain.errors,
  });
  return traced;
}

const DENY_NONE = 'explicit-deny pass: No Deny statement matched.';
const NO_RCP = 'rcp not-applicable: No RCPs apply to this request.';
const NO_SCP = 'scp not-applicable: No SCPs apply to this request.';
const NO_RESOURCE = 'resource not-applicable: No resource-based policy applies.';
const NO_BOUNDARY = 'boundary not-applicable: No permissions boundary is set.';
const NO_SESSION = "session not-applicable: No session policy was passed: a role session keeps its role's permissions.";
const ALLOWED = 'decision allow: Allowed: every policy type that applies allows the request.';
const IDENTITY_NONE = 'identity deny: No identity-based policy allows the request, and nothing else grants it: implicit deny.';

describe('evaluate: explicit deny', () => {
  it('names every matching Deny, with Sids, in reporting order, and the kind of the first', () => {
    const id = pol('identity', 'id', allowGet, { ...denyGet, Sid: 'NoGet' });
    const scp = pol('scp', 'scp', allowAll, denyGet);
    const d = decide(req(P.user), { identity: [id], scp: [[scp]] });
    expect(d).toMatchObject({ effect: 'ExplicitDeny', decidedBy: 'scp', determining: [ref('scp', 'scp', 1), ref('id', 'identity', 1, 'NoGet')] });
    expect(combines(d)).toEqual(['explicit-deny deny: Explicit Deny in a scp policy: scp#1, id#1 (NoGet).']);
  });

  it('reports a Deny in a role trust policy as a resource policy Deny', () => {
    const trust = pol('trust', 'trust', { Effect: 'Deny', Principal: { AWS: P.user.arn }, Action: 'sts:AssumeRole' });
    const d = decide(req(P.user, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), { identity: [pol('identity', 'id', allowAll)], resource: trust, resourceMustAllow: true });
    expect(d).toMatchObject({ effect: 'ExplicitDeny', decidedBy: 'resource', determining: [ref('trust', 'trust', 0)] });
    expect(combines(d)).toEqual(['explicit-deny deny: Explicit Deny in a resource policy: trust#0.']);
  });

  it('reports Denies in the order rcp, scp, resource, identity, boundary, session', () => {
    const rcpDeny = { Effect: 'Deny', Principal: '*', ...GET };
    const policies: PolicySet = {
      session: [pol('session', 'sess', denyGet)],
      boundary: pol('boundary', 'bnd', denyGet),
      identity: [pol('identity', 'id', denyGet)],
      resource: pol('resource', 'res', rp('*', 'Deny')),
      scp: [[pol('scp', 'scp', denyGet)]],
      rcp: [[pol('rcp', 'rcp', rcpDeny)]],
    };
    const d = decide(req(P.session), policies);
    expect(d.decidedBy).toBe('rcp');
    expect(d.determining.map((r) => r.policyId)).toEqual(['rcp', 'scp', 'res', 'id', 'bnd', 'sess']);
    const { rcp: _rcp, ...noRcp } = policies;
    expect(decide(req(P.session), noRcp).decidedBy).toBe('scp');
    const { scp: _scp, ...noScp } = noRcp;
    expect(decide(req(P.session), noScp).decidedBy).toBe('resource');
    const { resource: _res, ...noRes } = noScp;
    expect(decide(req(P.session), noRes).decidedBy).toBe('identity');
    expect(decide(req(P.session), { ...noRes, identity: [] }).decidedBy).toBe('boundary');
    expect(decide(req(P.session), { identity: [], session: policies.session }).decidedBy).toBe('session');
  });
});

describe('evaluate: RCP and SCP gates', () => {
  const scpAll = () => pol('scp', 'full', allowAll);
  const scpOther = () => pol('scp', 'other', allowOther);
  const rcpAll = () => pol('rcp', 'rfull', { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' });
  const rcpOther = () => pol('rcp', 'rother', { Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: '*' });

  it('names the first RCP level without an Allow', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], rcp: [[rcpAll()], [rcpOther()], [rcpOther()]] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'rcp', determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, 'rcp deny: RCP level 1 (0 = organization root) has no matching Allow, so the request is implicitly denied.']);
  });

  it('names the first SCP level without an Allow, after passing the RCPs', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], rcp: [[rcpAll()]], scp: [[scpOther()], [scpOther()]] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'scp', determining: [] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      'rcp pass: Every RCP level from the organization root to the account has a matching Allow.',
      'scp deny: SCP level 0 (0 = organization root) has no matching Allow, so the request is implicitly denied.',
    ]);
  });

  it('passes when every level allows', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], rcp: [[rcpAll()], [rcpAll()]], scp: [[scpAll()], [scpOther(), scpAll()]] });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      'rcp pass: Every RCP level from the organization root to the account has a matching Allow.',
      'scp pass: Every SCP level from the organization root to the account has a matching Allow.',
      NO_RESOURCE,
      'identity allow: An identity-based policy allows: id#0.',
      NO_BOUNDARY,
      NO_SESSION,
      ALLOWED,
    ]);
  });

  it('treats empty RCP and SCP lists as none', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], rcp: [], scp: [] });
    expect(d.effect).toBe('Allow');
    expect(combines(d).slice(0, 3)).toEqual([DENY_NONE, NO_RCP, NO_SCP]);
  });

  it('treats an RCP or SCP level with no policies as a level without an Allow', () => {
    expect(decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], scp: [[scpAll()], []] })).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'scp' });
    expect(decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], rcp: [[]] })).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'rcp' });
  });

  it('applies SCPs to IAM principals but not to service-linked roles, services or anonymous callers', () => {
    const scp = [[scpOther()]];
    expect(decide(req({ ...P.session, serviceLinkedRole: true }), { identity: [pol('identity', 'id', allowGet)], scp }).effect).toBe('Allow');
    expect(decide(req({ ...P.session, serviceLinkedRole: false }), { identity: [pol('identity', 'id', allowGet)], scp }).decidedBy).toBe('scp');
    expect(decide(req(P.service), { identity: [], resource: pol('resource', 'res', rp({ Service: 'ec2.amazonaws.com' })), scp }).effect).toBe('Allow');
    expect(decide(req(P.anonymous), { identity: [], resource: pol('resource', 'res', rp('*')), scp }).effect).toBe('Allow');
  });

  it('applies RCPs to services and anonymous callers too', () => {
    const d = decide(req(P.anonymous), { identity: [], resource: pol('resource', 'res', rp('*')), rcp: [[rcpOther()]] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'rcp' });
  });
});

describe('evaluate: callers without identity policies', () => {
  it('allows a service named exactly by the resource policy', () => {
    const d = decide(req(P.service), { identity: [pol('identity', 'id', allowAll)], resource: pol('resource', 'res', rp({ Service: 'ec2.amazonaws.com' })) });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('res', 'resource', 0)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      'principal-kind pass: service callers have no identity-based policies: only the resource-based policy can allow.',
      'resource allow: The resource-based policy names the caller itself (its own ARN, "*", or its service): in the same account that allows the request without identity, boundary or session policies.',
    ]);
  });

  it('denies an anonymous caller the resource policy does not name', () => {
    const d = decide(req(P.anonymous), { identity: [], resource: pol('resource', 'res', rp({ AWS: A })) });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null, determining: [] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      'principal-kind pass: anonymous callers have no identity-based policies: only the resource-based policy can allow.',
      'resource deny: The resource-based policy has no Allow that matches this caller.',
    ]);
  });

  it('denies a caller without identity policies when there is no resource policy, ignoring identity and boundary', () => {
    const d = decide(req(P.service), { identity: [pol('identity', 'id', allowAll)], boundary: pol('boundary', 'b', allowAll), session: [pol('session', 's', allowAll)] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null, determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, 'principal-kind pass: service callers have no identity-based policies: only the resource-based policy can allow.']);
    expect(d.trace.filter((e) => e.kind === 'statement')).toEqual([]);
  });

  it('a resource policy that must allow and does not denies at the resource step', () => {
    const d = decide(req(P.service, { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }), { identity: [], resource: pol('trust', 'trust', { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), resourceMustAllow: true });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'resource', determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, 'resource deny: The resource-based policy (a role trust policy or KMS key policy) must itself allow, and it does not.']);
  });

  it('a resource policy that must allow, when there is none, denies', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], resourceMustAllow: true });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'resource' });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, 'resource deny: The resource-based policy (a role trust policy or KMS key policy) must itself allow, and it does not.']);
  });
});

describe('evaluate: cross-account requests', () => {
  const CROSS = `cross-account pass: Cross-account request (principal account ${B}, resource account ${A}): the resource side and the principal side must both allow.`;
  const MISSING = 'cross-account deny: Cross-account access needs the resource-based policy to allow the caller or its account, and it does not.';
  const OK = 'cross-account pass: The resource side allows: the resource-based policy names the caller or its account.';

  it('denies at the resource side when the caller has an identity Allow', () => {
    const d = decide(req(P.otherUser), { identity: [pol('identity', 'id', allowGet)] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'resource', determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, CROSS, MISSING]);
  });

  it('names no gate when neither side allows', () => {
    const d = decide(req(P.otherUser), { identity: [pol('identity', 'id', allowOther)], resource: pol('resource', 'res', rp({ AWS: A })) });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, CROSS, MISSING]);
  });

  it('allows when both sides allow, naming the identity and the resource statements', () => {
    const d = decide(req(P.otherUser), { identity: [pol('identity', 'id', allowGet)], resource: pol('resource', 'res', rp({ AWS: B }), rp({ AWS: P.otherUser.arn })) });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('res', 'resource', 0), ref('res', 'resource', 1)] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, CROSS, OK, 'identity allow: An identity-based policy allows: id#0.', NO_BOUNDARY, NO_SESSION, ALLOWED]);
  });

  it('still runs the boundary and session policies on the principal side', () => {
    const res = pol('resource', 'res', rp('*'));
    const sess = decide(req(P.otherSession), { identity: [pol('identity', 'id', allowGet)], session: [pol('session', 's', allowOther)], resource: res });
    expect(sess).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'session' });
    const ok = decide(req(P.otherSession), { identity: [pol('identity', 'id', allowGet)], boundary: pol('boundary', 'b', allowGet), session: [pol('session', 's', allowGet)], resource: res });
    expect(ok.determining.map((r) => r.policyId)).toEqual(['id', 'b', 's', 'res']);
  });

  it('a federated user of another account without a session policy has no permissions', () => {
    const otherFed = { ...P.fed, arn: `arn:aws:sts::${B}:federated-user/f`, accountId: B, federatedUserOwnerArn: `arn:aws:iam::${B}:user/bob` };
    const d = decide(req(otherFed), { identity: [pol('identity', 'id', allowGet)], resource: pol('resource', 'res', rp('*')) });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'session' });
  });

  it('the root user of another account needs the resource side and then is allowed with it', () => {
    const none = decide(req(P.otherRoot), { identity: [], resource: pol('resource', 'res', rp({ AWS: A })) });
    expect(none).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'resource', determining: [] });
    const d = decide(req(P.otherRoot), { identity: [pol('identity', 'id', denyGet)], resource: pol('resource', 'res', rp({ AWS: B })) });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'root', determining: [ROOT_USER_REF, ref('res', 'resource', 0)] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, CROSS, OK, 'root allow: The root user is allowed on its side; the resource side allows too.']);
  });

  it('takes the resource account from the ARN, else the caller\'s account, unless given', () => {
    const q = `arn:aws:sqs:us-east-1:${B}:q`;
    expect(resourceAccountOf(req(P.user, { resource: q, resourceAccount: undefined }))).toBe(B);
    expect(resourceAccountOf(req(P.user, { resource: q, resourceAccount: '333333333333' }))).toBe('333333333333');
    expect(resourceAccountOf(req(P.user, { resource: 'arn:aws:s3:::bucket/key', resourceAccount: undefined }))).toBe(A);
    expect(resourceAccountOf(req(P.user, { resource: '*', resourceAccount: undefined }))).toBe(A);
    expect(resourceAccountOf(req(P.otherUser, { resource: 'bucket', resourceAccount: undefined }))).toBe(B);
  });
});

describe('evaluate: the root user in its own account', () => {
  it('is allowed without policies, and identity, boundary and session do not apply', () => {
    const d = decide(req(P.root), { identity: [pol('identity', 'id', denyGet)], boundary: pol('boundary', 'b', allowOther) });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'root', determining: [ROOT_USER_REF] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, 'root allow: The root user has full access in its own account: identity, boundary and session policies do not apply to it.']);
  });

  it('with a resource policy that must allow, names the resource statements that do', () => {
    const key = pol('resource', 'key', { Effect: 'Allow', Principal: { AWS: A }, Action: 'kms:*', Resource: '*' });
    const d = decide(req(P.root, { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k` }), { identity: [], resource: key, resourceMustAllow: true });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'root', determining: [ROOT_USER_REF, ref('key', 'resource', 0)] });
    const free = decide(req(P.root, { action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k` }), { identity: [], resource: key });
    expect(free.determining).toEqual([ROOT_USER_REF]);
  });
});

describe('evaluate: the resource policy in the same account', () => {
  it('an exact grant allows on its own and names the exact statements only', () => {
    const res = pol('resource', 'res', rp({ AWS: A }), rp({ AWS: P.user.arn }), rp('*'));
    const d = decide(req(P.user), { identity: [], boundary: pol('boundary', 'b', allowOther), resource: res });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('res', 'resource', 1), ref('res', 'resource', 2)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      'resource allow: The resource-based policy names the caller itself (its own ARN, "*", or its service): in the same account that allows the request without identity, boundary or session policies.',
    ]);
  });

  it('a grant to the role stands in for an identity Allow and is named with the boundary', () => {
    const res = pol('resource', 'res', rp({ AWS: A }), rp({ AWS: P.session.roleArn }));
    const d = decide(req(P.session), { identity: [], boundary: pol('boundary', 'b', allowGet), resource: res });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('res', 'resource', 1), ref('b', 'boundary', 0)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      "resource pass: The resource-based policy names the caller's role ARN: it counts like an identity-based Allow, still limited by a permissions boundary and session policies.",
      "identity pass: No identity-based Allow, but the resource-based policy's grant to the caller's role or user stands in for it.",
      'boundary pass: The permissions boundary allows: b#0.',
      NO_SESSION,
      ALLOWED,
    ]);
  });

  it('a grant to the owner of a federated session stands in for an identity Allow, limited by the session policy', () => {
    const res = pol('resource', 'res', rp({ AWS: P.fed.federatedUserOwnerArn }));
    const d = decide(req(P.fed), { identity: [pol('identity', 'id', allowGet)], session: [pol('session', 's', allowGet)], resource: res });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0), ref('res', 'resource', 0), ref('s', 'session', 0)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      "resource pass: The resource-based policy names the caller's IAM user (the owner of the federated session): it counts like an identity-based Allow, still limited by a permissions boundary and session policies.",
      'identity allow: An identity-based policy allows: id#0.',
      NO_BOUNDARY,
      'session pass: A session policy allows: s#0.',
      ALLOWED,
    ]);
    const missing = decide(req(P.fed), { identity: [], session: [pol('session', 's', allowOther)], resource: res });
    expect(missing).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'session', determining: [] });
    expect(combines(missing).slice(-1)).toEqual(['session deny: The session policies do not allow the request.']);
  });

  it('a grant to the account needs an identity Allow and is named only when the policy must allow', () => {
    const res = pol('resource', 'res', rp({ AWS: A }));
    const none = decide(req(P.user), { identity: [], resource: res });
    expect(none).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null });
    expect(combines(none)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      "resource pass: The resource-based policy names only the caller's account, which delegates to the account: an identity-based Allow is still needed.",
      IDENTITY_NONE,
    ]);
    const id = pol('identity', 'id', allowGet);
    expect(decide(req(P.user), { identity: [id], resource: res }).determining).toEqual([ref('id', 'identity', 0)]);
    expect(decide(req(P.user), { identity: [id], resource: res, resourceMustAllow: true }).determining).toEqual([ref('id', 'identity', 0), ref('res', 'resource', 0)]);
  });

  it('a resource policy without a matching Allow leaves the decision to the identity side', () => {
    const res = pol('resource', 'res', rp({ AWS: `arn:aws:iam::${A}:user/bob` }));
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource: res });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id', 'identity', 0)] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, 'resource pass: The resource-based policy has no Allow that matches this caller.', 'identity allow: An identity-based policy allows: id#0.', NO_BOUNDARY, NO_SESSION, ALLOWED]);
  });

  it('the strongest grant wins whatever the statement order', () => {
    const accountThenExact = pol('resource', 'res', rp({ AWS: A }), rp({ AWS: P.session.arn }), rp({ AWS: P.session.roleArn }));
    expect(decide(req(P.session), { identity: [], resource: accountThenExact })).toMatchObject({ effect: 'Allow', decidedBy: 'resource', determining: [ref('res', 'resource', 1)] });
    const roleThenAccount = pol('resource', 'res', rp({ AWS: P.session.roleArn }), rp({ AWS: A }));
    const d = decide(req(P.session), { identity: [], boundary: pol('boundary', 'b', allowOther), resource: roleThenAccount });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'boundary' });
    expect(combines(d)).toContain("resource pass: The resource-based policy names the caller's role ARN: it counts like an identity-based Allow, still limited by a permissions boundary and session policies.");
  });
});

describe('evaluate: the principal side', () => {
  it('lists the Allows of identity, boundary and session policies in that order', () => {
    const ids = [pol('identity', 'id1', allowOther), pol('identity', 'id2', allowGet, { ...allowAll, Sid: 'All' })];
    const d = decide(req(P.session), { identity: ids, boundary: pol('boundary', 'b', allowAll), session: [pol('session', 's1', allowOther), pol('session', 's2', allowGet)] });
    expect(d).toMatchObject({ effect: 'Allow', decidedBy: 'identity', determining: [ref('id2', 'identity', 0), ref('id2', 'identity', 1, 'All'), ref('b', 'boundary', 0), ref('s2', 'session', 0)] });
    expect(combines(d)).toEqual([
      DENY_NONE,
      NO_RCP,
      NO_SCP,
      NO_RESOURCE,
      'identity allow: An identity-based policy allows: id2#0, id2#1 (All).',
      'boundary pass: The permissions boundary allows: b#0.',
      'session pass: A session policy allows: s2#0.',
      ALLOWED,
    ]);
  });

  it('denies at the boundary when it does not allow', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], boundary: pol('boundary', 'b', allowOther) });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'boundary', determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, 'identity allow: An identity-based policy allows: id#0.', 'boundary deny: The permissions boundary does not allow the request.']);
  });

  it('denies when nothing allows, also for a hand-built policy set without identity policies', () => {
    const d = decide(req(P.user), {} as PolicySet);
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null, determining: [], errors: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, IDENTITY_NONE]);
  });

  it('a federated user needs a session policy; an empty list counts as none', () => {
    const d = decide(req(P.fed), { identity: [pol('identity', 'id', allowGet)], session: [] });
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: 'session', determining: [] });
    expect(combines(d)).toEqual([DENY_NONE, NO_RCP, NO_SCP, NO_RESOURCE, 'identity allow: An identity-based policy allows: id#0.', NO_BOUNDARY, 'session deny: A federated-user session without a session policy has no permissions of its own.']);
  });

  it('a role session with an empty list of session policies keeps its role\'s permissions', () => {
    expect(decide(req(P.session), { identity: [pol('identity', 'id', allowGet)], session: [] })).toMatchObject({ effect: 'Allow', determining: [ref('id', 'identity', 0)] });
  });

  it('ignores session policies for IAM users and the boundary and identity policies for the root user', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], session: [pol('session', 's', denyGet)] });
    expect(d).toMatchObject({ effect: 'Allow', determining: [ref('id', 'identity', 0)] });
    expect(d.trace.filter((e) => e.kind === 'statement').map((e) => (e.kind === 'statement' ? e.ref.policyId : ''))).toEqual(['id']);
  });
});

describe('evaluate: NotPrincipal', () => {
  const notPrincipalDeny = (listed: unknown) => pol('resource', 'res', { Effect: 'Deny', NotPrincipal: listed, Action: 's3:*', Resource: '*' });

  it('exempts the listed principals, reporting the principal part in the trace', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource: notPrincipalDeny({ AWS: [P.user.arn, A] }) });
    expect(d.effect).toBe('Allow');
    expect(d.trace.find((e) => e.kind === 'statement' && e.effect === 'Deny')).toMatchObject({ principalMatched: false, matched: false });
  });

  it('applies to everyone with a permissions boundary, even the listed ones', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], boundary: pol('boundary', 'b', allowAll), resource: notPrincipalDeny({ AWS: [P.user.arn, A] }) });
    expect(d).toMatchObject({ effect: 'ExplicitDeny', decidedBy: 'resource', determining: [ref('res', 'resource', 0)] });
    expect(d.trace.find((e) => e.kind === 'statement' && e.effect === 'Deny')).toMatchObject({ principalMatched: true, matched: true });
  });

  it('denies those not listed', () => {
    const d = decide(req(P.user), { identity: [pol('identity', 'id', allowGet)], resource: notPrincipalDeny({ AWS: [`arn:aws:iam::${A}:user/bob`, A] }) });
    expect(d).toMatchObject({ effect: 'ExplicitDeny', decidedBy: 'resource' });
  });
});

describe('evaluate: statement events', () => {
  it('records each part of every statement, and matches only when all parts do', () => {
    const id = pol(
      'identity',
      'id',
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::other/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::other/*' },
      { Effect: 'Deny', NotAction: 's3:GetObject', Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    );
    const d = decide(req(P.user, { context: { 'aws:SecureTransport': 'true' } }), { identity: [id] });
    const events = d.trace.filter((e) => e.kind === 'statement');
    expect(events.map((e) => (e.kind === 'statement' ? [e.ref.index, e.effect, e.actionMatched, e.resourceMatched, e.principalMatched, e.conditionsMatched, e.matched] : []))).toEqual([
      [0, 'Allow', false, false, null, null, false],
      [1, 'Allow', true, false, null, null, false],
      [2, 'Deny', false, true, null, null, false],
      [3, 'Allow', true, false, null, true, false],
      [4, 'Allow', true, true, null, false, false],
    ]);
    expect(d).toMatchObject({ effect: 'ImplicitDeny', decidedBy: null });
  });

  it('records principal matching of a resource policy statement and its grant', () => {
    const res = pol('resource', 'res', rp({ AWS: `arn:aws:iam::${A}:user/bob` }), rp({ AWS: P.user.arn }));
    const d = decide(req(P.user), { identity: [], resource: res });
    expect(d.trace.filter((e) => e.kind === 'statement').map((e) => (e.kind === 'statement' ? [e.principalMatched, e.matched] : []))).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(d.determining).toEqual([ref('res', 'resource', 1)]);
  });
});

describe('evaluate: statements that fail', () => {
  const broken = (thrown: unknown): CompiledPolicy => {
    const base = pol('identity', 'bad', { Sid: 'Bad', ...allowGet, Condition: { StringEquals: { 'aws:username': 'x' } } });
    const condition = { get clauses(): never { throw thrown; } } as unknown as NonNullable<CompiledPolicy['statements'][number]['condition']>;
    return { ...base, statements: base.statements.map((s) => ({ ...s, condition })), index: undefined };
  };

  it('skips them and reports each with its message and statement', () => {
    const d = decide(req(P.user), { identity: [broken(new Error('boom')), pol('identity', 'id', allowGet)] });
    expect(d).toMatchObject({ effect: 'Allow', determining: [ref('id', 'identity', 0)] });
    expect(d.errors).toEqual([{ code: 'statement-failed', message: 'Statement skipped: boom', statement: ref('bad', 'identity', 0, 'Bad') }]);
  });

  it('reports a thrown value that is not an Error as text', () => {
    expect(decide(req(P.user), { identity: [broken('odd')] }).errors).toEqual([{ code: 'statement-failed', message: 'Statement skipped: odd', statement: ref('bad', 'identity', 0, 'Bad') }]);
  });

  it('keeps no errors for a clean evaluation', () => {
    const d = evaluate(req(P.user), { identity: [pol('identity', 'id', allowGet)] });
    expect(d.errors).toEqual([]);
    expect(Object.isFrozen(d.errors)).toBe(true);
  });
});

describe('evaluate: requests that cannot be evaluated', () => {
  const principal = P.user;
  it.each([
    ['not an object', 'x', 'The request must be an object.'],
    ['null', null, 'The request must be an object.'],
    ['no principal', { action: 's3:GetObject', resource: '*', context: {} }, 'The request has no principal.'],
    ['principal null', { principal: null, action: 's3:GetObject', resource: '*', context: {} }, 'The request has no principal.'],
    ['principal a string', { principal: 'alice', action: 's3:GetObject', resource: '*', context: {} }, 'The request has no principal.'],
    ['principal without arn', { principal: { kind: 'user', accountId: A }, action: 's3:GetObject', resource: '*', context: {} }, 'The principal needs an arn and an accountId (strings).'],
    ['principal without accountId', { principal: { kind: 'user', arn: P.user.arn }, action: 's3:GetObject', resource: '*', context: {} }, 'The principal needs an arn and an accountId (strings).'],
    ['action missing', { principal, resource: '*', context: {} }, 'The request action must be a string such as "s3:GetObject".'],
    ['resource a number', { principal, action: 's3:GetObject', resource: 1, context: {} }, 'The request resource must be an ARN or "*".'],
    ['context missing', { principal, action: 's3:GetObject', resource: '*' }, 'The request context must be an object of strings or string arrays.'],
    ['context a string', { principal, action: 's3:GetObject', resource: '*', context: 'x' }, 'The request context must be an object of strings or string arrays.'],
  ])('%s', (_name, bad, message) => {
    const d = evaluate(bad as unknown as AuthzRequest, { identity: [pol('identity', 'id', allowAll)] }, { trace: true });
    expect(d).toEqual({ effect: 'ImplicitDeny', decidedBy: null, determining: [], errors: [{ code: 'invalid-request', message }], trace: [] });
  });
});
