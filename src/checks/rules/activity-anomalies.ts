/**
 * Practice 13: anomalies in the activity log, each reported with its evidence events: root use, console sign-in
 * without MFA, sign-in from a new IP, activity far outside the principal's usual hours, bursts of AccessDenied,
 * and privilege changes (CreateUser, CreateAccessKey for another user, CreateLoginProfile, admin policies attached
 * or written, UpdateAssumeRolePolicy). The suggested containment: deactivate the access key and attach AWSDenyAll.
 * An actor already contained (AWSDenyAll attached) is not reported again: its anomalies have been handled.
 */
import type { PolicyDocument } from '../../evaluator/types.js';
import { policyDocument } from '../../model/lookup.js';
import { addMillis } from '../../model/time.js';
import type { Account, CloudTrailEvent, Role, User } from '../../model/types.js';
import { DEFAULT_ANOMALY_OPTIONS, detectAnomalies, type Anomaly, type AnomalyKind, type AnomalyOptions } from '../anomalies/index.js';
import { defineCheck } from '../define-check.js';
import type { Fix, Report, ResourceRef, Severity } from '../types.js';
import { decideRaw } from '../universe/decide-raw.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';

/** AWS's managed deny-everything policy. */
export const AWS_DENY_ALL = 'arn:aws:iam::aws:policy/AWSDenyAll';

type Msg = 'rootUse' | 'consoleWithoutMfa' | 'newSignInIp' | 'unusualHours' | 'accessDeniedBurst' | 'privilegeChange' | 'containUser' | 'containRole';

const MESSAGE_OF: Readonly<Record<AnomalyKind, Msg>> = {
  'root-use': 'rootUse',
  'console-without-mfa': 'consoleWithoutMfa',
  'new-sign-in-ip': 'newSignInIp',
  'unusual-hours': 'unusualHours',
  'access-denied-burst': 'accessDeniedBurst',
  'privilege-change': 'privilegeChange',
};

const SEVERITY_OF: Readonly<Record<AnomalyKind, Severity>> = {
  'root-use': 'high',
  'console-without-mfa': 'medium',
  'new-sign-in-ip': 'medium',
  'unusual-hours': 'low',
  'access-denied-burst': 'medium',
  'privilege-change': 'high',
};

/** Users and roles by ARN, built once per account. */
const byArn = new WeakMap<Account, { users: ReadonlyMap<string, User>; roles: ReadonlyMap<string, Role> }>();
function entitiesByArn(account: Account): { users: ReadonlyMap<string, User>; roles: ReadonlyMap<string, Role> } {
  let e = byArn.get(account);
  // Stryker disable next-line ConditionalExpression: a memo; rebuilding the maps on every call gives the same maps.
  if (e === undefined) {
    e = { users: new Map(Object.values(account.users).map((u) => [u.arn, u])), roles: new Map(Object.values(account.roles).map((r) => [r.arn, r])) };
    byArn.set(account, e);
  }
  return e;
}

/**
 * Where an actor's anomalies are reported; whether it is contained already (AWSDenyAll attached, or no longer in the
 * account), so that they need no report; and the suggested containment, when there is one.
 */
function containment(account: Account, a: Anomaly): { ref: ResourceRef; contained: boolean; suggestion: { msg: Msg; fix: Fix } | null } {
  const { actor } = a;
  if (actor.kind === 'user') {
    const u = entitiesByArn(account).users.get(actor.arn);
    const ref: ResourceRef = { kind: 'user', arn: actor.arn, name: actor.name };
    if (u === undefined) return { ref, contained: true, suggestion: null };
    const fix: Fix = [
      ...u.accessKeys.filter((k) => k.status === 'Active' && k.id === actor.accessKeyId).map((k) => ({ op: 'UpdateAccessKey', input: { UserName: u.name, AccessKeyId: k.id, Status: 'Inactive' } })),
      { op: 'AttachUserPolicy', input: { UserName: u.name, PolicyArn: AWS_DENY_ALL } },
    ];
    return { ref, contained: u.attachedPolicies.includes(AWS_DENY_ALL), suggestion: { msg: 'containUser', fix } };
  }
  if (actor.kind === 'role') {
    const r = entitiesByArn(account).roles.get(actor.arn);
    const ref: ResourceRef = { kind: 'role', arn: actor.arn, name: actor.name };
    if (r === undefined) return { ref, contained: true, suggestion: null };
    return {
      ref,
      contained: r.attachedPolicies.includes(AWS_DENY_ALL),
      suggestion: r.serviceLinked ? null : { msg: 'containRole', fix: [{ op: 'AttachRolePolicy', input: { RoleName: r.name, PolicyArn: AWS_DENY_ALL } }] },
    };
  }
  if (actor.kind === 'root') return { ref: { kind: 'root', arn: account.root.arn, name: 'root' }, contained: false, suggestion: null };
  return { ref: { kind: 'activity', arn: actor.arn || `arn:aws:iam::${account.id}:activity`, name: actor.name }, contained: false, suggestion: null };
}

