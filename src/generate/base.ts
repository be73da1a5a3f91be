/**
 * The clean organisation every generated account starts from: a strong password policy, root with a hardware MFA
 * device and no keys, a multi-region trail with log file validation, an Administrators group with a recently joined
 * administrator, one group and reviewed customer policy per department, staff with MFA and working habits, and
 * application roles on EC2 instances. Each setting is what the checks' defaults ask for.
 */
import { call } from '../model/apply.js';
import { APP_KINDS, DEPARTMENTS, EC2_TRUST, policyFor, type AppKind } from './catalog.js';
import { freshPersonName } from './names.js';
import { dayAt, hold, type Plan } from './plan.js';
import type { Rng } from './rng.js';
import { addHuman, groupName, planSession, resourceOf, sessionDays, type Human } from './staff.js';

/** The AWS managed policy of the Administrators group. */
export const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The account password policy that satisfies password-policy-strength's defaults. */
export const STRONG_POLICY = {
  MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true, MaxPasswordAge: 90, PasswordReusePrevention: 24,
} as const;

/** What base() leaves for the violation injectors. */
export interface Base {
  readonly staff: readonly Human[];
  readonly taken: Set<string>;
  /** Instance ids with their role's app kind. */
  readonly instances: readonly { readonly id: string; readonly role: string; readonly kind: AppKind }[];
  /** Departments' customer policy ARNs by department name. */
  readonly deptPolicies: ReadonlyMap<string, string>;
}

/** Which pieces of the clean setup to leave out (the violations that need their absence). */
export interface BaseOmissions {
  readonly passwordPolicy?: boolean;
  readonly trail?: boolean;
  readonly rootMfa?: 'none' | 'virtual';
  readonly admin?: boolean;
  /** Department policy names never reviewed. */
  readonly unreviewed?: ReadonlySet<string>;
}

/** The number of sessions per person over `days`: about one every 60 days, 1 to 3 (activity stays bounded per user). */
export const sessionCount = (days: number): number => Math.max(1, Math.min(3, Math.round(days / 60)));

const customerArn = (plan: Plan, name: string): string => `arn:aws:iam::${plan.accountId}:policy/${name}`;

