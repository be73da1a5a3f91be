/**
 * Practice 10: applications on EC2 use the instance's role, not a user's long-lived access key; every instance has an
 * instance profile. Suggested fix for an application on a key: a role holding the permissions the application used
 * (generated from the key's activity), an instance profile and its association (or the instance's existing role),
 * the application switched to the role, and the key deactivated. The suggestion is only offered with its proof: the
 * fix is applied to a copy of the account and every logged request of the key is replayed as the application, now
 * through the role, and allowed; and the key is inactive.
 */
import { applyOperations } from '../../model/apply.js';
import { request } from '../../model/request.js';
import { addMillis } from '../../model/time.js';
import type { Account, Ec2Instance, Instant } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import { generateLeastPrivilege } from '../least-privilege/generate-policy.js';
import { loggedRequests, type LoggedRequest } from '../least-privilege/logged-requests.js';
import type { Fix, OperationCall, Report } from '../types.js';
import { userPolicies } from '../universe/principal-policies.js';

type Msg = 'appUsesUserKey' | 'noInstanceProfile' | 'moveToRole';

/** The trust policy of a role EC2 instances may use. */
export const EC2_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** A name not yet used in `taken`. */
function free(base: string, taken: Readonly<Record<string, unknown>>): string {
  if (!Object.hasOwn(taken, base)) return base;
  for (let i = 2; ; i++) if (!Object.hasOwn(taken, `${base}-${i}`)) return `${base}-${i}`;
}

/** The plan for one application: the fix, what it covers, and whether the replayed proof holds. */
export interface MoveToRolePlan {
  readonly fix: Fix;
  readonly role: string;
  readonly logged: readonly LoggedRequest[];
  readonly stillAllowed: number;
  readonly keyInactive: boolean;
  readonly holds: boolean;
}

/** Plans moving one application from a user's key to the instance role, and replays its activity to prove it. */
export function planMoveToRole(account: Account, inst: Ec2Instance, app: string, userName: string, keyId: string, from: Instant, now: Instant): MoveToRolePlan | null {
  const user = Object.hasOwn(account.users, userName) ? account.users[userName] : undefined;
  if (user === undefined) return null;
  const pp = userPolicies(account, user);
  const logged = loggedRequests(account, pp, from, now).filter((l) => l.event.userIdentity.accessKeyId === keyId);
  const all = new Set(pp.sources.map((_, i) => i));
  const generated = generateLeastPrivilege(pp.set, all, logged);
  const statements = generated.document['Statement'] as readonly unknown[];
  const calls: OperationCall[] = [];
  const profile = inst.instanceProfile === null ? undefined : account.instanceProfiles[inst.instanceProfile];
  const existingRole = profile?.roles[0];
  let role: string;
  if (existingRole !== undefined) {
    role = existingRole;
  } else {
    role = free(`${app}-ec2`, account.roles);
    calls.push({ op: 'CreateRole', input: { RoleName: role, AssumeRolePolicyDocument: EC2_TRUST, Description: `Role for ${app} on ${inst.id}, replacing access key ${keyId} of ${userName}` } });
    if (profile !== undefined) calls.push({ op: 'AddRoleToInstanceProfile', input: { InstanceProfileName: profile.name, RoleName: role } });
    else {
      const name = free(role, account.instanceProfiles);
      calls.push({ op: 'CreateInstanceProfile', input: { InstanceProfileName: name } });
      calls.push({ op: 'AddRoleToInstanceProfile', input: { InstanceProfileName: name, RoleName: role } });
      calls.push({ op: 'AssociateIamInstanceProfile', input: { InstanceId: inst.id, IamInstanceProfile: name } });
    }
  }
  if (statements.length > 0) calls.push({ op: 'PutRolePolicy', input: { RoleName: role, PolicyName: `${app}-used-permissions`, PolicyDocument: generated.document } });
  calls.push({ op: 'SetApplicationCredential', input: { InstanceId: inst.id, ApplicationName: app } });
  const sharedKey = Object.values(account.instances).some((i) => i.applications.some((a) => !(i.id === inst.id && a.name === app) && a.credential.kind === 'access-key' && a.credential.accessKeyId === keyId));
  if (!sharedKey) calls.push({ op: 'UpdateAccessKey', input: { UserName: userName, AccessKeyId: keyId, Status: 'Inactive' } });
  const applied = applyOperations(account, calls, now);
  if (!applied.ok) return { fix: calls, role, logged, stillAllowed: 0, keyInactive: false, holds: false };
  const after = applied.value.account;
  let stillAllowed = 0;
  for (const l of logged) {
    const r = request(after, { principal: { kind: 'instance', instanceId: inst.id, application: app }, action: l.request.action, resource: l.request.resource, sourceIp: l.event.sourceIPAddress, region: l.event.awsRegion, at: now });
    if (r.outcome === 'allowed') stillAllowed++;
  }
  const keyInactive = after.users[userName]!.accessKeys.some((k) => k.id === keyId && k.status === 'Inactive');
  return { fix: calls, role, logged, stillAllowed, keyInactive, holds: stillAllowed === logged.length && (keyInactive || sharedKey) };
}

