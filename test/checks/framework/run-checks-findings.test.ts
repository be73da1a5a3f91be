import { describe, expect, it } from 'vitest';
import { defineCheck, erase, type AnyCheck } from '../../../src/checks/define-check.js';
import { runChecks, toFinding } from '../../../src/checks/run-checks.js';
import { matchSuppression, tagsFor } from '../../../src/checks/suppress.js';
import { arnMatches, globToRegExp } from '../../../src/checks/arn-glob.js';
import type { Finding } from '../../../src/checks/finding.js';
import type { Report } from '../../../src/checks/types.js';
import { account, NOW, user } from '../fixtures.js';

const ALICE = 'arn:aws:iam::111122223333:user/alice';
const ref = { kind: 'user' as const, arn: ALICE, name: 'alice' };
const meta = { practice: 4, title: 'Title', severity: 'medium' as const, rationale: 'r', references: ['x'], remediation: 'auto' as const };

function fake(id: string, detect: () => readonly Report[], extra: object = {}): AnyCheck {
  return erase(defineCheck({ meta: { id, ...meta, messages: { m: 'User {{user}} has {{n}}', s: 'Do {{what}}' }, defaults: {}, ...extra }, detect }));
}
const a = account({ users: [user('alice')] });

describe('toFinding', () => {
  const ck = fake('c', () => []);
  it('carries the check metadata and renders the message; optional parts only when the report has them', () => {
    expect(toFinding(ck, { messageId: 'm', data: { user: 'alice', n: 2 }, resource: ref })).toEqual({
      checkId: 'c', practice: 4, title: 'Title', severity: 'medium', remediation: 'auto', messageId: 'm',
      message: 'User alice has 2', data: { user: 'alice', n: 2 }, resource: ref,
    });
  });
  it('takes the severity from the config override, else the report, else the check', () => {
    expect(toFinding(ck, { messageId: 'm', data: {}, resource: ref, severity: 'high' }, 'low').severity).toBe('low');
    expect(toFinding(ck, { messageId: 'm', data: {}, resource: ref, severity: 'high' }).severity).toBe('high');
  });
  it('renders suggestions with their own data or the report data, and keeps fix and evidence', () => {
    const fix = [{ op: 'DeleteUser', input: { UserName: 'alice' } }];
    const evidence = [{ text: 'seen', eventID: 'e1' }];
    expect(toFinding(ck, {
      messageId: 'm', data: { user: 'alice', n: 1, what: 'this' }, resource: ref, fix, evidence,
      suggestions: [{ messageId: 's', fix }, { messageId: 's', data: { what: 'that' }, fix }],
    })).toMatchObject({
      fix, evidence,
      suggestions: [{ messageId: 's', message: 'Do this', fix }, { messageId: 's', message: 'Do that', fix }],
    });
  });
  it('uses the message id as the text when the check has no such message', () => {
    const f = toFinding(ck, { messageId: 'raw {{user}}', data: { user: 'bob' }, resource: ref, suggestions: [{ messageId: 'other {{user}}', fix: [] }] });
    expect([f.message, f.suggestions?.[0]?.message]).toEqual(['raw bob', 'other bob']);
  });
});

