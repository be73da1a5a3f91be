/**
 * Least-privilege policy generation from activity, as IAM Access Analyzer's policy generation does: the actions a
 * principal actually used, on the resources it used them on. Each generated statement also carries the Condition of
 * the statement that allowed the logged request, so the generated policy never grants more than the one it replaces.
 */
import type { RawPolicySet } from '../../evaluator/policy-set.js';
import type { PolicyDocument, StatementRef } from '../../evaluator/types.js';
import { evaluate } from '../../evaluator/evaluate.js';
import { compileRawSet } from '../universe/decide-raw.js';
import { statementsOf } from '../universe/policy-facts.js';
import type { LoggedRequest } from './logged-requests.js';

/** The generated policy and what it covers. */
export interface GeneratedPolicy {
  readonly document: PolicyDocument;
  /** Logged requests the replaced policies allowed, now granted by `document`. */
  readonly covered: readonly LoggedRequest[];
  /** Logged requests some kept policy allows anyway. */
  readonly keptElsewhere: readonly LoggedRequest[];
  /** Logged requests the current policies do not allow (they were allowed when made, by policies since changed). */
  readonly notAllowedNow: readonly LoggedRequest[];
}

/** A JSON value as text with object keys sorted, so Conditions equal up to key order compare equal. */
function canonical(v: unknown): string {
  // Stryker disable next-line ConditionalExpression: equivalent, an array read as an object keyed '0', '1'… could only meet an object with those keys where a valid Condition has arrays (values), never objects
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const pairs = Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`);
  // Stryker disable next-line StringLiteral: equivalent, each pair starts with a quoted key after a self-delimiting value, so pairs joined without ',' tell Conditions apart exactly as with it
  const body = pairs.join(',');
  return `{${body}}`;
}

/**
 * Generates a policy for `logged` that can replace the identity policies at `replaced` (indexes into
 * `set.identity`). Statements: one per (resource, condition), actions sorted; Sids are stable.
 */
export function generateLeastPrivilege(set: RawPolicySet, replaced: ReadonlySet<number>, logged: readonly LoggedRequest[]): GeneratedPolicy {
  const compiled = compileRawSet(set);
  const groups = new Map<string, { resource: string; condition: unknown; actions: Set<string> }>();
  const covered: LoggedRequest[] = [];
  const keptElsewhere: LoggedRequest[] = [];
  const notAllowedNow: LoggedRequest[] = [];
  const indexOf = (r: StatementRef): number => Number(r.policyId.slice(r.policyId.lastIndexOf('-') + 1));
  for (const l of logged) {
    const d = evaluate(l.request, compiled);
    if (d.effect !== 'Allow') { notAllowedNow.push(l); continue; }
    const identityRefs = d.determining.filter((r) => r.policyKind === 'identity');
    if (identityRefs.length === 0 || identityRefs.some((r) => !replaced.has(indexOf(r)))) { keptElsewhere.push(l); continue; }
    const ref = identityRefs[0] as StatementRef;
    // An identity statement determined the decision, so set.identity holds its document and the document its statement.
    const st = statementsOf((set.identity as readonly PolicyDocument[])[indexOf(ref)] as PolicyDocument)[ref.index] as Readonly<Record<string, unknown>>;
    const condition = st['Condition'];
    const key = `${l.request.resource}\u0000${canonical(condition ?? null)}`;
    let g = groups.get(key);
    if (g === undefined) { g = { resource: l.request.resource, condition, actions: new Set() }; groups.set(key, g); }
    g.actions.add(l.request.action);
    covered.push(l);
  }
  // By resource (code unit order), groups of one resource in the order first logged.
  const all = [...groups.values()];
  const statements = [...new Set(all.map((g) => g.resource))].sort()
    .flatMap((r) => all.filter((g) => g.resource === r))
    .map((g, i) => ({
      Sid: `Used${i + 1}`,
      Effect: 'Allow',
      Action: [...g.actions].sort(),
      Resource: g.resource,
      ...(g.condition !== undefined ? { Condition: g.condition } : {}),
    }));
  return { document: { Version: '2012-10-17', Statement: statements }, covered, keptElsewhere, notAllowedNow };
}
