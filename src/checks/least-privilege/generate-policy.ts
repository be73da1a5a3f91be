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

const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v);

/**
 * Generates a policy for `logged` that can replace the identity policies at `replaced` (indexes into
 * `set.identity`). Statements: one per (resource, condition), actions sorted; Sids are stable.
 */
export function generateLeastPrivilege(set: RawPolicySet, replaced: ReadonlySet<number>, logged: readonly LoggedRequest[]): GeneratedPolicy {
  const compiled = compileRawSet(set);
  const docs = set.identity ?? [];
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
    const st = statementsOf(docs[indexOf(ref)] as PolicyDocument)[ref.index];
    const condition = st?.['Condition'];
    const key = `${l.request.resource}\u0000${canonical(condition ?? null)}`;
    let g = groups.get(key);
    if (g === undefined) { g = { resource: l.request.resource, condition, actions: new Set() }; groups.set(key, g); }
    g.actions.add(l.request.action);
    covered.push(l);
  }
  const statements = [...groups.values()]
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0))
    .map((g, i) => ({
      Sid: `Used${i + 1}`,
      Effect: 'Allow',
      Action: [...g.actions].sort(),
      Resource: g.resource,
      ...(g.condition !== undefined ? { Condition: g.condition } : {}),
    }));
  return { document: { Version: '2012-10-17', Statement: statements }, covered, keptElsewhere, notAllowedNow };
}
