import { describe, expect, it } from 'vitest';
import { applyOperations } from '../../../src/model/apply.js';
import { base, build, fails, op, succeeds, T0 } from '../helpers.js';

const withUser = () => build([op('CreateUser', { UserName: 'alice' })]);
const KEY = 'AKIAALICEKEY00000001';

describe('CreateAccessKey', () => {
  it('creates an active key with a deterministic id', () => {
    const a = succeeds(withUser(), op('CreateAccessKey', { UserName: 'alice' }));
    const k = a.users['alice']!.accessKeys[0]!;
    expect(k.status).toBe('Active');
    expect(k.id).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(succeeds(withUser(), op('CreateAccessKey', { UserName: 'alice' })).users['alice']!.accessKeys[0]!.id).toBe(k.id);
  });
  it('takes a given id and status', () => {
    const a = succeeds(withUser(), op('CreateAccessKey', { UserName: 'alice', AccessKeyId: KEY, Status: 'Inactive' }));
    expect(a.users['alice']!.accessKeys).toEqual([{ id: KEY, status: 'Inactive', created: '2026-01-01T00:00:00Z' }]);
  });
  it('LimitExceeded for a third key', () => {
    const a = build([op('CreateAccessKey', { UserName: 'alice' }), op('CreateAccessKey', { UserName: 'alice' })], withUser());
    fails(a, op('CreateAccessKey', { UserName: 'alice' }), 'LimitExceeded');
  });
  it('EntityAlreadyExists for an id in use; NoSuchEntity for an unknown user', () => {
    const a = build([op('CreateUser', { UserName: 'bob' }), op('CreateAccessKey', { UserName: 'bob', AccessKeyId: KEY })], withUser());
    fails(a, op('CreateAccessKey', { UserName: 'alice', AccessKeyId: KEY }), 'EntityAlreadyExists');
    fails(base(), op('CreateAccessKey', { UserName: 'x' }), 'NoSuchEntity');
  });
});

describe('access keys inside one batch', () => {
  it('a key created earlier in the batch is found by id later in the batch', () => {
    const r = applyOperations(base(), [op('CreateUser', { UserName: 'u' }), op('CreateAccessKey', { UserName: 'u' })], T0);
    if (!r.ok) throw new Error(r.error.message);
    const id = r.value.account.users['u']!.accessKeys[0]!.id;
    const again = applyOperations(base(), [op('CreateUser', { UserName: 'u' }), op('CreateAccessKey', { UserName: 'u' }), op('UpdateAccessKey', { AccessKeyId: id, Status: 'Inactive' }), op('RunInstances', { Applications: [{ Name: 'a', AccessKeyId: id }] }), op('DeleteAccessKey', { AccessKeyId: id }), op('CreateAccessKey', { UserName: 'u', AccessKeyId: id })], T0);
    expect(again.ok).toBe(true);
    const dup = applyOperations(base(), [op('CreateUser', { UserName: 'u' }), op('CreateUser', { UserName: 'v' }), op('CreateAccessKey', { UserName: 'u', AccessKeyId: KEY }), op('CreateAccessKey', { UserName: 'v', AccessKeyId: KEY })], T0);
    expect(!dup.ok && [dup.error.index, dup.error.code]).toEqual([3, 'EntityAlreadyExists']);
  });
});

describe('UpdateAccessKey', () => {
  const withKey = () => build([op('CreateAccessKey', { UserName: 'alice', AccessKeyId: KEY })], withUser());
  it('deactivates a key, with or without the user name', () => {
    expect(succeeds(withKey(), op('UpdateAccessKey', { UserName: 'alice', AccessKeyId: KEY, Status: 'Inactive' })).users['alice']!.accessKeys[0]!.status).toBe('Inactive');
    expect(succeeds(withKey(), op('UpdateAccessKey', { AccessKeyId: KEY, Status: 'Inactive' })).users['alice']!.accessKeys[0]!.status).toBe('Inactive');
  });
  it('NoSuchEntity for an unknown key or a key of another user', () => {
    fails(withKey(), op('UpdateAccessKey', { AccessKeyId: 'AKIANOPE000000000000', Status: 'Inactive' }), 'NoSuchEntity');
    const a = build([op('CreateUser', { UserName: 'bob' })], withKey());
    fails(a, op('UpdateAccessKey', { UserName: 'bob', AccessKeyId: KEY, Status: 'Inactive' }), 'NoSuchEntity');
  });
  it('InvalidInput for a bad status', () => {
    expect(fails(withKey(), op('UpdateAccessKey', { AccessKeyId: KEY, Status: 'Off' }), 'InvalidInput').path).toBe('/Status');
  });
});

describe('DeleteAccessKey', () => {
  it('deletes the key', () => {
    const a = build([op('CreateAccessKey', { UserName: 'alice', AccessKeyId: KEY }), op('CreateAccessKey', { UserName: 'alice' })], withUser());
    const b = succeeds(a, op('DeleteAccessKey', { AccessKeyId: KEY }));
    expect(b.users['alice']!.accessKeys.map((k) => k.id)).not.toContain(KEY);
    expect(b.users['alice']!.accessKeys).toHaveLength(1);
  });
  it('NoSuchEntity for an unknown key', () => {
    fails(withUser(), op('DeleteAccessKey', { UserName: 'alice', AccessKeyId: KEY }), 'NoSuchEntity');
  });
});

