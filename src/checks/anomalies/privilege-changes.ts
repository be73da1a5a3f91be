/**
 * Detector: privilege changes an attacker uses to persist or escalate (CIS 4.4 monitoring: "IAM policy changes"):
 * CreateUser; CreateAccessKey for another user; CreateLoginProfile; AttachUserPolicy / PutUserPolicy (and the group
 * and role forms) granting administrator access; UpdateAssumeRolePolicy. Whether a policy grants administrator access
 * is decided with the evaluator (every action, or every IAM action, which is enough to grant oneself the rest).
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument } from '../../evaluator/types.js';
import type { CloudTrailEvent } from '../../model/types.js';
import type { Decide } from '../universe/compare-grants.js';
import { fullyGrantedServices, grantsEverything } from '../universe/grants-admin.js';
import type { ActionCatalog } from '../universe/types.js';
import { actorOf } from './actor.js';
import type { Anomaly } from './types.js';

/** What the detector needs besides the events: policy documents by ARN, the evaluator and the action list. */
export interface PrivilegeEnv {
  readonly policyByArn: (arn: string) => PolicyDocument | undefined;
  readonly decide: Decide<RawPolicySet>;
  readonly catalog: ActionCatalog;
  /**
   * The managed policies an entity holds now. Used when an Attach*Policy event does not record its policyArn
   * (iamsim's own request log leaves requestParameters empty): the change is then judged by its visible result.
   */
  readonly attachedNow?: (kind: 'user' | 'group' | 'role', name: string) => readonly string[];
}

const ATTACH = new Set(['AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy']);
const PUT = new Set(['PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy']);

function param(e: CloudTrailEvent, name: string): string | undefined {
  const v = e.requestParameters?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** The target entity's name: from requestParameters, else the last path segment of the event's resource. */
function target(e: CloudTrailEvent, name: string): string {
  const p = param(e, name);
  if (p !== undefined) return p;
  const r = e.iamsimResource ?? e.resources?.[0]?.ARN ?? '';
  return r.slice(r.lastIndexOf('/') + 1);
}

/** The privilege changes among successful IAM calls. */
export function privilegeChanges(events: readonly CloudTrailEvent[], env: PrivilegeEnv): Anomaly[] {
  const adminCache = new Map<PolicyDocument, boolean>();
  const isAdmin = (doc: PolicyDocument): boolean => {
    let v = adminCache.get(doc);
    // Stryker disable next-line ConditionalExpression: a memo; judging the document again gives the same answer.
    if (v === undefined) {
      v = grantsEverything([doc], env.decide, env.catalog) || fullyGrantedServices([doc], env.decide, env.catalog, new Set(['iam'])).includes('iam');
      adminCache.set(doc, v);
    }
    return v;
  };
  const out: Anomaly[] = [];
  for (const e of events) {
    if (e.eventSource !== 'iam.amazonaws.com' || e.errorCode !== undefined) continue;
    const actor = actorOf(e);
    const n = e.eventName;
    const add = (change: string, targetName: string): void => {
      out.push({ kind: 'privilege-change', actor, events: [e], detail: { change, target: targetName, time: e.eventTime, ip: e.sourceIPAddress } });
    };
    if (n === 'CreateUser') add('created user', target(e, 'userName'));
    else if (n === 'CreateLoginProfile') add('gave a console password to', target(e, 'userName'));
    else if (n === 'UpdateAssumeRolePolicy') add('changed the trust policy of', target(e, 'roleName'));
    else if (n === 'CreateAccessKey') {
      const who = target(e, 'userName');
      if (who !== '' && who !== actor.name) add('created an access key for', who);
    } else if (ATTACH.has(n)) {
      const kind = n === 'AttachUserPolicy' ? 'user' : n === 'AttachGroupPolicy' ? 'group' : 'role';
      const who = target(e, `${kind}Name`);
      const arn = param(e, 'policyArn');
      const arns = arn !== undefined ? [arn] : (env.attachedNow?.(kind, who) ?? []);
      const admin = arns.find((a) => { const d = env.policyByArn(a); return d !== undefined && isAdmin(d); });
      if (admin !== undefined) add(arn !== undefined ? `attached administrator policy ${admin.slice(admin.lastIndexOf('/') + 1)} to` : `attached a policy to ${kind}`, arn !== undefined ? who : `${who}, who now holds administrator policy ${admin.slice(admin.lastIndexOf('/') + 1)}`);
    } else if (PUT.has(n)) {
      // The document as logged: an object, or JSON text of one (text that is not JSON, or JSON of anything else, is no document).
      let parsed: unknown = e.requestParameters?.['policyDocument'];
      if (typeof parsed === 'string') {
        try {
          parsed = JSON.parse(parsed);
        } catch {
          // Left as the text, which is no document.
        }
      }
      const doc = typeof parsed === 'object' && parsed !== null ? (parsed as PolicyDocument) : undefined;
      if (doc !== undefined && isAdmin(doc)) add('wrote an administrator inline policy for', target(e, n === 'PutUserPolicy' ? 'userName' : n === 'PutGroupPolicy' ? 'groupName' : 'roleName'));
    }
  }
  return out;
}
