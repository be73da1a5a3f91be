import { describe, expect, it } from 'vitest';
import { base, build, fails, op, S3_READ, succeeds } from '../helpers.js';

const setup = () => build([op('CreateUser', { UserName: 'alice' }), op('CreateGroup', { GroupName: 'devs', Path: '/eng/' })]);

describe('CreateGroup', () => {
  it('creates a group', () => {
    const g = setup().groups['devs']!;
    expect(g.arn).toBe('arn:aws:iam::123456789012:group/eng/devs');
    expect(g.id).toMatch(/^AGPA/);
  });
  it('EntityAlreadyExists for a taken name, ignoring case', () => {
    fails(setup(), op('CreateGroup', { GroupName: 'devs' }), 'EntityAlreadyExists');
    fails(setup(), op('CreateGroup', { GroupName: 'Devs' }), 'EntityAlreadyExists');
  });
  it('LimitExceeded past 300 groups', () => {
    const a = build(Array.from({ length: 300 }, (_, i) => op('CreateGroup', { GroupName: `g${i}` })));
    fails(a, op('CreateGroup', { GroupName: 'one-more' }), 'LimitExceeded');
  });
});

describe('DeleteGroup', () => {
  it('deletes an empty group', () => {
    expect(succeeds(setup(), op('DeleteGroup', { GroupName: 'devs' })).groups).toEqual({});
  });
  it('DeleteConflict with members or policies', () => {
    fails(build([op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' })], setup()), op('DeleteGroup', { GroupName: 'devs' }), 'DeleteConflict');
    fails(build([op('PutGroupPolicy', { GroupName: 'devs', PolicyName: 'p', PolicyDocument: S3_READ })], setup()), op('DeleteGroup', { GroupName: 'devs' }), 'DeleteConflict');
    fails(build([op('AttachGroupPolicy', { GroupName: 'devs', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })], setup()), op('DeleteGroup', { GroupName: 'devs' }), 'DeleteConflict');
  });
  it('NoSuchEntity for an unknown group', () => {
    fails(base(), op('DeleteGroup', { GroupName: 'x' }), 'NoSuchEntity');
  });
});

describe('AddUserToGroup', () => {
  it('adds the user once, even when called twice', () => {
    const a = build([op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' })], setup());
    expect(succeeds(a, op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' })).users['alice']!.groups).toEqual(['devs']);
  });
  it('NoSuchEntity for an unknown user or group', () => {
    fails(setup(), op('AddUserToGroup', { GroupName: 'nope', UserName: 'alice' }), 'NoSuchEntity');
    fails(setup(), op('AddUserToGroup', { GroupName: 'devs', UserName: 'nope' }), 'NoSuchEntity');
  });
  it('LimitExceeded past 10 groups per user', () => {
    const calls = Array.from({ length: 10 }, (_, i) => [op('CreateGroup', { GroupName: `g${i}` }), op('AddUserToGroup', { GroupName: `g${i}`, UserName: 'alice' })]).flat();
    const a = build(calls, setup());
    fails(a, op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' }), 'LimitExceeded');
  });
});

describe('RemoveUserFromGroup', () => {
  it('removes the membership', () => {
    const a = build([op('AddUserToGroup', { GroupName: 'devs', UserName: 'alice' })], setup());
    expect(succeeds(a, op('RemoveUserFromGroup', { GroupName: 'devs', UserName: 'alice' })).users['alice']!.groups).toEqual([]);
  });
  it('NoSuchEntity when the user is not a member', () => {
    fails(setup(), op('RemoveUserFromGroup', { GroupName: 'devs', UserName: 'alice' }), 'NoSuchEntity');
  });
});