describe('runChecks: selection and outcome of each check', () => {
  const one = fake('one', () => [{ messageId: 'm', data: { user: 'alice', n: 1 }, resource: ref }]);
  const two = fake('two', () => [{ messageId: 'm', data: { user: 'alice', n: 2 }, resource: ref, severity: 'low' }]);
  const registry = [one, two];

  it('runs the named checks once each, in registry order, and names unknown ids', () => {
    const run = runChecks(a, { now: NOW, registry, checks: ['two', 'nope', 'one', 'two'] });
    expect(run.ran).toEqual(['one', 'two']);
    expect(run.findings.map((f) => f.checkId)).toEqual(['one', 'two']);
    expect(run.notEvaluated).toEqual([{ checkId: 'nope', reason: 'unknown-check', detail: "no check named 'nope'" }]);
  });

  it('runs every enabled check when none are named, and says which are disabled', () => {
    const run = runChecks(a, { now: NOW, registry, config: { checks: { one: { enabled: false }, two: { enabled: true } } } });
    expect(run.ran).toEqual(['two']);
    expect(run.notEvaluated).toEqual([{ checkId: 'one', reason: 'disabled', detail: 'disabled in the config file' }]);
  });

  it('runs a named check even when the config disables it', () => {
    expect(runChecks(a, { now: NOW, registry, checks: ['one'], config: { checks: { one: { enabled: false } } } }).ran).toEqual(['one']);
  });

  it('applies the config severity of a check to its findings only', () => {
    const run = runChecks(a, { now: NOW, registry, config: { checks: { one: { severity: 'critical' } } } });
    expect(run.findings.map((f) => f.severity)).toEqual(['critical', 'low']);
  });

  it('does not run a check whose inputs an imported account lacks, naming them', () => {
    const needy = fake('needy', () => [], { needs: ['credential-report', 'activity'] });
    const imported = { ...a, importedFrom: { inputs: ['authorization-details', 'activity'], snapshot: NOW } };
    const run = runChecks(imported, { now: NOW, registry: [needy, one] });
    expect(run.notEvaluated).toEqual([{ checkId: 'needy', reason: 'missing-input', detail: 'needs the credential report' }]);
    expect(run.ran).toEqual(['one']);
  });

  it('does not run a check with invalid options, listing every problem', () => {
    const strict = fake('strict', () => [], { options: { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'string' } } }, defaults: { a: 1, b: 'x' } });
    const run = runChecks(a, { now: NOW, registry: [strict], options: { strict: { a: 'x', b: 2 } } });
    expect(run.notEvaluated).toEqual([{ checkId: 'strict', reason: 'invalid-options', detail: 'strict: option /a must be integer; strict: option /b must be string' }]);
    expect(run.ran).toEqual([]);
  });

  it('reports a check that throws as a high, manual check-error finding on the account, and runs the rest', () => {
    const boom = fake('boom', () => { throw new Error('kaboom'); });
    const raw = fake('raw', () => { throw 42; });
    const run = runChecks(a, { now: NOW, registry: [boom, raw, one] });
    expect(run.errors).toEqual([{ checkId: 'boom', message: 'kaboom' }, { checkId: 'raw', message: '42' }]);
    expect(run.findings[0]).toEqual({
      checkId: 'boom', practice: 4, title: 'Title', severity: 'high', remediation: 'manual', messageId: 'check-error',
      message: 'Check boom failed: kaboom', data: { check: 'boom', error: 'kaboom' },
      resource: { kind: 'account', arn: 'arn:aws:iam::111122223333:root', name: '111122223333' },
    });
    expect(run.findings.map((f) => f.checkId)).toEqual(['boom', 'raw', 'one']);
    expect(run.ran).toEqual(['boom', 'raw', 'one']);
  });

  it('marks matching findings as suppressed and leaves the rest alone', () => {
    const run = runChecks(a, { now: NOW, registry, config: { suppressions: [{ check: 'two', resource: '*', reason: 'known' }] } });
    expect(run.findings.map((f) => f.suppressed ?? null)).toEqual([null, { reason: 'known', by: 'suppressions[0] (check two, resource *)' }]);
    expect(Object.hasOwn(run.findings[0]!, 'suppressed')).toBe(false);
  });
});

