import { describe, expect, it } from 'vitest';
import { base, build, fails, op, succeeds } from '../helpers.js';

const DENY_LEAVE = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' }] };
const placed = () => build([op('PlaceAccountInOrganization', { OrganizationId: 'o-abcdefghij', ManagementAccountId: '999999999999', RootId: 'r-abcd', OrganizationalUnits: [{ Name: 'Prod', Id: 'ou-abcd-11111111' }] })]);

describe('PlaceAccountInOrganization', () => {
  it('builds root → OUs → account with FullAWSAccess at every level', () => {
    const org = placed().organization!;
    expect(org.id).toBe('o-abcdefghij');
    expect(org.levels.map((l) => [l.id, l.kind])).toEqual([['r-abcd', 'root'], ['ou-abcd-11111111', 'ou'], ['123456789012', 'account']]);
    expect(org.levels.every((l) => l.scps.length === 1 && l.scps[0] === 'p-FullAWSAccess')).toBe(true);
    expect(org.policies['p-FullAWSAccess']?.kind).toBe('scp');
  });
  it('generates ids when none are given, deterministically', () => {
    const a = succeeds(base(), op('PlaceAccountInOrganization', { OrganizationalUnits: [{ Name: 'A' }, { Name: 'B' }] }));
    const b = succeeds(base(), op('PlaceAccountInOrganization', { OrganizationalUnits: [{ Name: 'A' }, { Name: 'B' }] }));
    expect(a.organization).toEqual(b.organization);
    expect(a.organization!.levels[1]!.id).toMatch(/^ou-[0-9a-z]{4}-[0-9a-z]{8}$/);
    expect(a.organization!.id).toMatch(/^o-[0-9a-z]{10}$/);
  });
  it('can leave FullAWSAccess off; InvalidInput for duplicate OU ids or more than 5 OUs', () => {
    expect(succeeds(base(), op('PlaceAccountInOrganization', { AttachFullAWSAccess: false })).organization!.levels.every((l) => l.scps.length === 0)).toBe(true);
    fails(base(), op('PlaceAccountInOrganization', { OrganizationalUnits: [{ Name: 'A', Id: 'ou-abcd-11111111' }, { Name: 'B', Id: 'ou-abcd-11111111' }] }), 'InvalidInput');
    fails(base(), op('PlaceAccountInOrganization', { OrganizationalUnits: Array.from({ length: 6 }, (_, i) => ({ Name: `o${i}` })) }), 'InvalidInput');
  });
});

describe('LeaveOrganization', () => {
  it('makes the account standalone; NoSuchEntity when not in one', () => {
    expect(succeeds(placed(), op('LeaveOrganization', {})).organization).toBeNull();
    fails(base(), op('LeaveOrganization', {}), 'NoSuchEntity');
  });
});

describe('CreateOrganizationPolicy', () => {
  it('creates an SCP with a given or generated id', () => {
    const a = succeeds(placed(), op('CreateOrganizationPolicy', { Name: 'deny-leave', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_LEAVE, Id: 'p-denyleave' }));
    expect(a.organization!.policies['p-denyleave']).toEqual({ id: 'p-denyleave', name: 'deny-leave', kind: 'scp', document: DENY_LEAVE });
    const b = succeeds(placed(), op('CreateOrganizationPolicy', { Name: 'rcp', Type: 'RESOURCE_CONTROL_POLICY', Content: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' }] } }));
    const rcp = Object.values(b.organization!.policies).find((p) => p.name === 'rcp')!;
    expect(rcp.kind).toBe('rcp');
    expect(rcp.id).toMatch(/^p-[0-9a-z]{8}$/);
  });
  it('NoSuchEntity outside an organization; EntityAlreadyExists; MalformedPolicyDocument; LimitExceeded', () => {
    fails(base(), op('CreateOrganizationPolicy', { Name: 'x', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_LEAVE }), 'NoSuchEntity');
    fails(placed(), op('CreateOrganizationPolicy', { Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_LEAVE }), 'EntityAlreadyExists');
    fails(placed(), op('CreateOrganizationPolicy', { Name: 'x', Type: 'SERVICE_CONTROL_POLICY', Content: { Version: '2012-10-17' } }), 'MalformedPolicyDocument');
    const big = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: Array.from({ length: 400 }, (_, i) => `s3:Action${i}`), Resource: '*' }] };
    fails(placed(), op('CreateOrganizationPolicy', { Name: 'big', Type: 'SERVICE_CONTROL_POLICY', Content: big }), 'LimitExceeded');
  });
});

describe('AttachOrganizationPolicy / DetachOrganizationPolicy', () => {
  const withScp = () => build([op('CreateOrganizationPolicy', { Name: 'deny-leave', Type: 'SERVICE_CONTROL_POLICY', Content: DENY_LEAVE, Id: 'p-denyleave' })], placed());
  it('attaches to a level and detaches', () => {
    const a = succeeds(withScp(), op('AttachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'ou-abcd-11111111' }));
    expect(a.organization!.levels[1]!.scps).toEqual(['p-FullAWSAccess', 'p-denyleave']);
    expect(succeeds(a, op('DetachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'ou-abcd-11111111' })).organization!.levels[1]!.scps).toEqual(['p-FullAWSAccess']);
  });
  it('EntityAlreadyExists twice; NoSuchEntity for unknown policy or target; LimitExceeded past 5', () => {
    const a = build([op('AttachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'r-abcd' })], withScp());
    fails(a, op('AttachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'r-abcd' }), 'EntityAlreadyExists');
    fails(a, op('AttachOrganizationPolicy', { PolicyId: 'p-nothere1', TargetId: 'r-abcd' }), 'NoSuchEntity');
    fails(a, op('AttachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'ou-zzzz-99999999' }), 'NoSuchEntity');
    const calls = Array.from({ length: 4 }, (_, i) => [
      op('CreateOrganizationPolicy', { Name: `s${i}`, Type: 'SERVICE_CONTROL_POLICY', Content: DENY_LEAVE, Id: `p-scp0000${i}` }),
      op('AttachOrganizationPolicy', { PolicyId: `p-scp0000${i}`, TargetId: '123456789012' }),
    ]).flat();
    const full = build(calls, withScp());
    fails(full, op('AttachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: '123456789012' }), 'LimitExceeded');
  });
  it('the last SCP of a level cannot be detached; NoSuchEntity when not attached', () => {
    fails(withScp(), op('DetachOrganizationPolicy', { PolicyId: 'p-FullAWSAccess', TargetId: 'r-abcd' }), 'InvalidInput');
    fails(withScp(), op('DetachOrganizationPolicy', { PolicyId: 'p-denyleave', TargetId: 'r-abcd' }), 'NoSuchEntity');
  });
});