describe('EnableMFADevice', () => {
  it('adds a virtual device for an ARN serial and a hardware one otherwise', () => {
    const a = succeeds(withUser(), op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' }));
    expect(a.users['alice']!.mfa[0]!.kind).toBe('virtual');
    const b = succeeds(a, op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' }));
    expect(b.users['alice']!.mfa[1]!.kind).toBe('hardware');
  });
  it('EntityAlreadyExists for a serial in use; NoSuchEntity for an unknown user', () => {
    const a = build([op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' })], withUser());
    fails(a, op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' }), 'EntityAlreadyExists');
    fails(base(), op('EnableMFADevice', { UserName: 'x', SerialNumber: 'GAHT12345678' }), 'NoSuchEntity');
  });
  it('EntityAlreadyExists for a serial another user holds, also inside one batch', () => {
    const a = build([op('CreateUser', { UserName: 'bob' }), op('EnableMFADevice', { UserName: 'bob', SerialNumber: 'GAHT12345678' })], withUser());
    fails(a, op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' }), 'EntityAlreadyExists');
    const r = applyOperations(withUser(), [op('CreateUser', { UserName: 'bob' }), op('EnableMFADevice', { UserName: 'bob', SerialNumber: 'GAHT1' + '2345678' }), op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' })], T0);
    expect(!r.ok && r.error.index).toBe(2);
    const moved = applyOperations(a, [op('DeactivateMFADevice', { UserName: 'bob', SerialNumber: 'GAHT12345678' }), op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' })], T0);
    expect(moved.ok && moved.value.account.users['alice']!.mfa.map((d) => d.serial)).toEqual(['GAHT12345678']);
  });
  it('LimitExceeded past 8 devices', () => {
    const a = build(Array.from({ length: 8 }, (_, i) => op('EnableMFADevice', { UserName: 'alice', SerialNumber: `GAHT0000000${i}` })), withUser());
    fails(a, op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT99999999' }), 'LimitExceeded');
  });
});

describe('DeactivateMFADevice', () => {
  it('removes the device', () => {
    const a = build([op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' })], withUser());
    expect(succeeds(a, op('DeactivateMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' })).users['alice']!.mfa).toEqual([]);
  });
  it('NoSuchEntity for a device the user does not have', () => {
    fails(withUser(), op('DeactivateMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' }), 'NoSuchEntity');
  });
});

describe('root credentials', () => {
  it('CreateRootAccessKey adds a root key; LimitExceeded for a third', () => {
    const a = succeeds(base(), op('CreateRootAccessKey', {}));
    expect(a.root.accessKeys[0]!.id).toMatch(/^AKIA/);
    const b = build([op('CreateRootAccessKey', {})], a);
    fails(b, op('CreateRootAccessKey', {}), 'LimitExceeded');
  });
  it('UpdateRootAccessKey and DeleteRootAccessKey; NoSuchEntity for unknown keys', () => {
    const a = build([op('CreateRootAccessKey', { AccessKeyId: KEY })]);
    expect(succeeds(a, op('UpdateRootAccessKey', { AccessKeyId: KEY, Status: 'Inactive' })).root.accessKeys[0]!.status).toBe('Inactive');
    expect(succeeds(a, op('DeleteRootAccessKey', { AccessKeyId: KEY })).root.accessKeys).toEqual([]);
    fails(base(), op('UpdateRootAccessKey', { AccessKeyId: KEY, Status: 'Inactive' }), 'NoSuchEntity');
    fails(base(), op('DeleteRootAccessKey', { AccessKeyId: KEY }), 'NoSuchEntity');
  });
  it('EnableRootMFADevice and DeactivateRootMFADevice', () => {
    const a = succeeds(base(), op('EnableRootMFADevice', { SerialNumber: 'GAHT12345678', Kind: 'hardware' }));
    expect(a.root.mfa[0]).toMatchObject({ serial: 'GAHT12345678', kind: 'hardware' });
    fails(a, op('EnableRootMFADevice', { SerialNumber: 'GAHT12345678' }), 'EntityAlreadyExists');
    expect(succeeds(a, op('DeactivateRootMFADevice', { SerialNumber: 'GAHT12345678' })).root.mfa).toEqual([]);
    fails(base(), op('DeactivateRootMFADevice', { SerialNumber: 'GAHT12345678' }), 'NoSuchEntity');
  });
  it('a root serial cannot be reused by a user', () => {
    const a = build([op('EnableRootMFADevice', { SerialNumber: 'GAHT12345678' }), op('CreateUser', { UserName: 'alice' })]);
    fails(a, op('EnableMFADevice', { UserName: 'alice', SerialNumber: 'GAHT12345678' }), 'EntityAlreadyExists');
  });
});