describe('suppressions', () => {
  const tagged = account({
    users: [user('al', { tags: { team: 'x' } }), user('alice', { tags: { owner: 'platform', eq: 'a=b' } }), user('bob', { path: '/dev/', arn: 'arn:aws:iam::111122223333:user/dev/bob', tags: { t: '1' } })],
    extra: { roles: { web: { name: 'web', arn: 'arn:aws:iam::111122223333:role/web', tags: { svc: 'web' } } } } as never,
  });

  it('finds the tags of the user or role a finding is about, an access key taking its user\'s', () => {
    expect(tagsFor(tagged, ALICE)).toEqual({ owner: 'platform', eq: 'a=b' });
    expect(tagsFor(tagged, `${ALICE}/AKIAEXAMPLE`)).toEqual({ owner: 'platform', eq: 'a=b' });
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:user/dev/bob')).toEqual({ t: '1' });
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:role/web')).toEqual({ svc: 'web' });
  });
  it('finds no tags for other resources, unknown principals, or a user whose name merely starts the same', () => {
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:user/alicia')).toEqual({});
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:user/web')).toEqual({});
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:root')).toEqual({});
    expect(tagsFor(tagged, 'arn:aws:s3:::bucket')).toEqual({});
    expect(tagsFor(tagged, 'x arn:aws:iam::111122223333:user/alice')).toEqual({});
    expect(tagsFor(tagged, 'arn:aws:iam::111122223333:user/')).toEqual({});
  });

  const finding = (checkId: string, arn = ALICE): Finding => ({
    checkId, practice: 1, title: 't', severity: 'low', remediation: 'manual', messageId: 'm', message: 'x', data: {}, resource: { kind: 'user', arn },
  });

  it('matches by check id or *, and by resource glob', () => {
    expect(matchSuppression(finding('c'), [{ check: 'other', resource: '*', reason: 'no' }, { check: '*', resource: '*:user/ali*', reason: 'yes' }], tagged, NOW))
      .toEqual({ reason: 'yes', by: 'suppressions[1] (check *, resource *:user/ali*)' });
    expect(matchSuppression(finding('c'), [{ check: 'c', resource: '*:user/bob', reason: 'no' }], tagged, NOW)).toBeUndefined();
  });
  it('matches a tag by key, or by key=value split at the first =', () => {
    const m = (tag: string) => matchSuppression(finding('c'), [{ check: 'c', tag, reason: 'r' }], tagged, NOW)?.by;
    expect(m('owner')).toBe('suppressions[0] (check c, tag owner)');
    expect(m('owner=platform')).toBe('suppressions[0] (check c, tag owner=platform)');
    expect(m('eq=a=b')).toBe('suppressions[0] (check c, tag eq=a=b)');
    expect(m('owner=other')).toBeUndefined();
    expect(m('owner=')).toBeUndefined();
    expect(m('team')).toBeUndefined();
    expect(m('constructor')).toBeUndefined();
    expect(m('constructor=x')).toBeUndefined();
  });
  it('needs both the resource and the tag when a suppression names both, and names both', () => {
    const s = { check: 'c', resource: '*alice', tag: 'owner', reason: 'r', expires: '2026-12-31' };
    expect(matchSuppression(finding('c'), [s], tagged, NOW)).toEqual({ reason: 'r', by: 'suppressions[0] (check c, resource *alice, tag owner)', expires: '2026-12-31' });
    expect(matchSuppression(finding('c'), [{ ...s, tag: 'team' }], tagged, NOW)).toBeUndefined();
    expect(matchSuppression(finding('c'), [{ ...s, resource: '*bob' }], tagged, NOW)).toBeUndefined();
  });
  it('skips expired suppressions for the next that applies', () => {
    expect(matchSuppression(finding('c'), [{ check: 'c', resource: '*', reason: 'old', expires: '2026-05-31' }, { check: 'c', resource: '*', reason: 'new' }], tagged, NOW))
      .toEqual({ reason: 'new', by: 'suppressions[1] (check c, resource *)' });
  });
});

describe('ARN globs', () => {
  it('* matches any run of characters, across / and :, and nothing', () => {
    expect(arnMatches('arn:aws:iam::*', 'arn:aws:iam::111122223333:user/a/b')).toBe(true);
    expect(arnMatches('a*b', 'ab')).toBe(true);
    expect(arnMatches('*', 'line\nbreak')).toBe(true);
  });
  it('? matches exactly one character', () => {
    expect(arnMatches('user/?', 'user/a')).toBe(true);
    expect(arnMatches('user/?', 'user/')).toBe(false);
    expect(arnMatches('user/?', 'user/ab')).toBe(false);
  });
  it('matches the whole ARN, other characters literally', () => {
    expect(arnMatches('user/a', 'x:user/a')).toBe(false);
    expect(arnMatches('user/a', 'user/ab')).toBe(false);
    expect(arnMatches('a.b', 'axb')).toBe(false);
    expect(arnMatches('a+b(c)[d]{1}|^$\\', 'a+b(c)[d]{1}|^$\\')).toBe(true);
    expect(globToRegExp('a.*?').source).toBe('^a\\..*.$');
  });
});
