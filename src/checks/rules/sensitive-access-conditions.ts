/**
 * Practice 12: sensitive principals (contractors, partners, regulated data) must be fenced by conditions: an IP
 * allowlist (`IpAddress aws:SourceIp`) and a date bound no later than the contract end (`DateLessThan
 * aws:CurrentTime`). Judged by meaning: the evaluator decides the principal's requests over a request universe
 * whose boundaries include the allowlist and the contract end, so a bound anywhere in any policy (or a Deny) counts.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument } from '../../evaluator/types.js';
import type { Account, Instant } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import type { Fix, Report } from '../types.js';
import { buildUniverse } from '../universe/build-universe.js';
import { firstAllowed, type Decide } from '../universe/compare-grants.js';
import { decideRaw } from '../universe/decide-raw.js';
import { ipInAny, prefixLength } from '../universe/ip-match.js';
import { conditionsOf, statementsOf } from '../universe/policy-facts.js';
import { parseOperator } from '../universe/boundary-values.js';
import { principalPolicies } from '../universe/principal-policies.js';
import { REAL_CATALOG } from '../universe/real-catalog.js';
import { cidrList, contractEndInstant, DEFAULT_SENSITIVE_TAGS, sensitivePrincipals, tagValue, type SensitivePrincipal, type SensitiveTag } from '../universe/sensitive-principals.js';
import type { ActionCatalog } from '../universe/types.js';

/** Options of sensitive-access-conditions. */
export interface SensitiveAccessOptions extends Readonly<Record<string, unknown>> {
  readonly sensitiveTags: readonly SensitiveTag[];
  readonly contractEndTag: string;
  /** A principal tag listing its allowed CIDRs, separated by spaces (tag values cannot hold commas). */
  readonly allowlistTag: string;
  /** CIDRs allowed for every sensitive principal, in addition to its tag. */
  readonly allowedCidrs: readonly string[];
  /** IpAddress blocks wider than this prefix (e.g. 0.0.0.0/0) do not count as an allowlist. */
  readonly minAllowlistPrefix: number;
  /** The inline policy the fix writes. */
  readonly guardPolicyName: string;
}

const DEFAULTS: SensitiveAccessOptions = {
  sensitiveTags: DEFAULT_SENSITIVE_TAGS,
  contractEndTag: 'contract-end',
  allowlistTag: 'iamsim:allowed-cidrs',
  allowedCidrs: [],
  minAllowlistPrefix: 8,
  guardPolicyName: 'iamsim-sensitive-access-guard',
};

type Msg = 'noIpAllowlist' | 'noKnownAllowlist' | 'noDateBound' | 'pastContractEnd' | 'badContractEnd';

/** The allowlist a sensitive principal's policies state: IpAddress on aws:SourceIp in Allows, NotIpAddress in Denies. */
export function statedAllowlist(docs: readonly PolicyDocument[], minPrefix: number): readonly string[] {
  const out = new Set<string>();
  for (const d of docs) {
    for (const st of statementsOf(d)) {
      for (const c of conditionsOf(st)) {
        if (c.key.toLowerCase() !== 'aws:sourceip') continue;
        const op = parseOperator(c.operator);
        if (op?.family !== 'ip' || op.set !== null) continue;
        const negated = c.operator.startsWith('Not');
        if ((st['Effect'] === 'Allow' && !negated) || (st['Effect'] === 'Deny' && negated)) {
          for (const v of c.values) if ((prefixLength(v) ?? 0) >= minPrefix) out.add(v);
        }
      }
    }
  }
  return [...out].sort();
}