const evidence = (e: CloudTrailEvent) => ({ eventID: e.eventID, eventTime: e.eventTime, text: `${e.eventName}${e.errorCode ? ` (${e.errorCode})` : ''} from ${e.sourceIPAddress}${e.iamsimResource && e.iamsimResource !== '*' ? ` on ${e.iamsimResource}` : ''}` });

/** The check. */
export default defineCheck({
  meta: {
    id: 'activity-anomalies',
    practice: 13,
    title: 'Unusual activity is detected and contained',
    severity: 'high',
    rationale:
      'CloudTrail only helps if someone looks: root use, sign-ins without MFA or from new places, activity at odd hours, bursts of denials and privilege changes are what a leaked credential looks like. ' +
      'Each finding carries the events that show it; containment (deactivate the key, attach AWSDenyAll) is a person\'s decision.',
    references: [
      'CIS AWS Foundations Benchmark v1.4.0 4.1 (unauthorized API calls), 4.2 (console sign-in without MFA), 4.3 (root usage), 4.4 (IAM policy changes)',
      'AWS Security Hub CloudWatch.1, CloudWatch.2, CloudWatch.3, CloudWatch.4',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#keep-a-log',
      'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSDenyAll.html',
    ],
    remediation: 'suggest',
    messages: {
      rootUse: 'The root user was used {{count}} time(s) starting {{first}}: {{actions}}',
      consoleWithoutMfa: '{{actor}} signed in to the console without MFA at {{time}} from {{ip}}',
      newSignInIp: '{{actor}} signed in at {{time}} from {{ip}}, an address never seen for it before (known: {{known}})',
      unusualHours: '{{actor}} was active at {{time}} ({{hour}}h UTC), far from its usual hours ({{usual}})',
      accessDeniedBurst: '{{actor}} was denied {{count}} times within {{minutes}} minutes starting {{first}} ({{actions}})',
      privilegeChange: '{{actor}} {{change}} {{target}} at {{time}} from {{ip}}',
      containUser: "Contain {{actor}}: deactivate the access key it used and attach AWSDenyAll",
      containRole: 'Contain {{actor}}: attach AWSDenyAll (its sessions are denied from the next request)',
    },
    options: {
      type: 'object',
      properties: {
        windowDays: { type: 'integer', minimum: 1 },
        minHistory: { type: 'integer', minimum: 0 },
        unusualHourDistance: { type: 'integer', minimum: 1, maximum: 12 },
        deniedBurst: { type: 'integer', minimum: 2 },
        burstMinutes: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaults: DEFAULT_ANOMALY_OPTIONS as AnomalyOptions & Readonly<Record<string, unknown>>,
    needs: ['activity'],
  },
  detect({ account, now, options }) {
    const events: CloudTrailEvent[] = [];
    for (const e of account.activity) if (e.eventTime <= now) events.push(e);
    const from = addMillis(now, -options.windowDays * 86_400_000);
    const policyByArn = (arn: string): PolicyDocument | undefined => policyDocument(account, arn);
    const out: Report<Msg>[] = [];
    const attachedNow = (kind: 'user' | 'group' | 'role', name: string): readonly string[] => {
      const map = kind === 'user' ? account.users : kind === 'group' ? account.groups : account.roles;
      // Stryker disable next-line OptionalChaining,ArrayDeclaration: Object.hasOwn has just shown map[name] exists, and an ARN that is no policy grants nothing, so a made-up list judges the same as an empty one.
      return Object.hasOwn(map, name) ? (map[name]?.attachedPolicies ?? []) : [];
    };
    for (const a of detectAnomalies(events, from, options, { policyByArn, decide: decideRaw, catalog: REAL_CATALOG, attachedNow })) {
      const c = containment(account, a);
      if (c.contained) continue;
      const data = { actor: a.actor.kind === 'root' ? 'root' : `${a.actor.kind} ${a.actor.name}`, ...a.detail };
      out.push({
        messageId: MESSAGE_OF[a.kind],
        data,
        resource: c.ref,
        severity: SEVERITY_OF[a.kind],
        evidence: a.events.map(evidence),
        ...(c.suggestion !== null ? { suggestions: [{ messageId: c.suggestion.msg, data: { actor: data.actor }, fix: c.suggestion.fix }] } : {}),
      });
    }
    return out;
  },
});