/** Plans the clean organisation. Staff are spread over departments by weight. */
export function planBase(plan: Plan, rng: Rng, o: { readonly users: number; readonly roles: number; readonly instances: number; readonly omit: BaseOmissions; readonly onProgress?: (done: number) => void }): Base {
  const setup = dayAt(plan, plan.setupDay);
  const reviewDay = Math.max(0, plan.days - 20);
  if (o.omit.passwordPolicy !== true) plan.ops.push({ ...call('UpdateAccountPasswordPolicy', STRONG_POLICY), at: setup });
  if (o.omit.rootMfa !== 'none') {
    const virtual = o.omit.rootMfa === 'virtual';
    plan.ops.push({ ...call('EnableRootMFADevice', virtual ? { SerialNumber: `arn:aws:iam::${plan.accountId}:mfa/root-account-mfa-device` } : { SerialNumber: 'GAHT12345678', Kind: 'hardware' }), at: setup });
  }
  const owner = { id: 'person-account-owner', name: 'Account Owner', ips: ['203.0.113.10'], credentials: [] as never[] };
  plan.people.push(owner);
  hold(owner, { kind: 'root' });
  if (o.omit.trail !== true) {
    plan.ops.push({ ...call('CreateTrail', { Name: 'management-events', S3BucketName: `aws-cloudtrail-logs-${plan.accountId}`, IsMultiRegionTrail: true, EnableLogFileValidation: true }), at: setup });
    plan.ops.push({ ...call('StartLogging', { Name: 'management-events' }), at: setup });
  }
  const deptPolicies = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const name = `${d.name}-access`;
    plan.ops.push({ ...call('CreateGroup', { GroupName: groupName(d) }), at: setup });
    plan.ops.push({ ...call('CreatePolicy', { PolicyName: name, PolicyDocument: policyFor(d.uses, plan.accountId), Description: `What the ${d.name} department uses` }), at: setup });
    plan.ops.push({ ...call('AttachGroupPolicy', { GroupName: groupName(d), PolicyArn: customerArn(plan, name) }), at: setup });
    if (o.omit.unreviewed?.has(name) !== true) plan.ops.push({ ...call('MarkPolicyReviewed', { PolicyArn: customerArn(plan, name) }), at: dayAt(plan, reviewDay) });
    deptPolicies.set(d.name, customerArn(plan, name));
  }
  const taken = new Set<string>(['iam-admin']);
  const staff: Human[] = [];
  const sessions = sessionCount(plan.days);
  if (o.omit.admin !== true) {
    plan.ops.push({ ...call('CreateGroup', { GroupName: 'Administrators' }), at: setup });
    plan.ops.push({ ...call('AttachGroupPolicy', { GroupName: 'Administrators', PolicyArn: ADMIN_POLICY }), at: setup });
    const adminDay = plan.days - 60;
    const admin = addHuman(plan, rng, { userName: 'iam-admin', display: 'Ines Admin', index: 65_000, dept: null, console: true, key: false, createdDay: adminDay });
    plan.ops.push({ ...call('AddUserToGroup', { GroupName: 'Administrators', UserName: 'iam-admin' }), at: dayAt(plan, adminDay) });
    for (const day of sessionDays(rng, Math.min(plan.days, 55), 2).map((d) => d + Math.max(0, plan.days - 55))) {
      planSession(plan, rng, admin, day, [{ via: 'console', use: { action: 'iam:ListUsers', resource: '*' } }, { via: 'console', use: { action: 'iam:GetAccountSummary', resource: '*' } }]);
    }
  }
  const weights = DEPARTMENTS.reduce((s, d) => s + d.weight, 0);
  for (let i = 0; i < o.users; i++) {
    let pick = rng.next() * weights;
    const dept = DEPARTMENTS.find((d) => (pick -= d.weight) < 0) ?? DEPARTMENTS[0]!;
    const { display, userName } = freshPersonName(rng, taken);
    const r = rng.next();
    const kind = r < 0.6 ? 'console' : r < 0.85 ? 'both' : 'key';
    const h = addHuman(plan, rng, { userName, display, index: i, dept, console: kind !== 'key', key: kind !== 'console' });
    staff.push(h);
    if ((i & 1023) === 0) o.onProgress?.(i);
  }
  const instances: { id: string; role: string; kind: AppKind }[] = [];
  const roles: { name: string; kind: AppKind; hour: number }[] = [];
  for (const kind of APP_KINDS.slice(0, Math.min(APP_KINDS.length, o.roles))) {
    const name = `${kind.name}-app-access`;
    plan.ops.push({ ...call('CreatePolicy', { PolicyName: name, PolicyDocument: policyFor(kind.uses, plan.accountId), Description: `What ${kind.name} applications use` }), at: setup });
    plan.ops.push({ ...call('MarkPolicyReviewed', { PolicyArn: customerArn(plan, name) }), at: dayAt(plan, reviewDay) });
  }
  for (let r = 0; r < o.roles; r++) {
    const kind = APP_KINDS[r % APP_KINDS.length]!;
    const name = `${kind.name}-app-${r + 1}`;
    plan.ops.push({ ...call('CreateRole', { RoleName: name, AssumeRolePolicyDocument: EC2_TRUST, Description: `Role of the ${kind.name} application servers` }), at: setup });
    plan.ops.push({ ...call('AttachRolePolicy', { RoleName: name, PolicyArn: customerArn(plan, `${kind.name}-app-access`) }), at: setup });
    plan.ops.push({ ...call('CreateInstanceProfile', { InstanceProfileName: name }), at: setup });
    plan.ops.push({ ...call('AddRoleToInstanceProfile', { InstanceProfileName: name, RoleName: name }), at: setup });
    roles.push({ name, kind, hour: rng.int(0, 20) });
  }
  const count = o.roles === 0 ? 0 : Math.max(o.instances, o.roles);
  for (let i = 0; i < count; i++) {
    const role = roles[i % roles.length]!;
    plan.seq++;
    const id = `i-${plan.seq.toString(16).padStart(17, '0')}`;
    plan.ops.push({ ...call('RunInstances', { InstanceId: id, IamInstanceProfile: role.name, Tags: { Name: `${role.kind.name}-${i + 1}` } }), at: setup });
    instances.push({ id, role: role.name, kind: role.kind });
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    for (const day of sessionDays(rng, plan.days, sessions)) {
      let t = day + (role.hour + rng.next() * 1.5) / 24;
      for (const use of role.kind.uses) {
        t += rng.int(1, 9) / 1440;
        plan.acts.push({ kind: 'call', at: dayAt(plan, t), principal: { kind: 'instance', instanceId: id }, action: use.action, resource: resourceOf(use, plan.accountId), ip, agent: 'aws-sdk-java/2.25.0' });
      }
    }
  }
  return { staff, taken, instances, deptPolicies };
}

