import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompileOptions } from '../../src/evaluator/parse-policy.js';
import type { PolicyKind, PolicyProblem } from '../../src/evaluator/types.js';

const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const TRUST = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

function problems(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}): readonly PolicyProblem[] {
  const r = compilePolicy(doc, { id: 'p', kind, ...extra });
  return r.ok ? r.value.warnings : r.error;
}

function doc(statement: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statement, ...extra };
}

interface Case {
  readonly name: string;
  readonly source: string;
  readonly doc: unknown;
  readonly kind?: PolicyKind;
  readonly opts?: Partial<CompileOptions>;
  readonly code: string;
  readonly path: string;
  readonly message: string | RegExp;
}

const cases: readonly Case[] = [
  { name: 'not an object', source: '§6.1', doc: [1], code: 'document-not-object', path: '', message: /^Syntax errors in policy\./ },
  { name: 'invalid JSON text', source: '§6.1', doc: '{"Version": ', code: 'invalid-json', path: '', message: /^Syntax errors in policy\./ },
  { name: 'duplicate key in policy text', source: '§6.1 "An element must not contain the same key twice"', doc: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Action":"iam:*"}]}', code: 'duplicate-key', path: '/Statement/0/Action', message: /^Syntax errors in policy\. The key "Action" appears twice/ },
  { name: 'duplicate top-level key in policy text', source: '§6.1', doc: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}, "Version" : "2008-10-17"}', code: 'duplicate-key', path: '/Version', message: /appears twice/ },
  { name: 'duplicate condition key in policy text', source: '§6.1', doc: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::a\\"{[,b', '*'], Condition: { StringEquals: { 'aws:username': 'a' } } }] }).replace('"aws:username":"a"', '"aws:username":"a","aws:username":"b"'), code: 'duplicate-key', path: '/Statement/0/Condition/StringEquals/aws:username', message: /appears twice/ },
  { name: 'unknown top-level key', source: '§6.1', doc: doc([ALLOW], { Foo: 1 }), code: 'unknown-element', path: '/Foo', message: /^Syntax errors in policy\. Unknown element "Foo"/ },
  { name: 'obsolete top-level Conditions (a warning)', source: '§6.1 [I-moto] tolerates it', doc: doc([ALLOW], { Conditions: {} }), code: 'obsolete-element', path: '/Conditions', message: /obsolete and ignored/ },
  { name: 'bad Version', source: '§6.1', doc: doc([ALLOW], { Version: '2012-10-18' }), code: 'version-invalid', path: '/Version', message: /^Syntax errors in policy\./ },
  { name: 'managed policy needs 2012-10-17', source: '§6.1 [I-moto]', doc: { Version: '2008-10-17', Statement: [ALLOW] }, opts: { requireVersion2012: true }, code: 'version-required-2012', path: '/Version', message: 'Policy document must be version 2012-10-17 or greater.' },
  { name: 'managed policy without Version', source: '§6.1 [I-moto]', doc: { Statement: [ALLOW] }, opts: { requireVersion2012: true }, code: 'version-required-2012', path: '', message: 'Policy document must be version 2012-10-17 or greater.' },
  { name: 'Id in an identity policy', source: '§6.1 [D-2023]', doc: doc([ALLOW], { Id: 'x' }), code: 'id-not-allowed', path: '/Id', message: /Id must not be included in identity policies/ },
  { name: 'no Statement', source: '§6.1', doc: { Version: '2012-10-17' }, code: 'statement-missing', path: '', message: /^Syntax errors in policy\./ },
  { name: 'empty Statement array', source: '§6.1 [I-moto]', doc: doc([]), code: 'statement-empty', path: '/Statement', message: /^Syntax errors in policy\./ },
  { name: 'statement not an object', source: '§6.1', doc: doc([ALLOW, 'x']), code: 'statement-not-object', path: '/Statement/1', message: /^Syntax errors in policy\./ },
  { name: 'unknown statement key', source: '§6.1', doc: doc([{ ...ALLOW, Actions: 'x' }]), code: 'unknown-element', path: '/Statement/0/Actions', message: /Unknown element "Actions"/ },
  { name: 'Sid not alphanumeric', source: '§6.1 [D-2023 grammar]', doc: doc([{ ...ALLOW, Sid: 'my sid' }]), code: 'sid-invalid', path: '/Statement/0/Sid', message: /^Statement IDs \(SID\) must be alpha-numeric/ },
  { name: 'duplicate Sid', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Sid: 'A' }, { ...ALLOW, Sid: 'A' }]), code: 'sid-duplicate', path: '/Statement/1/Sid', message: 'Statement IDs (SID) in a single policy must be unique.' },
  { name: 'missing Effect', source: '§6.1', doc: doc([{ Action: 's3:*', Resource: '*' }]), code: 'effect-missing', path: '/Statement/0', message: /^Syntax errors in policy\./ },
  { name: 'Effect in the wrong case', source: '§2 "The Effect value is case sensitive"; §6.1 legacy parsing', doc: doc([{ ...ALLOW, Effect: 'allow' }]), code: 'effect-case', path: '/Statement/0/Effect', message: /^The policy failed legacy parsing/ },
  { name: 'Effect neither Allow nor Deny', source: '§6.1', doc: doc([{ ...ALLOW, Effect: 'Permit' }]), code: 'effect-invalid', path: '/Statement/0/Effect', message: /^Syntax errors in policy\./ },
  { name: 'Action and NotAction', source: '§6.1', doc: doc([{ ...ALLOW, NotAction: 's3:*' }]), code: 'both-elements', path: '/Statement/0', message: /both Action and NotAction/ },
  { name: 'no Action', source: '§6.1', doc: doc([{ Effect: 'Allow', Resource: '*' }]), code: 'action-missing', path: '/Statement/0', message: 'Policy statement must contain actions.' },
  { name: 'empty Action array', source: '§6.1', doc: doc([{ ...ALLOW, Action: [] }]), code: 'action-missing', path: '/Statement/0/Action', message: 'Policy statement must contain actions.' },
  { name: 'Action not a string', source: '§6.1 "a non-string value"', doc: doc([{ ...ALLOW, Action: ['s3:*', 3] }]), code: 'not-a-string', path: '/Statement/0/Action/1', message: /^Syntax errors in policy\./ },
  { name: 'action without vendor', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Action: 'GetObject' }]), code: 'action-no-vendor', path: '/Statement/0/Action', message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.' },
  { name: 'action with two colons', source: '§2.1, §6.1 [I-moto]', doc: doc([{ ...ALLOW, Action: ['s3:Get:Object'] }]), code: 'action-colons', path: '/Statement/0/Action/0', message: 'Actions/Condition can contain only one colon.' },
  { name: 'bad vendor', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Action: 's 3:GetObject' }]), code: 'action-vendor-invalid', path: '/Statement/0/Action', message: 'Vendor s 3 is not valid' },
  { name: 'Resource and NotResource', source: '§6.1', doc: doc([{ ...ALLOW, NotResource: '*' }]), code: 'both-elements', path: '/Statement/0', message: /both Resource and NotResource/ },
  { name: 'no Resource in an identity policy', source: '§6.1', doc: doc([{ Effect: 'Allow', Action: 's3:*' }]), code: 'resource-missing', path: '/Statement/0', message: 'Policy statement must contain resources.' },
  { name: 'Resource in a trust policy', source: '§6.1 "Has prohibited field Resource."', kind: 'trust', doc: doc([{ ...TRUST, Resource: '*' }]), code: 'resource-prohibited', path: '/Statement/0/Resource', message: 'Has prohibited field Resource.' },
  { name: 'resource not an ARN', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Resource: 'bucket/key' }]), code: 'resource-format', path: '/Statement/0/Resource', message: 'Resource bucket/key must be in ARN format or "*".' },
  { name: 'resource with a wildcard vendor', source: '§2.2 "You can\'t use a wildcard in the service segment"; §6.1', doc: doc([{ ...ALLOW, Resource: 'arn:aws:s*:::b' }]), code: 'resource-vendor', path: '/Statement/0/Resource', message: 'Resource vendor must be fully qualified and cannot contain regexes.' },
  { name: 'bad partition', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Resource: 'arn:foo:s3:::b' }]), code: 'resource-partition', path: '/Statement/0/Resource', message: /^Partition "foo" is not valid/ },
  { name: 'short ARN without *', source: '§2.2 short ARNs; §6.1 legacy parsing', doc: doc([{ ...ALLOW, Resource: 'arn:aws:sqs:us-east-1' }]), code: 'resource-short', path: '/Statement/0/Resource', message: /^The policy failed legacy parsing/ },
  { name: 'IAM resource with a region', source: '§6.1 [I-moto]', doc: doc([{ ...ALLOW, Resource: 'arn:aws:iam:us-east-1:123456789012:user/a' }]), code: 'resource-iam-region', path: '/Statement/0/Resource', message: /cannot contain region information/ },
  { name: 'variable outside the resource part', source: '§2.2, §3.5 variables only after the 5th colon', doc: doc([{ ...ALLOW, Resource: 'arn:aws:s3:::${aws:username}', Action: 's3:*' }, { ...ALLOW, Resource: 'arn:aws:ec2:${aws:RequestedRegion}:123456789012:instance/*' }]), code: 'variable-position', path: '/Statement/1/Resource', message: /outside the resource part of an ARN/ },
  { name: 'malformed variable', source: '§3.5', doc: doc([{ ...ALLOW, Resource: 'arn:aws:s3:::b/${aws:username' }]), code: 'variable-malformed', path: '/Statement/0/Resource', message: /^Syntax errors in policy\. Unterminated/ },
  { name: 'Principal in an identity policy', source: '§2.3 [C terraform-provider-aws#10419]', doc: doc([{ ...ALLOW, Principal: '*' }]), code: 'principal-not-allowed', path: '/Statement/0/Principal', message: 'Policy document should not specify a principal.' },
  { name: 'Principal in an SCP', source: '§2.3, §1.4', kind: 'scp', doc: doc([{ ...ALLOW, Principal: '*' }]), code: 'principal-not-allowed', path: '/Statement/0/Principal', message: 'Policy document should not specify a principal.' },
  { name: 'no Principal in a resource policy', source: '§2.3', kind: 'resource', doc: doc([ALLOW]), code: 'principal-missing', path: '/Statement/0', message: 'Missing required field Principal.' },
  { name: 'NotPrincipal with Allow', source: '§2.3 [D notprincipal]', kind: 'resource', doc: doc([{ ...ALLOW, NotPrincipal: { AWS: '123456789012' } }]), code: 'not-principal-allow', path: '/Statement/0/NotPrincipal', message: /must be used with "Effect": "Deny"/ },
  { name: 'NotPrincipal in a trust policy', source: '§2.3 [D notprincipal] not allowed in trust policies', kind: 'trust', doc: doc([{ Effect: 'Deny', NotPrincipal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }]), code: 'not-principal-not-allowed', path: '/Statement/0/NotPrincipal', message: /NotPrincipal is not supported in trust policies/ },
  { name: 'partial wildcard principal', source: '§2.3 [D-2023] no partial wildcards', kind: 'resource', doc: doc([{ ...ALLOW, Principal: { AWS: 'arn:aws:iam::123456789012:user/*' } }]), code: 'principal-invalid', path: '/Statement/0/Principal/AWS', message: 'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:user/*"' },
  { name: 'session principal with a wildcard session', source: '§2.3 [D-2023] no * for all sessions', kind: 'resource', doc: doc([{ ...ALLOW, Principal: { AWS: ['arn:aws:sts::123456789012:assumed-role/R/*'] } }]), code: 'principal-invalid', path: '/Statement/0/Principal/AWS/0', message: /^Invalid principal in policy/ },
  { name: 'unknown principal type', source: '§2.3 forms', kind: 'resource', doc: doc([{ ...ALLOW, Principal: { Aws: '*' } }]), code: 'principal-type-unknown', path: '/Statement/0/Principal/Aws', message: /Unknown principal type "Aws"/ },
  { name: 'RCP principal other than *', source: '§1.4 RCPs use "Principal": "*"', kind: 'rcp', doc: doc([{ ...ALLOW, Principal: { AWS: '123456789012' } }]), code: 'principal-rcp', path: '/Statement/0/Principal', message: /only "Principal": "\*"/ },
  { name: 'character outside U+0020–U+00FF', source: '§6.1 [D-2023 quotas]', doc: doc([{ ...ALLOW, Sid: 'A', Resource: 'arn:aws:s3:::b/\u4e2d' }]), code: 'invalid-character', path: '/Statement/0/Resource', message: /Character U\+4E2D is not allowed/ },
  { name: 'managed policy over 6,144 characters', source: '§6.2', doc: doc([{ ...ALLOW, Action: Array.from({ length: 400 }, (_, i) => `s3:GetObject${i}`) }]), opts: { sizeLimit: 6144 }, code: 'size-exceeded', path: '', message: 'Cannot exceed quota for PolicySize: 6144' },
  { name: 'trust policy over 2,048 characters', source: '§6.2', kind: 'trust', doc: doc([{ ...TRUST, Action: Array.from({ length: 150 }, (_, i) => `sts:AssumeRole${i}`) }]), code: 'size-exceeded', path: '', message: 'Cannot exceed quota for PolicySize: 2048' },
  { name: 'SCP over 5,120 bytes', source: '§6.2 [D-old orgs limits]', kind: 'scp', doc: doc([{ ...ALLOW, Action: Array.from({ length: 300 }, (_, i) => `s3:GetObject${i}`) }]), code: 'size-exceeded', path: '', message: 'Cannot exceed quota for PolicySize: 5120' },
];