/** The guard the fix attaches: Deny everything from outside the allowlist, and everything from the contract end on. */
export function guardPolicy(allowlist: readonly string[], end: Instant | null): PolicyDocument {
  const Statement: Record<string, unknown>[] = [];
  if (allowlist.length > 0) {
    // AWS's "deny based on source IP" example exempts calls AWS services make on the principal's behalf.
    Statement.push({ Sid: 'DenyOutsideAllowlist', Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': [...allowlist] }, BoolIfExists: { 'aws:ViaAWSService': 'false' } } });
  }
  // Two statements, because the conditions inside one statement are ANDed: "outside the allowlist OR after the end".
  if (end !== null) Statement.push({ Sid: 'DenyFromContractEnd', Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThanEquals: { 'aws:CurrentTime': end } } });
  return { Version: '2012-10-17', Statement };
}

function guardFix(p: SensitivePrincipal, name: string, doc: PolicyDocument): Fix {
  return p.key.kind === 'user'
    ? [{ op: 'PutUserPolicy', input: { UserName: p.key.name, PolicyName: name, PolicyDocument: doc } }]
    : [{ op: 'PutRolePolicy', input: { RoleName: p.key.name, PolicyName: name, PolicyDocument: doc } }];
}

/** The detection, with the evaluator and the action list as parameters so tests can run it against the reference evaluator. */
export function detectSensitiveAccess(account: Account, now: Instant, o: SensitiveAccessOptions, decide: Decide<RawPolicySet>, catalog: ActionCatalog = REAL_CATALOG): Report<Msg>[] {
  const reports: Report<Msg>[] = [];
  for (const p of sensitivePrincipals(account, o.sensitiveTags)) {
    const pp = principalPolicies(account, p.key);
    // Stryker disable next-line ConditionalExpression: sensitivePrincipals lists only users and roles of this account, so principalPolicies always finds them.
    if (pp === undefined) continue;
    const resource = { kind: p.key.kind, arn: p.arn, name: p.key.name } as const;
    const base = { kind: p.key.kind, name: p.key.name, reason: p.reasons.join(', ') };
    const endTag = tagValue(p.tags, o.contractEndTag);
    const end = endTag === undefined ? null : contractEndInstant(endTag);
    if (endTag !== undefined && end === null) reports.push({ messageId: 'badContractEnd', data: { ...base, tag: o.contractEndTag, value: endTag }, resource });
    const configured = [...cidrList(tagValue(p.tags, o.allowlistTag)), ...o.allowedCidrs];
    const allowlist = configured.length > 0 ? [...new Set(configured)].sort() : statedAllowlist(pp.documents, o.minAllowlistPrefix);
    // Boundaries the universe must include even if no policy mentions them: the allowlist, the contract end, now. Only
    // the conditions are read; an IP condition, even with no allowlist, also adds an address outside every policy range.
    const probe: PolicyDocument = { Statement: [{ Condition: {
      IpAddress: { 'aws:SourceIp': [...allowlist] },
      DateGreaterThanEquals: { 'aws:CurrentTime': [now, end ?? now] },
    } }] };
    const u = buildUniverse([...pp.documents, probe], catalog, { principal: pp.principal, fixed: { ...pp.fixed, 'aws:ViaAWSService': 'false' } });
    const describe = (r: { action: string; resource: string }): string => `${r.action} on ${r.resource}`;
    // Attached only to noIpAllowlist (an allowlist exists) and the date reports (an end exists), so the guard is never empty.
    const fix = guardFix(p, o.guardPolicyName, guardPolicy(allowlist, end));

    const outside = firstAllowed(u, pp.set, decide, (c) => {
      const ip = c['aws:sourceip'];
      // A request without aws:SourceIp is outside too (String(undefined) is no address).
      return !ipInAny(String(ip), allowlist);
    });
    if (outside !== undefined) {
      // Stryker disable next-line OptionalChaining: firstAllowed returns a request of this universe, so its context index is always in range.
      const ip = u.contexts[outside.context]?.values['aws:sourceip'];
      const from = typeof ip === 'string' ? ip : 'a request without aws:SourceIp';
      if (allowlist.length > 0) {
        reports.push({ messageId: 'noIpAllowlist', data: { ...base, example: describe(outside), ip: from, allowlist: allowlist.join(' ') }, resource, fix });
      } else {
        reports.push({ messageId: 'noKnownAllowlist', data: { ...base, example: describe(outside), tag: o.allowlistTag }, resource });
      }
    }
    // Stryker disable next-line ConditionalExpression: with no end, Date.parse(null) is NaN, every comparison below is false and nothing is reported either way.
    if (end !== null) {
      const late = firstAllowed(u, pp.set, decide, (c) => {
        const t = c['aws:currenttime'];
        const ip = c['aws:sourceip'];
        // Judge the date bound on its own: from inside the allowlist when there is one.
        return Date.parse(String(t)) >= Date.parse(end) && (allowlist.length === 0 || ipInAny(String(ip), allowlist));
      });
      if (late !== undefined) {
        // Stryker disable next-line OptionalChaining: firstAllowed returns a request of this universe, so its context index is always in range.
        const at = String(u.contexts[late.context]?.values['aws:currenttime'] ?? end);
        const past = Date.parse(now) >= Date.parse(end);
        reports.push({
          messageId: past ? 'pastContractEnd' : 'noDateBound',
          data: { ...base, contractEnd: end, example: describe(late), time: at },
          resource,
          ...(past ? { severity: 'critical' as const } : {}),
          fix,
        });
      }
    }
  }
  return reports;
}

/** The check. */
export default defineCheck({
  meta: {
    id: 'sensitive-access-conditions',
    practice: 12,
    title: 'Sensitive access is bounded by an IP allowlist and the contract end',
    severity: 'high',
    rationale:
      'Contractors, partners and principals touching regulated data should only reach AWS from known networks and only until their contract ends. ' +
      'IAM expresses both as conditions (IpAddress aws:SourceIp, DateLessThan aws:CurrentTime); without them a leaked credential works from anywhere, for ever.',
    references: [
      'AWS IAM best practices: Use conditions in IAM policies to further restrict access',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws-dates.html',
      'AWS Well-Architected SEC03-BP02 Grant least privilege access',
    ],
    remediation: 'auto',
    messages: {
      noIpAllowlist: '{{kind}} {{name}} is sensitive ({{reason}}) but is allowed {{example}} from {{ip}}, outside its IP allowlist {{allowlist}}',
      noKnownAllowlist: '{{kind}} {{name}} is sensitive ({{reason}}) and is allowed {{example}} from any address: no IpAddress aws:SourceIp allowlist in its policies, and none configured (set the tag {{tag}})',
      noDateBound: "{{kind}} {{name}}'s contract ends {{contractEnd}} but {{example}} would still be allowed at {{time}}: no DateLessThan aws:CurrentTime bound at or before the contract end",
      pastContractEnd: "{{kind}} {{name}}'s contract ended {{contractEnd}} and it is still allowed {{example}}",
      badContractEnd: '{{kind}} {{name}} is sensitive ({{reason}}) but its tag {{tag}} = {{value}} is not a date (YYYY-MM-DD or an ISO instant)',
    },
    options: {
      type: 'object',
      properties: {
        sensitiveTags: { type: 'array', items: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } } } },
        contractEndTag: { type: 'string' },
        allowlistTag: { type: 'string' },
        allowedCidrs: { type: 'array', items: { type: 'string' } },
        minAllowlistPrefix: { type: 'integer', minimum: 0, maximum: 128 },
        guardPolicyName: { type: 'string' },
      },
      additionalProperties: false,
    },
    defaults: DEFAULTS,
  },
  detect: ({ account, now, options }) => detectSensitiveAccess(account, now, options, decideRaw),
});
