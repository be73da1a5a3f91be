/** A small hand-built account for the request, context and query tests (built as plain objects, frozen like immer would). */
import { emptyAccount } from '../../src/model/empty-account.js';
import type { Account, Group, Role, RoleSession, User } from '../../src/model/types.js';

export const ACCOUNT_ID = '123456789012';
export const T0 = '2025-01-01T00:00:00Z';
export const NOW = '2025-06-01T12:00:00Z';

const password = { length: 16, upper: true, lower: true, numbers: true, symbols: true, common: false, dictionary: false };

/** A user with sensible defaults. */
export function mkUser(name: string, over: Partial<User> = {}): User {
  return {
    name,
    path: '/',
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/${name}`,
    id: `AIDA${name.toUpperCase().padEnd(16, 'X').slice(0, 16)}`,
    created: T0,
    attachedPolicies: [],
    inlinePolicies: {},
    tags: {},
    loginProfile: null,
    mfa: [],
    accessKeys: [],
    groups: [],
    boundary: null,
    ...over,
  };
}

/** A role with sensible defaults (trusting the account). */
export function mkRole(name: string, over: Partial<Role> = {}): Role {
  return {
    name,
    path: '/',
    arn: `arn:aws:iam::${ACCOUNT_ID}:role/${name}`,
    id: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(16, 'X').slice(0, 16)}`,
    created: T0,
    attachedPolicies: [],
    inlinePolicies: {},
    tags: {},
    trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }] },
    maxSessionDuration: 3600,
    boundary: null,
    ...over,
  };
}

export const login = { created: T0, passwordLastChanged: T0, passwordResetRequired: false, password };

/** Deep-freezes a value the way immer's produce does. */
export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

const readers: Group = {
  name: 'readers',
  path: '/',
  arn: `arn:aws:iam::${ACCOUNT_ID}:group/readers`,
  id: 'AGPAREADERSXXXXXXXXX',
  created: T0,
  attachedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
  inlinePolicies: {},
};

const adminSession: RoleSession = {
  id: 'sess-admin',
  roleName: 'admin-role',
  sessionName: 'alice-admin',
  accessKeyId: 'ASIAADMINSESSION0001',
  issued: '2025-06-01T11:00:00Z',
  expires: '2025-06-01T13:00:00Z',
  mfaAuthenticated: true,
  mfaAuthTime: '2025-06-01T11:00:00Z',
  policy: null,
  policyArns: [],
  tags: { project: 'apollo' },
  assumedBy: 'alice',
};

/**
 * alice: console + MFA, an active and an inactive key, group readers (ReadOnlyAccess), inline sts:AssumeRole on admin-role, tagged team=blue.
 * bob: no console password, one active key, AdministratorAccess.
 * carol: console without MFA device, inline policy on the data bucket, boundary allowing only s3.
 * roles: admin-role (AdministratorAccess, trust requires MFA), app-role (EC2 service trust, s3 read), a service-linked role.
 * instance i-0abc (app-profile → app-role) with apps `web` (instance role) and `legacy` (bob's key).
 */
export function fixture(): Account {
  const a = emptyAccount(ACCOUNT_ID, T0);
  return deepFreeze({
    ...a,
    users: {
      alice: mkUser('alice', {
        loginProfile: login,
        mfa: [{ serial: `arn:aws:iam::${ACCOUNT_ID}:mfa/alice`, kind: 'virtual', enabled: T0 }],
        accessKeys: [
          { id: 'AKIAALICE00000000001', status: 'Active', created: T0 },
          { id: 'AKIAALICE00000000002', status: 'Inactive', created: T0 },
        ],
        groups: ['readers'],
        tags: { team: 'blue' },
        inlinePolicies: {
          assume: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT_ID}:role/admin-role` }] },
        },
      }),
      bob: mkUser('bob', {
        accessKeys: [{ id: 'AKIABOB0000000000001', status: 'Active', created: T0 }],
        attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      }),
      carol: mkUser('carol', {
        loginProfile: login,
        inlinePolicies: {
          data: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'ec2:*'], Resource: '*' }] },
        },
        boundary: `arn:aws:iam::${ACCOUNT_ID}:policy/s3-only`,
      }),
    },
    groups: { readers },
    roles: {
      'admin-role': mkRole('admin-role', {
        attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        tags: { project: 'zeus', tier: 'admin' },
        trustPolicy: {
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          }],
        },
      }),
      'app-role': mkRole('app-role', {
        inlinePolicies: { read: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::data-bucket/*' }] } },
        trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      }),
      AWSServiceRoleForSupport: mkRole('AWSServiceRoleForSupport', {
        path: '/aws-service-role/support.amazonaws.com/',
        arn: `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport`,
        serviceLinked: true,
        attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      }),
    },
    policies: {
      [`arn:aws:iam::${ACCOUNT_ID}:policy/s3-only`]: {
        arn: `arn:aws:iam::${ACCOUNT_ID}:policy/s3-only`,
        name: 's3-only',
        path: '/',
        id: 'ANPAS3ONLYXXXXXXXXXX',
        created: T0,
        versions: [{ id: 'v1', created: T0, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }],
        defaultVersion: 'v1',
      },
    },
    instanceProfiles: {
      'app-profile': { name: 'app-profile', arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile/app-profile`, id: 'AIPAAPPPROFILEXXXXXX', created: T0, roles: ['app-role'] },
    },
    instances: {
      'i-0abc': {
        id: 'i-0abc',
        region: 'eu-west-1',
        launched: T0,
        instanceProfile: 'app-profile',
        applications: [
          { name: 'web', credential: { kind: 'instance-role' } },
          { name: 'legacy', credential: { kind: 'access-key', user: 'bob', accessKeyId: 'AKIABOB0000000000001' } },
        ],
        tags: { env: 'prod' },
      },
    },
    resources: {
      'arn:aws:s3:::data-bucket': { arn: 'arn:aws:s3:::data-bucket', policy: null, tags: { env: 'prod', owner: 'data-team' } },
    },
    sessions: { 'sess-admin': adminSession },
  });
}

/** The fixture inside an organization (member account) whose root level denies s3:PutObject for everyone. */
export function orgFixture(opts: { management?: boolean; scpDeny?: readonly string[] } = {}): Account {
  const a = fixture();
  return deepFreeze({
    ...a,
    organization: {
      id: 'o-abcdef1234',
      managementAccountId: opts.management === true ? ACCOUNT_ID : '999999999999',
      levels: [
        { id: 'r-ab12', name: 'Root', kind: 'root', scps: ['p-FullAWSAccess', 'p-deny'], rcps: [] },
        { id: 'ou-ab12-11111111', name: 'Workloads', kind: 'ou', scps: ['p-FullAWSAccess'], rcps: [] },
        { id: ACCOUNT_ID, name: 'prod', kind: 'account', scps: ['p-FullAWSAccess'], rcps: [] },
      ],
      policies: {
        'p-FullAWSAccess': { id: 'p-FullAWSAccess', name: 'FullAWSAccess', kind: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } },
        'p-deny': { id: 'p-deny', name: 'DenyStuff', kind: 'scp', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: [...(opts.scpDeny ?? ['s3:PutObject'])], Resource: '*' }] } },
      },
    },
  });
}