describe('compilePolicy: one error per rule (sheet §6)', () => {
  it.each(cases)('$name ($source)', (c) => {
    const ps = problems(c.doc, c.kind ?? 'identity', c.opts ?? {});
    const hit = ps.find((p) => p.code === c.code);
    expect(hit, JSON.stringify(ps)).toBeDefined();
    expect(hit!.path).toBe(c.path);
    if (typeof c.message === 'string') expect(hit!.message).toBe(c.message);
    else expect(hit!.message).toMatch(c.message);
    expect(hit!.hint).toBeTruthy();
    const r = compilePolicy(c.doc, { id: 'p', kind: c.kind ?? 'identity', ...(c.opts ?? {}) });
    expect(r.ok).toBe(hit!.severity !== 'error');
  });
});

describe('compilePolicy: valid documents', () => {
  it('accepts a single statement object and a statement array', () => {
    const a = compilePolicy(doc(ALLOW), { id: 'a', kind: 'identity' });
    const b = compilePolicy(doc([ALLOW, { ...ALLOW, Effect: 'Deny', Sid: 'D1' }]), { id: 'b', kind: 'identity' });
    expect(a.ok && a.value.statements.length).toBe(1);
    expect(b.ok && b.value.statements.map((s) => s.ref)).toEqual([
      { policyId: 'b', policyKind: 'identity', index: 0 },
      { policyId: 'b', policyKind: 'identity', sid: 'D1', index: 1 },
    ]);
  });

  it('records the Version; an absent Version is a warning and makes variables literal (§3.5)', () => {
    const r = compilePolicy({ Statement: [ALLOW] }, { id: 'x', kind: 'identity' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBeNull();
    expect(r.value.warnings.map((w) => w.code)).toEqual(['version-absent']);
    const old = compilePolicy({ Version: '2008-10-17', Statement: [{ ...ALLOW, Resource: 'arn:aws:s3:::${' }] }, { id: 'x', kind: 'identity' });
    expect(old.ok).toBe(true);
  });

  it('accepts a trust policy without Resource, and a resource policy with Id, Principal and NotPrincipal + Deny', () => {
    expect(compilePolicy(doc([TRUST]), { id: 't', kind: 'trust' }).ok).toBe(true);
    const r = compilePolicy(
      doc([
        { Sid: 'Public read', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:user/a'] }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
      ], { Id: 'BucketPolicy' }),
      { id: 'r', kind: 'resource' },
    );
    expect(r.ok ? [] : r.error).toEqual([]);
  });

  it('accepts every principal form (§2.3)', () => {
    const r = compilePolicy(
      doc([
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['*', '123456789012', 'arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:user/path/a', 'arn:aws:iam::123456789012:role/R', 'arn:aws:sts::123456789012:assumed-role/R/s', 'arn:aws:sts::123456789012:federated-user/f'],
            Service: 'ec2.amazonaws.com',
            Federated: 'arn:aws:iam::123456789012:saml-provider/idp',
            CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
          },
          Action: 's3:*',
          Resource: '*',
        },
      ]),
      { id: 'r', kind: 'resource' },
    );
    expect(r.ok ? [] : r.error).toEqual([]);
  });

  it('reports every problem at once', () => {
    const ps = problems(doc([{ Effect: 'allow', Action: 'GetObject', Principal: '*' }]));
    expect(ps.map((p) => p.code).sort()).toEqual(['action-no-vendor', 'effect-case', 'principal-not-allowed', 'resource-missing']);
  });

  it('reports condition problems from the condition compiler with their path', () => {
    const ps = problems(doc([{ ...ALLOW, Condition: { StringEqualz: { 'aws:username': 'a' } } }]));
    expect(ps.some((p) => p.severity === 'error' && p.path.startsWith('/Statement/0/Condition'))).toBe(true);
  });

  it('never throws on odd JSON values', () => {
    const odd: unknown[] = [null, 0, true, 'x', [], {}, { Statement: null }, { Statement: [null] }, { Statement: { Effect: 'Allow', Action: { a: 1 }, Resource: [[]] } }, { Statement: [{ Principal: [], Effect: 'Deny', Action: '*', Resource: '*', Condition: [] }] }];
    for (const d of odd) for (const kind of ['identity', 'resource', 'trust', 'scp', 'rcp', 'session', 'boundary'] as const) {
      expect(() => compilePolicy(d, { id: 'x', kind })).not.toThrow();
    }
  });
});
