import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { is } from 'immutable';
import { loadAccount, saveAccount } from '../../src/model/serialize.js';
import type { Account } from '../../src/model/types.js';
import { accountArb } from './arbitraries.js';
import { base, build, op, S3_READ } from './helpers.js';

/** Structural equality: the plain part deep-equal, the persistent collections equal by Immutable.is. */
function expectSameAccount(x: Account, y: Account): void {
  const { usage: ux, activity: ax, ...px } = x;
  const { usage: uy, activity: ay, ...py } = y;
  expect(px).toEqual(py);
  // Immutable.is compares plain-object values by reference, so compare the maps' contents instead
  expect(is(ux.passwords, uy.passwords)).toBe(true);
  expect(ux.accessKeys.toJS()).toEqual(uy.accessKeys.toJS());
  expect(ux.roles.toJS()).toEqual(uy.roles.toJS());
  expect(ux.services.toJS()).toEqual(uy.services.toJS());
  expect(ax.toJS()).toEqual(ay.toJS());
}

describe('saveAccount / loadAccount', () => {
  it('ROUND-TRIP: load(save(a)) equals a, and saving again gives the same text', () => {
    fc.assert(
      fc.property(accountArb, (a) => {
        const text = saveAccount(a);
        const r = loadAccount(text);
        if (!r.ok) throw new Error(JSON.stringify(r.error, null, 2));
        expectSameAccount(r.value, a);
        expect(saveAccount(r.value)).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('writes keys in a fixed order whatever the insertion order', () => {
    const a = build([op('CreateUser', { UserName: 'zed' }), op('CreateUser', { UserName: 'amy' })]);
    const b = build([op('CreateUser', { UserName: 'amy' }), op('CreateUser', { UserName: 'zed' })]);
    const strip = (s: string) => s.replace(/"(id|seq)": ("[A-Z0-9]+"|\d+)/g, '');
    expect(strip(saveAccount(a))).toBe(strip(saveAccount(b)));
    const text = saveAccount(a);
    expect(text.indexOf('"formatVersion"')).toBeLessThan(text.indexOf('"users"'));
    expect(text.indexOf('"amy"')).toBeLessThan(text.indexOf('"zed"'));
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps Version before Statement in policy documents', () => {
    const text = saveAccount(build([op('CreatePolicy', { PolicyName: 'p', PolicyDocument: S3_READ })]));
    expect(text.indexOf('"Version": "2012-10-17"')).toBeLessThan(text.indexOf('"Statement"'));
  });

  it('a loaded account is frozen and usable by operations', () => {
    const r = loadAccount(saveAccount(build([op('CreateUser', { UserName: 'a' })])));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.value.users['a'])).toBe(true);
    expect(build([op('CreateAccessKey', { UserName: 'a' })], r.value).users['a']!.accessKeys).toHaveLength(1);
  });
});

describe('loadAccount errors', () => {
  const good = () => JSON.parse(saveAccount(build([op('CreateUser', { UserName: 'alice' }), op('CreateGroup', { GroupName: 'g' })]))) as Record<string, any>;
  const load = (data: unknown) => loadAccount(JSON.stringify(data, null, 2), 'acct.json');

  it('reports JSON syntax errors with line and column', () => {
    const r = loadAccount('{\n  "formatVersion": 1,\n  oops\n}', 'acct.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({ code: 'json-syntax', file: 'acct.json', line: 3 });
  });

  it('a file that ends early is located at its end', () => {
    const r = loadAccount('{\n  "formatVersion": 1,\n  "users": ', 'acct.json');
    expect(!r.ok && r.error[0]).toMatchObject({ code: 'json-syntax', file: 'acct.json', line: 3, col: 12 });
  });

  it('rejects an unknown formatVersion with a hint', () => {
    const d = good();
    d['formatVersion'] = 2;
    const r = load(d);
    expect(!r.ok && r.error[0]).toMatchObject({ code: 'format-version', path: '/formatVersion' });
    expect(!r.ok && r.error[0]!.hint).toBeTruthy();
  });

  it('names the JSON path of every schema violation', () => {
    const d = good();
    d['users']['alice']['created'] = 'yesterday';
    delete d['users']['alice']['mfa'];
    d['users']['alice']['color'] = 'blue';
    const r = load(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.error.map((e) => e.path);
    expect(paths).toContain('/users/alice/created');
    expect(paths).toContain('/users/alice/mfa');
    expect(paths).toContain('/users/alice/color');
    expect(r.error.every((e) => e.file === 'acct.json' && e.hint !== undefined)).toBe(true);
    expect(r.error.find((e) => e.path === '/users/alice/created')?.hint).toMatch(/ISO-8601/);
    expect(r.error.find((e) => e.path === '/users/alice/color')?.hint).toMatch(/remove the field/);
  });

  it('reports dangling references with their paths', () => {
    const d = good();
    d['users']['alice']['groups'] = ['nope'];
    d['users']['alice']['attachedPolicies'] = ['arn:aws:iam::123456789012:policy/missing'];
    const r = load(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.map((e) => e.path)).toEqual(['/users/alice/groups/0', '/users/alice/attachedPolicies/0']);
  });

  it('escapes / in JSON pointers of ARN keys', () => {
    const d = JSON.parse(saveAccount(build([op('CreatePolicy', { PolicyName: 'p', PolicyDocument: S3_READ })]))) as Record<string, any>;
    d['policies']['arn:aws:iam::123456789012:policy/p']['defaultVersion'] = 'v7';
    const r = load(d);
    expect(!r.ok && r.error[0]!.path).toBe('/policies/arn:aws:iam::123456789012:policy~1p/defaultVersion');
  });

  it('rejects a non-object', () => {
    expect(loadAccount('[]').ok).toBe(false);
  });

  it('accepts the empty account', () => {
    expect(loadAccount(saveAccount(base())).ok).toBe(true);
  });
});

describe('optional account fields', () => {
  it('round-trips importedFrom', () => {
    const a = { ...base(), importedFrom: { inputs: ['credential-report'], snapshot: '2026-05-01T00:00:00Z' } };
    const r = loadAccount(saveAccount(a));
    expect(r.ok && (r.value as { importedFrom?: unknown }).importedFrom).toEqual(a.importedFrom);
  });
});
