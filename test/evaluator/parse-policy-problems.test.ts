import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompileOptions } from '../../src/evaluator/parse-policy.js';
import type { CompiledPolicy, PolicyKind, PolicyProblem } from '../../src/evaluator/types.js';

// Source: sheet §6.1 (grammar and IAM's texts via moto), §2.3 (principals), §6.2 (sizes).
const ALLOW = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const V = '2012-10-17';

function compile(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}) {
  return compilePolicy(doc, { id: 'p', kind, ...extra });
}
function problems(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}): readonly PolicyProblem[] {
  const r = compile(doc, kind, extra);
  return r.ok ? r.value.warnings : r.error;
}
function brief(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}): string[] {
  return problems(doc, kind, extra).map((p) => `${p.code} ${p.path}`);
}
function compiled(doc: unknown, kind: PolicyKind = 'identity', extra: Partial<CompileOptions> = {}): CompiledPolicy {
  const r = compile(doc, kind, extra);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const stmts = (statement: unknown) => ({ Version: V, Statement: statement });

describe('compilePolicy: the document', () => {
  it('reports text that is not JSON with the parser\'s message', () => {
    const r = compile('{"Version": ');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toHaveLength(1);
    expect(r.error[0]).toMatchObject({ code: 'invalid-json', severity: 'error', path: '', hint: 'Check the JSON syntax (quotes, commas, brackets).' });
    expect(r.error[0]!.message).toMatch(/^Syntax errors in policy\. The document is not valid JSON: \S/);
  });

  it('names the type of a document that is not an object', () => {
    expect(problems([])).toEqual([
      { code: 'document-not-object', severity: 'error', message: 'Syntax errors in policy. The policy document must be a JSON object, not an array.', path: '', hint: 'Write {"Version": "2012-10-17", "Statement": [ … ]}.' },
    ]);
    expect(problems('"text"')[0]?.message).toBe('Syntax errors in policy. The policy document must be a JSON object, not a string.');
    expect(problems('null')[0]?.message).toBe('Syntax errors in policy. The policy document must be a JSON object, not null.');
  });

  it('compiles policy text, reporting its duplicate keys together with every other problem', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Action":"GetObject","Resource":"*"}}';
    expect(brief(text)).toEqual(['duplicate-key /Statement/Action', 'action-no-vendor /Statement/Action']);
    const ok = compiled(JSON.stringify(stmts(ALLOW)));
    expect(ok.document).toEqual(stmts(ALLOW));
    expect(ok.warnings).toEqual([]);
  });

  it('lists the allowed top-level elements for an unknown one, and warns about an obsolete Conditions', () => {
    expect(problems({ ...stmts(ALLOW), statement: [] })).toEqual([
      { code: 'unknown-element', severity: 'error', message: 'Syntax errors in policy. Unknown element "statement".', path: '/statement', hint: 'Allowed here: Version, Id, Statement (names are case-sensitive).' },
    ]);
    const r = compiled({ ...stmts(ALLOW), Conditions: {} });
    expect(r.warnings).toEqual([
      { code: 'obsolete-element', severity: 'warning', message: 'The top-level element "Conditions" is obsolete and ignored.', path: '/Conditions', hint: "Move conditions into each statement's Condition element." },
    ]);
  });

  it('shows a Version that is not a string as JSON', () => {
    expect(problems({ ...stmts(ALLOW), Version: 2012 })).toEqual([
      { code: 'version-invalid', severity: 'error', message: 'Syntax errors in policy. Version "2012" is not a policy language version.', path: '/Version', hint: 'Use "Version": "2012-10-17" (the only other value is the obsolete "2008-10-17").' },
    ]);
    expect(problems({ ...stmts(ALLOW), Version: null })[0]?.message).toBe('Syntax errors in policy. Version "null" is not a policy language version.');
    expect(problems({ ...stmts(ALLOW), Version: undefined })[0]?.message).toBe('Syntax errors in policy. Version "undefined" is not a policy language version.');
    expect(problems({ ...stmts(ALLOW), Version: '2012-10-17 ' })[0]?.message).toBe('Syntax errors in policy. Version "2012-10-17 " is not a policy language version.');
  });

  it('accepts both policy language versions and records which one', () => {
    expect(compiled(stmts(ALLOW)).version).toBe('2012-10-17');
    expect(compiled({ Version: '2008-10-17', Statement: ALLOW }).version).toBe('2008-10-17');
    expect(compiled({ Version: '2008-10-17', Statement: ALLOW }).warnings).toEqual([]);
  });

  it('warns about a missing Version unless 2012-10-17 is required, which makes it an error at the document', () => {
    expect(problems({ Statement: ALLOW })).toEqual([
      { code: 'version-absent', severity: 'warning', message: 'The policy has no Version, so policy variables such as ${aws:username} are literal text.', path: '', hint: 'Add "Version": "2012-10-17".' },
    ]);
    expect(problems({ Statement: ALLOW }, 'identity', { requireVersion2012: true })).toEqual([
      { code: 'version-required-2012', severity: 'error', message: 'Policy document must be version 2012-10-17 or greater.', path: '', hint: 'Add "Version": "2012-10-17"; managed policies, boundaries and CreatePolicy require it.' },
    ]);
  });

  it('reports one problem for a bad Version when 2012-10-17 is required', () => {
    expect(brief({ Version: 'x', Statement: ALLOW }, 'identity', { requireVersion2012: true })).toEqual(['version-invalid /Version']);
    expect(brief({ Version: '2008-10-17', Statement: ALLOW }, 'identity', { requireVersion2012: true })).toEqual(['version-required-2012 /Version']);
    expect(brief(stmts(ALLOW), 'identity', { requireVersion2012: true })).toEqual([]);
    expect(brief({ Version: '2008-10-17', Statement: ALLOW }, 'identity', { requireVersion2012: false })).toEqual([]);
  });

  it('allows Id in resource-side policies and SCPs only, and requires it to be a string', () => {
    for (const kind of ['identity', 'boundary', 'session'] as const) {
      expect(problems({ ...stmts(ALLOW), Id: 'x' }, kind)).toEqual([
        { code: 'id-not-allowed', severity: 'error', message: `Syntax errors in policy. Id must not be included in ${kind} policies.`, path: '/Id', hint: 'Remove the top-level Id element; it is for resource-based policies.' },
      ]);
    }
    expect(brief({ ...stmts(ALLOW), Id: 'x' }, 'scp')).toEqual([]);
    expect(brief({ ...stmts({ ...ALLOW, Principal: '*' }), Id: 'x' }, 'resource')).toEqual([]);
    expect(brief({ ...stmts({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }), Id: 'x' }, 'trust')).toEqual([]);
    expect(problems({ ...stmts(ALLOW), Id: 1 }, 'scp')).toEqual([{ code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. Id must be a string, not a number.', path: '/Id', hint: 'Quote the value.' }]);
  });

  it('compiles a lone statement object at /Statement, and rejects a Statement that is neither', () => {
    const r = compiled(stmts({ ...ALLOW, Sid: 'One' }));
    expect(r.statements.map((s) => s.ref)).toEqual([{ policyId: 'p', policyKind: 'identity', sid: 'One', index: 0 }]);
    expect(brief(stmts({ ...ALLOW, Effect: 'Nope' }))).toEqual(['effect-invalid /Statement/Effect']);
    expect(problems(stmts('x'))).toEqual([{ code: 'statement-not-object', severity: 'error', message: 'Syntax errors in policy. Each statement must be a JSON object, not a string.', path: '/Statement', hint: 'Write { "Effect": …, "Action": …, "Resource": … }.' }]);
    expect(brief(stmts(null))).toEqual(['statement-not-object /Statement']);
  });

  it('reports a missing and an empty Statement with their messages', () => {
    expect(problems({ Version: V })).toEqual([{ code: 'statement-missing', severity: 'error', message: 'Syntax errors in policy. The policy has no Statement.', path: '', hint: 'Add "Statement": [ { "Effect": …, "Action": …, "Resource": … } ].' }]);
    expect(problems(stmts([]))).toEqual([{ code: 'statement-empty', severity: 'error', message: 'Syntax errors in policy. Statement must not be empty.', path: '/Statement', hint: 'Add at least one statement.' }]);
  });

  it('returns the compiled policy with its id, kind, document and warnings', () => {
    const doc = { Version: V, Statement: [ALLOW, { ...ALLOW, Action: 's3:' }] };
    const r = compilePolicy(doc, { id: 'arn:aws:iam::123456789012:policy/p', kind: 'boundary' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ id: 'arn:aws:iam::123456789012:policy/p', kind: 'boundary', version: V, document: doc });
    expect(r.value.statements.map((s) => s.ref)).toEqual([
      { policyId: 'arn:aws:iam::123456789012:policy/p', policyKind: 'boundary', index: 0 },
      { policyId: 'arn:aws:iam::123456789012:policy/p', policyKind: 'boundary', index: 1 },
    ]);
    expect(r.value.warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['action-empty-name /Statement/1/Action']);
  });

  it('turns a document that throws while being read into an internal-error problem', () => {
    const doc = { Version: V, get Statement(): unknown { throw new Error('boom'); } };
    expect(problems(doc)).toEqual([
      { code: 'internal-error', severity: 'error', message: 'Syntax errors in policy. The document could not be read: boom', path: '', hint: 'This is a bug in iamsim; please report it with the document.' },
    ]);
    const odd = { Version: V, get Statement(): unknown { throw 'not an Error'; } };
    expect(problems(odd)[0]?.message).toBe('Syntax errors in policy. The document could not be read: not an Error');
  });
});

describe('compilePolicy: statements', () => {
  it('lists the allowed statement elements for an unknown one', () => {
    expect(problems(stmts([{ ...ALLOW, Resources: '*' }]))).toEqual([
      {
        code: 'unknown-element',
        severity: 'error',
        message: 'Syntax errors in policy. Unknown element "Resources".',
        path: '/Statement/0/Resources',
        hint: 'Allowed here: Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition (names are case-sensitive).',
      },
    ]);
  });

  it('requires Sid to be a string', () => {
    expect(problems(stmts([{ ...ALLOW, Sid: 1 }]))).toEqual([{ code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. Sid must be a string, not a number.', path: '/Statement/0/Sid', hint: 'Quote the value.' }]);
  });

  it('allows an empty Sid, and any number of them', () => {
    const r = compiled(stmts([{ ...ALLOW, Sid: '' }, { ...ALLOW, Sid: '' }]));
    expect(r.statements.map((s) => s.ref.sid)).toEqual(['', '']);
  });

  it('reports a Sid with other characters than letters and digits in IAM policies, anywhere in it', () => {
    for (const sid of ['a-b', '-ab', 'ab-', 'a b']) expect(brief(stmts([{ ...ALLOW, Sid: sid }])), sid).toEqual(['sid-invalid /Statement/0/Sid']);
    expect(problems(stmts([{ ...ALLOW, Sid: 'a.b' }]))[0]?.hint).toBe('Rename Sid "a.b" using only letters and digits.');
    expect(brief(stmts([{ ...ALLOW, Sid: 'Ab09' }]))).toEqual([]);
  });

  it('accepts any Sid text in SCPs, RCPs and resource policies', () => {
    expect(brief(stmts([{ ...ALLOW, Sid: 'Deny all but S3 - v2' }]), 'scp')).toEqual([]);
    expect(brief(stmts([{ ...ALLOW, Sid: 'Public read', Principal: '*' }]), 'resource')).toEqual([]);
  });

  it('names the first statement that used a duplicate Sid, for every repeat', () => {
    const ps = problems(stmts([{ ...ALLOW, Sid: 'A' }, { ...ALLOW, Sid: 'B' }, { ...ALLOW, Sid: 'A' }, { ...ALLOW, Sid: 'A' }]));
    expect(ps.map((p) => [p.code, p.path, p.hint])).toEqual([
      ['sid-duplicate', '/Statement/2/Sid', 'Sid "A" is also used by statement 0; rename one of them.'],
      ['sid-duplicate', '/Statement/3/Sid', 'Sid "A" is also used by statement 0; rename one of them.'],
    ]);
  });

  it('only warns about duplicate Sids in resource policies', () => {
    const r = compiled(stmts([{ ...ALLOW, Sid: 'A', Principal: '*' }, { ...ALLOW, Sid: 'A', Principal: '*' }]), 'resource');
    expect(r.warnings).toEqual([
      { code: 'sid-duplicate-warning', severity: 'warning', message: 'Sid "A" is used by more than one statement.', path: '/Statement/1/Sid', hint: 'Most services require unique Sids; rename one of them.' },
    ]);
  });

  it('reports a missing Effect, a non-string Effect, and the wrong case with the spelling to use', () => {
    expect(problems(stmts([{ Action: 's3:*', Resource: '*' }]))).toEqual([{ code: 'effect-missing', severity: 'error', message: 'Syntax errors in policy. The statement has no Effect.', path: '/Statement/0', hint: 'Add "Effect": "Allow" or "Effect": "Deny".' }]);
    expect(problems(stmts([{ ...ALLOW, Effect: true }]))).toEqual([{ code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. Effect must be a string, not a boolean.', path: '/Statement/0/Effect', hint: 'Quote the value.' }]);
    expect(problems(stmts([{ ...ALLOW, Effect: 'DENY' }]))).toEqual([
      { code: 'effect-case', severity: 'error', message: 'The policy failed legacy parsing. Effect "DENY" must be written "Deny" (the Effect value is case-sensitive).', path: '/Statement/0/Effect', hint: 'Write "Effect": "Deny".' },
    ]);
    expect(problems(stmts([{ ...ALLOW, Effect: 'aLLow' }]))[0]?.hint).toBe('Write "Effect": "Allow".');
    expect(problems(stmts([{ ...ALLOW, Effect: 'Permit' }]))).toEqual([
      { code: 'effect-invalid', severity: 'error', message: 'Syntax errors in policy. Effect "Permit" is neither Allow nor Deny.', path: '/Statement/0/Effect', hint: 'Write "Effect": "Allow" or "Effect": "Deny".' },
    ]);
  });

  it('compiles Allow and Deny statements with their effect', () => {
    expect(compiled(stmts([ALLOW, { ...ALLOW, Effect: 'Deny' }])).statements.map((s) => s.effect)).toEqual(['Allow', 'Deny']);
  });

  it('reports only the real problem of a statement that cannot be compiled', () => {
    expect(brief(stmts([{ Action: 's3:*', Resource: '*' }, ALLOW]))).toEqual(['effect-missing /Statement/0']);
    expect(brief(stmts([{ Effect: 'Allow', Resource: '*' }]))).toEqual(['action-missing /Statement/0']);
    expect(brief(stmts([{ ...ALLOW, Action: 3 }]))).toEqual(['not-a-string-list /Statement/0/Action']);
    expect(brief(stmts([{ ...ALLOW, Action: ['s3:GetObject', null] }]))).toEqual(['not-a-string /Statement/0/Action/1']);
  });

  it('describes a wrong Action, NotAction, Resource or NotResource value with the element\'s name', () => {
    expect(problems(stmts([{ ...ALLOW, Action: { a: 1 } }]))).toEqual([
      { code: 'not-a-string-list', severity: 'error', message: 'Syntax errors in policy. Action must be a string or an array of strings.', path: '/Statement/0/Action', hint: 'Write "Action": "…" or "Action": ["…", "…"].' },
    ]);
    expect(brief(stmts([{ Effect: 'Deny', NotAction: 1, Resource: '*' }]))).toEqual(['not-a-string-list /Statement/0/NotAction']);
    expect(problems(stmts([{ ...ALLOW, Resource: ['*', false] }]))).toEqual([
      { code: 'not-a-string', severity: 'error', message: 'Syntax errors in policy. Resource must be a string, not a boolean.', path: '/Statement/0/Resource/1', hint: 'Quote the value.' },
    ]);
    expect(brief(stmts([{ Effect: 'Deny', Action: '*', NotResource: null }]))).toEqual(['not-a-string-list /Statement/0/NotResource']);
  });

  it('points at each bad action and resource: the element for a lone string, the index in a list', () => {
    expect(brief(stmts([{ ...ALLOW, Action: ['s3:GetObject', 'GetObject'], Resource: 'bucket' }]))).toEqual(['action-no-vendor /Statement/0/Action/1', 'resource-format /Statement/0/Resource']);
    expect(brief(stmts([{ Effect: 'Deny', NotAction: 'GetObject', NotResource: ['*', 'bucket'] }]))).toEqual(['action-no-vendor /Statement/0/NotAction', 'resource-format /Statement/0/NotResource/1']);
  });

  it('requires a non-empty NotAction or NotResource list like Action and Resource', () => {
    expect(brief(stmts([{ Effect: 'Deny', NotAction: [], Resource: '*' }]))).toEqual(['action-missing /Statement/0/NotAction']);
    expect(problems(stmts([{ ...ALLOW, Resource: [] }]))).toEqual([
      { code: 'resource-missing', severity: 'error', message: 'Policy statement must contain resources.', path: '/Statement/0/Resource', hint: 'Add "Resource": "arn:…" or "Resource": "*" (or NotResource).' },
    ]);
    expect(brief(stmts([{ Effect: 'Deny', Action: '*', NotResource: [] }]))).toEqual(['resource-missing /Statement/0/NotResource']);
  });

  it('compiles NotAction and NotResource as negated lists', () => {
    const [st] = compiled(stmts([{ Effect: 'Deny', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::b' }])).statements;
    expect(st).toMatchObject({ effect: 'Deny', notAction: true, notResource: true, notPrincipal: false, principals: null, condition: null });
    expect(st!.actions).toHaveLength(1);
    expect(st!.resources).toHaveLength(1);
    const [plain] = compiled(stmts([{ ...ALLOW, Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b', '*'] }])).statements;
    expect(plain).toMatchObject({ notAction: false, notResource: false });
    expect(plain!.actions).toHaveLength(2);
    expect(plain!.resources).toHaveLength(3);
  });

  it('treats a short resource as an error in identity-side policies and a warning in resource policies', () => {
    expect(brief(stmts([{ ...ALLOW, Resource: 'arn:aws:sqs:us-east-1' }]))).toEqual(['resource-short /Statement/0/Resource']);
    expect(brief(stmts([{ ...ALLOW, Principal: '*', Resource: 'arn:aws:sqs:us-east-1' }]), 'resource')).toEqual(['resource-short-warning /Statement/0/Resource']);
  });

  it('checks policy variables in resources under 2012-10-17 only', () => {
    const bad = { ...ALLOW, Resource: 'arn:aws:s3:::b/${aws:username' };
    expect(brief(stmts([bad]))).toEqual(['variable-malformed /Statement/0/Resource']);
    expect(brief({ Version: '2008-10-17', Statement: [bad] })).toEqual([]);
    expect(brief({ Statement: [bad] })).toEqual(['version-absent ']);
  });

  it('prohibits both Resource and NotResource in a trust policy, and compiles a trust statement without resources', () => {
    const trust = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
    expect(problems(stmts([{ ...trust, Resource: '*', NotResource: '*' }]), 'trust')).toEqual([
      { code: 'resource-prohibited', severity: 'error', message: 'Has prohibited field Resource.', path: '/Statement/0/Resource', hint: 'Role trust policies have no Resource: the resource is the role itself.' },
      { code: 'resource-prohibited', severity: 'error', message: 'Has prohibited field NotResource.', path: '/Statement/0/NotResource', hint: 'Role trust policies have no NotResource: the resource is the role itself.' },
    ]);
    const [st] = compiled(stmts([trust]), 'trust').statements;
    expect(st).toMatchObject({ resources: null, notResource: false, notPrincipal: false });
    expect(st!.principals).not.toBeNull();
  });

  it('reports Resource and NotResource together, and no Resource, with the statement\'s path', () => {
    expect(problems(stmts([{ ...ALLOW, NotResource: '*' }]))).toEqual([
      { code: 'both-elements', severity: 'error', message: 'Syntax errors in policy. A statement cannot have both Resource and NotResource.', path: '/Statement/0', hint: 'Keep one of Resource and NotResource.' },
    ]);
    expect(brief(stmts([{ Effect: 'Allow', Action: '*' }]), 'scp')).toEqual(['resource-missing /Statement/0']);
  });

  it('prohibits Principal and NotPrincipal in identity-like policies, naming the kind', () => {
    expect(problems(stmts([{ ...ALLOW, Principal: '*', NotPrincipal: '*' }]), 'boundary')).toEqual([
      { code: 'principal-not-allowed', severity: 'error', message: 'Policy document should not specify a principal.', path: '/Statement/0/Principal', hint: 'boundary policies apply to whoever they are attached to: remove Principal.' },
      { code: 'principal-not-allowed', severity: 'error', message: 'Policy document should not specify a principal.', path: '/Statement/0/NotPrincipal', hint: 'boundary policies apply to whoever they are attached to: remove NotPrincipal.' },
    ]);
    expect(brief(stmts([{ ...ALLOW, NotPrincipal: '*' }]), 'session')).toEqual(['principal-not-allowed /Statement/0/NotPrincipal']);
  });

  it('requires a Principal in resource policies, and only one of Principal and NotPrincipal', () => {
    expect(problems(stmts([ALLOW]), 'resource')).toEqual([
      { code: 'principal-missing', severity: 'error', message: 'Missing required field Principal.', path: '/Statement/0', hint: 'Add "Principal": {"AWS": "arn:aws:iam::123456789012:root"} (or the principal you mean).' },
    ]);
    expect(brief(stmts([{ ...ALLOW, Principal: '*', NotPrincipal: '*' }]), 'resource')).toEqual(['both-elements /Statement/0']);
    expect(brief(stmts([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), 'trust')).toEqual(['principal-missing /Statement/0']);
  });

  it('accepts NotPrincipal with Deny in a resource policy and validates its value', () => {
    const deny = { Effect: 'Deny', Action: 's3:*', Resource: '*' };
    const [st] = compiled(stmts([{ ...deny, NotPrincipal: { AWS: '123456789012' } }]), 'resource').statements;
    expect(st).toMatchObject({ notPrincipal: true, effect: 'Deny' });
    expect(st!.principals).not.toBeNull();
    expect(brief(stmts([{ ...deny, NotPrincipal: { AWS: 'x*' } }]), 'resource')).toEqual(['principal-invalid /Statement/0/NotPrincipal/AWS']);
    expect(problems(stmts([{ ...ALLOW, NotPrincipal: '*' }]), 'resource')).toEqual([
      { code: 'not-principal-allow', severity: 'error', message: 'Syntax errors in policy. NotPrincipal must be used with "Effect": "Deny".', path: '/Statement/0/NotPrincipal', hint: 'Using NotPrincipal with Allow is not supported; name the principals in Principal instead.' },
    ]);
  });

  it('does not support NotPrincipal in RCPs', () => {
    expect(problems(stmts([{ Effect: 'Deny', NotPrincipal: '*', Action: 's3:*', Resource: '*' }]), 'rcp')).toEqual([
      { code: 'not-principal-not-allowed', severity: 'error', message: 'Syntax errors in policy. NotPrincipal is not supported in rcp policies.', path: '/Statement/0/NotPrincipal', hint: 'Use Principal with a Condition on aws:PrincipalArn instead.' },
    ]);
  });

  it('requires "Principal": "*" in RCPs', () => {
    const deny = { Effect: 'Deny', Action: 's3:*', Resource: '*' };
    expect(brief(stmts([{ ...deny, Principal: '*' }]), 'rcp')).toEqual([]);
    expect(problems(stmts([{ ...deny, Principal: { AWS: '*' } }]), 'rcp')).toEqual([
      { code: 'principal-rcp', severity: 'error', message: 'Syntax errors in policy. Resource control policies support only "Principal": "*".', path: '/Statement/0/Principal', hint: 'Write "Principal": "*" and narrow with conditions such as aws:PrincipalOrgID.' },
    ]);
    expect(brief(stmts([deny]), 'rcp')).toEqual(['principal-missing /Statement/0']);
  });

  it('validates the Principal of a resource policy and compiles it', () => {
    expect(brief(stmts([{ ...ALLOW, Principal: 'arn:aws:iam::123456789012:root' }]), 'resource')).toEqual(['principal-invalid /Statement/0/Principal']);
    const [st] = compiled(stmts([{ ...ALLOW, Principal: { AWS: '123456789012' } }]), 'resource').statements;
    expect(st).toMatchObject({ notPrincipal: false });
    expect(st!.principals).not.toBeNull();
  });

  it('compiles a Condition, drops an empty one, and reports its problems under its path', () => {
    const [withCond, empty] = compiled(stmts([{ ...ALLOW, Condition: { StringEquals: { 'aws:username': 'a' } } }, { ...ALLOW, Condition: {} }])).statements;
    expect(withCond!.condition).not.toBeNull();
    expect(empty!.condition).toBeNull();
    const ps = problems(stmts([{ ...ALLOW, Condition: { StringEqualz: { 'aws:username': 'a' } } }]));
    expect(ps.map((p) => p.path)).toEqual(['/Statement/0/Condition/StringEqualz']);
  });

  it('checks condition policy variables under 2012-10-17 only', () => {
    const st = { ...ALLOW, Condition: { StringLike: { 's3:prefix': '${aws:username' } } };
    expect(brief(stmts([st]))).toEqual(['condition-variable-malformed /Statement/0/Condition/StringLike/s3:prefix']);
    expect(brief({ Version: '2008-10-17', Statement: [st] })).toEqual([]);
  });
});

describe('compilePolicy: size', () => {
  const big = (n: number) => stmts([{ ...ALLOW, Action: Array.from({ length: n }, (_, i) => `s3:GetObject${i}`) }]);

  it('uses the kind\'s default limit unless told otherwise, and none when told null', () => {
    const doc = big(150); // about 2,700 characters: over the session limit (2,048), under the identity one (10,240)
    expect(brief(doc, 'session')).toEqual(['size-exceeded ']);
    expect(brief(doc, 'identity')).toEqual([]);
    expect(brief(doc, 'identity', { sizeLimit: 2_048 })).toEqual(['size-exceeded ']);
    expect(brief(doc, 'session', { sizeLimit: null })).toEqual([]);
    expect(brief(doc, 'session', { sizeLimit: 10_000 })).toEqual([]);
  });

  it('counts bytes with whitespace for SCPs and characters without for IAM policies', () => {
    const doc = stmts([{ ...ALLOW, Resource: 'arn:aws:s3:::' + ' '.repeat(100) }]);
    const chars = JSON.stringify(doc).length - 100;
    expect(brief(doc, 'identity', { sizeLimit: chars })).toEqual([]);
    expect(brief(doc, 'scp', { sizeLimit: chars })).toEqual(['size-exceeded ']);
    expect(problems(doc, 'scp', { sizeLimit: chars })[0]?.hint).toBe(`The scp policy is ${chars + 100} bytes (bytes, whitespace included); split it or remove statements.`);
  });
});