/** The check. */
export default defineCheck({
  meta: {
    id: 'ec2-app-credentials',
    practice: 10,
    title: 'Applications on EC2 use the instance role, not access keys',
    severity: 'high',
    rationale:
      'An access key on an instance is a long-lived secret on a disk: it leaks with backups, images and compromised processes, and nobody rotates it. ' +
      'An instance role gives the application temporary credentials that EC2 rotates.',
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-roles-with-ec2',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
      'AWS Config rule ec2-instance-profile-attached',
      'AWS Security Hub EC2.8 (IMDSv2; instance credentials come from the metadata service)',
    ],
    remediation: 'suggest',
    messages: {
      appUsesUserKey: 'Application {{app}} on {{instance}} calls AWS with access key {{key}} of user {{user}}',
      noInstanceProfile: 'Instance {{instance}} has no instance profile: its applications cannot use a role',
      moveToRole: 'Give {{app}} role {{role}} with the {{actions}} action(s) it used, switch it to the instance role and deactivate {{key}}; replayed: {{allowed}} of {{used}} logged request(s) still allowed as the role',
    },
    options: { type: 'object', properties: { activityDays: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaults: { activityDays: 90 },
    needs: ['instances', 'activity'],
  },
  detect({ account, now, options }) {
    const out: Report<Msg>[] = [];
    const from = addMillis(now, -options.activityDays * 86_400_000);
    // Stryker disable next-line EqualityOperator: instance ids are the keys of a record, so no two are equal
    for (const inst of Object.values(account.instances).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const ref = { kind: 'instance' as const, arn: `arn:${account.partition}:ec2:${inst.region}:${account.id}:instance/${inst.id}`, name: inst.id };
      if (inst.instanceProfile === null) out.push({ messageId: 'noInstanceProfile', data: { instance: inst.id }, resource: ref });
      for (const app of inst.applications) {
        if (app.credential.kind !== 'access-key') continue;
        const { user, accessKeyId } = app.credential;
        const data = { app: app.name, instance: inst.id, key: accessKeyId, user };
        const plan = planMoveToRole(account, inst, app.name, user, accessKeyId, from, now);
        const actions = plan === null ? 0 : new Set(plan.logged.map((l) => l.request.action)).size;
        out.push({
          messageId: 'appUsesUserKey',
          data,
          resource: { ...ref, arn: `${ref.arn}/application/${app.name}`, name: `${inst.id}/${app.name}` },
          ...(plan !== null && plan.holds
            ? { suggestions: [{ messageId: 'moveToRole' as const, data: { ...data, role: plan.role, actions, used: plan.logged.length, allowed: plan.stillAllowed }, fix: plan.fix }] }
            : {}),
        });
      }
    }
    return out;
  },
});
