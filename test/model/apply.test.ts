import { describe, expect, it } from 'vitest';
import { applyPatches, produce } from 'immer';
import {
  applyOperation,
  applyOperations,
  applyOperationsUnchecked,
  applyTimedOperationsUnchecked,
  applyToDraft,
  call,
  OPERATION_NAMES,
  OPERATION_SCHEMAS,
  OPERATIONS,
  validateOperationInput,
} from '../../src/model/apply.js';
import { base, build, op, T0 } from './helpers.js';

describe('applyOperation', () => {
  it('applies a call and never mutates the input', () => {
    const a = base();
    const r = applyOperation(a, op('CreateUser', { UserName: 'alice' }), T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(a.users)).toEqual([]);
    expect(r.value.users['alice']?.arn).toBe('arn:aws:iam::123456789012:user/alice');
    expect(r.value.users['alice']?.id).toMatch(/^AIDA[A-Z2-7]{16}$/);
    expect(r.value.seq).toBe(a.seq + 1);
    expect(Object.isFrozen(r.value.users)).toBe(true);
  });

  it('rejects an unknown operation with InvalidInput', () => {
    const r = applyOperation(base(), op('CreateUsr', { UserName: 'x' }), T0);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('InvalidInput');
      expect(r.error.path).toBe('/op');
    }
  });

  it('rejects a bad input with the JSON pointer of the field', () => {
    const r = applyOperation(base(), op('CreateUser', { UserName: 'bad name!' }), T0);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('InvalidInput');
      expect(r.error.path).toBe('/UserName');
    }
  });

  it('gives the same ids for the same calls', () => {
    const calls = [op('CreateUser', { UserName: 'a' }), op('CreateAccessKey', { UserName: 'a' }), op('CreateGroup', { GroupName: 'g' })];
    const x = build(calls);
    const y = build(calls);
    expect(x.users['a']!.accessKeys[0]!.id).toBe(y.users['a']!.accessKeys[0]!.id);
    expect(x.users['a']!.accessKeys[0]!.id).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(x.groups['g']!.id).toMatch(/^AGPA/);
    expect(new Set([x.users['a']!.id, x.users['a']!.accessKeys[0]!.id.slice(4), x.groups['g']!.id.slice(4)]).size).toBe(3);
  });
});

describe('validateOperationInput', () => {
  it('names missing, unknown and mistyped fields by JSON pointer', () => {
    const r = validateOperationInput(op('CreateUser', { Username: 'a', Tags: [{ Key: 'k', Value: 3 }] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.error.map((e) => e.path);
    expect(paths).toContain('/UserName');
    expect(paths).toContain('/Username');
    expect(paths.some((p) => p.startsWith('/Tags'))).toBe(true);
    expect(r.error.find((e) => e.path === '/Username')?.hint).toMatch(/case-sensitive/);
  });

  it('accepts a valid input and returns the operation name', () => {
    expect(validateOperationInput(op('AttachUserPolicy', { UserName: 'a', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))).toEqual({ ok: true, value: 'AttachUserPolicy' });
  });

  it('suggests the right casing of an operation name', () => {
    const r = validateOperationInput(op('EnableMfaDevice', {}));
    expect(!r.ok && r.error[0]!.hint).toMatch(/did you mean EnableMFADevice/);
  });

  it('lists known operations in the hint for an unknown one', () => {
    const r = validateOperationInput(op('Nope', {}));
    expect(!r.ok && r.error[0]!.hint).toMatch(/CreateUser/);
  });
});

describe('applyOperations', () => {
  it('is all-or-nothing and reports the failing index', () => {
    const a = base();
    const r = applyOperations(a, [op('CreateUser', { UserName: 'a' }), op('CreateUser', { UserName: 'a' })], T0);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.index).toBe(1);
      expect(r.error.op).toBe('CreateUser');
      expect(r.error.code).toBe('EntityAlreadyExists');
    }
    expect(a.users).toEqual({});
  });

  it('later calls see earlier ones and the inverse patches undo the batch', () => {
    const a = base();
    const r = applyOperations(a, [op('CreateUser', { UserName: 'a' }), op('CreateGroup', { GroupName: 'g' }), op('AddUserToGroup', { UserName: 'a', GroupName: 'g' })], T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.account.users['a']!.groups).toEqual(['g']);
    expect(r.value.patches.length).toBeGreaterThan(0);
    expect(applyPatches(r.value.account, r.value.inversePatches)).toEqual(a);
    expect(applyPatches(a, r.value.patches)).toEqual(r.value.account);
  });

  it('an empty batch returns the same account', () => {
    const a = base();
    const r = applyOperations(a, [], T0);
    expect(r.ok && r.value.account).toBe(a);
  });
});

describe('applyOperationsUnchecked', () => {
  it('builds many users in one produce', () => {
    const calls = Array.from({ length: 5000 }, (_, i) => call('CreateUser', { UserName: `u${i}` }));
    const r = applyOperationsUnchecked(base(), calls, T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value.users)).toHaveLength(5000);
    expect(new Set(Object.values(r.value.users).map((u) => u.id)).size).toBe(5000);
  });

  it('still runs IAM validation', () => {
    const r = applyOperationsUnchecked(base(), [call('AddUserToGroup', { UserName: 'x', GroupName: 'g' })], T0);
    expect(!r.ok && r.error.code).toBe('NoSuchEntity');
  });
});

describe('applyTimedOperationsUnchecked and applyToDraft', () => {
  it('each call happens at its own instant', () => {
    const r = applyTimedOperationsUnchecked(base(), [
      { ...call('CreateUser', { UserName: 'a' }), at: '2026-01-01T00:00:00Z' },
      { ...call('CreateAccessKey', { UserName: 'a' }), at: '2026-02-01T00:00:00Z' },
    ]);
    expect(r.ok && [r.value.users['a']!.created, r.value.users['a']!.accessKeys[0]!.created]).toEqual(['2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z']);
    const bad = applyTimedOperationsUnchecked(base(), [{ ...call('CreateAccessKey', { UserName: 'x' }), at: T0 }]);
    expect(!bad.ok && [bad.error.index, bad.error.code]).toEqual([0, 'NoSuchEntity']);
  });
  it('applyToDraft checks the input and applies inside a caller-owned produce', () => {
    let error: unknown = 'unset';
    const next = produce(base(), (d) => {
      expect(applyToDraft(d, op('CreateUser', { UserName: 'a' }), T0)).toBeNull();
      error = applyToDraft(d, op('CreateUser', { UserName: 1 }), T0);
    });
    expect(Object.keys(next.users)).toEqual(['a']);
    expect(error).toMatchObject({ code: 'InvalidInput', path: '/UserName' });
  });
});

describe('registry', () => {
  it('keys equal names and every operation has a schema', () => {
    for (const [k, def] of Object.entries(OPERATIONS)) expect(def.name).toBe(k);
    expect(Object.keys(OPERATION_SCHEMAS).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const s of Object.values(OPERATION_SCHEMAS)) expect(s['type']).toBe('object');
  });
});

describe('operation files', () => {
  it('every file in src/model/operations is registered, and every operation is exercised by a test', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../src/model/operations/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'registry.ts');
    const registry = readFileSync(new URL('registry.ts', dir), 'utf8');
    for (const f of files) expect(registry, `${f} is not in registry.ts`).toContain(`'./${f.replace(/\.ts$/, '.js')}'`);
    expect(files).toHaveLength(OPERATION_NAMES.length);
    const testDir = new URL('./operations/', import.meta.url);
    const tests = readdirSync(testDir).map((f) => readFileSync(new URL(f, testDir), 'utf8')).join('\n');
    const kinds = ['User', 'Group', 'Role'];
    for (const name of OPERATION_NAMES) {
      const generic = kinds.some((k) => name.includes(k) && /^(Attach|Detach|Put|Delete)(User|Group|Role)Policy$/.test(name));
      if (generic) continue; // covered by describe.each over the three principal kinds
      expect(tests, `no test calls ${name}`).toMatch(new RegExp(`'${name}'`));
    }
  });
});

describe('typed calls', () => {
  it('call() checks input types at compile time', () => {
    const ok1 = call('AttachUserPolicy', { UserName: 'a', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    const ok2 = call('PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: '{}' });
    // @ts-expect-error UserName is required
    const bad1 = call('CreateUser', { Path: '/' });
    // @ts-expect-error RoleName is not a field of AttachGroupPolicy
    const bad2 = call('AttachGroupPolicy', { RoleName: 'x', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect([ok1.op, ok2.op, bad1.op, bad2.op]).toEqual(['AttachUserPolicy', 'PutRolePolicy', 'CreateUser', 'AttachGroupPolicy']);
  });
});
