/**
 * Named invariants of the evaluator (issue 2), checked with fast-check on generated near-miss policy/request pairs:
 * MATCHES-REFERENCE, DENY-WINS, DEFAULT-DENY, ORDER-INDEPENDENT, ALLOW-MONOTONE, DENY-NEVER-GRANTS, WHY, PARSE-NEVER-THROWS.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuthzRequest, Decision, PolicyKind, PolicySet } from '../../src/evaluator/types.js';
import { evaluate } from '../../src/evaluator/evaluate.js';
import { compilePolicy } from '../../src/evaluator/parse-policy.js';
import { compilePolicySet, type RawPolicySet } from '../../src/evaluator/policy-set.js';
import { referenceDecide, resourceAccountOf } from '../reference/evaluate.js';
import { policyCase, policySetFor, policyShapedJunk, requestCase, statementFor, type PolicyCase, type RequestCase } from '../arbitraries/policy.js';
import { runs } from '../arbitraries/runs.js';

const ALL_KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session'];

/** Compiles a generated set; the generators only build valid policies, so a rejection is itself a failure. */
function compiled(raw: RawPolicySet): PolicySet {
  const r = compilePolicySet(raw);
  if (!r.ok) throw new Error(`generated policy set rejected: ${JSON.stringify(r.error.slice(0, 3))}`);
  return r.value;
}

const decide = (c: PolicyCase, trace = false): Decision => evaluate(c.request, compiled(c.policies), { trace });

type Doc = Record<string, unknown>;
const statementsOf = (doc: unknown): Doc[] => {
  const s = (doc as Doc).Statement;
  return Array.isArray(s) ? (s as Doc[]) : [s as Doc];
};
const withStatements = (doc: unknown, statements: readonly Doc[]): Doc => ({ ...(doc as Doc), Statement: [...statements] });
const sessionList = (set: RawPolicySet): unknown[] => (set.session === undefined ? [] : Array.isArray(set.session) ? [...(set.session as unknown[])] : [set.session]);

/** Applies `f` to every document of the set, keeping its shape. */
function mapDocs(set: RawPolicySet, f: (doc: unknown, slot: string) => unknown): RawPolicySet {
  const out: Record<string, unknown> = { ...set };
  if (set.identity) out.identity = set.identity.map((d) => f(d, 'identity'));
  if (set.resource !== undefined) out.resource = f(set.resource, 'resource');
  if (set.boundary !== undefined) out.boundary = f(set.boundary, 'boundary');
  if (set.session !== undefined) out.session = Array.isArray(set.session) ? (set.session as unknown[]).map((d) => f(d, 'session')) : f(set.session, 'session');
  if (set.scp) out.scp = set.scp.map((level) => level.map((d) => f(d, 'scp')));
  if (set.rcp) out.rcp = set.rcp.map((level) => level.map((d) => f(d, 'rcp')));
  return out as RawPolicySet;
}

/** A deterministic Fisher–Yates shuffle driven by a seed (so fast-check can replay it). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let x = (seed >>> 0) || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Where an extra statement can go for this caller: only slots whose policies apply to it. */
function slotsFor(request: AuthzRequest): ('identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp')[] {
  const p = request.principal;
  const slots: ('identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp')[] = ['resource', 'rcp'];
  if (p.kind === 'user' || p.kind === 'role-session' || p.kind === 'federated-user') slots.push('identity', 'boundary');
  if (p.kind === 'role-session' || p.kind === 'federated-user') slots.push('session');
  if (p.kind !== 'service' && p.kind !== 'anonymous' && p.serviceLinkedRole !== true) slots.push('scp');
  return slots;
}

/**
 * Adds one statement to the set in the given slot. With `create` false, slots that are gates (boundary, session, SCP,
 * RCP) only get the statement when a document exists there: creating a gate would restrict, not extend.
 */
function addStatement(set: RawPolicySet, slot: ReturnType<typeof slotsFor>[number], st: Doc, create: boolean): RawPolicySet {
  const fresh = { Version: '2012-10-17', Statement: [st] };
  switch (slot) {
    case 'identity':
      return { ...set, identity: set.identity && set.identity.length > 0 ? [withStatements(set.identity[0], [...statementsOf(set.identity[0]), st]), ...set.identity.slice(1)] : [fresh] };
    case 'resource':
      return { ...set, resource: set.resource !== undefined ? withStatements(set.resource, [...statementsOf(set.resource), st]) : fresh };
    case 'boundary':
      if (set.boundary === undefined && !create) return set;
      return { ...set, boundary: set.boundary !== undefined ? withStatements(set.boundary, [...statementsOf(set.boundary), st]) : fresh };
    case 'session': {
      const list = sessionList(set);
      if (list.length === 0 && !create) return set;
      return { ...set, session: list.length > 0 ? [withStatements(list[0], [...statementsOf(list[0]), st]), ...list.slice(1)] : fresh };
    }
    case 'scp':
    case 'rcp': {
      const levels = set[slot] ?? [];
      if (levels.length === 0 && !create) return set;
      return { ...set, [slot]: levels.length > 0 ? [[...levels[0]!, fresh], ...levels.slice(1)] : [[fresh]] };
    }
    default: {
      const never: never = slot;
      return never;
    }
  }
}

/** A case plus one extra statement of the given effect, aimed at the same request, in a slot that applies to the caller. */
const caseWithExtra = (effect: 'Allow' | 'Deny'): fc.Arbitrary<{ base: PolicyCase; extended: PolicyCase }> =>
  requestCase.chain((rc: RequestCase) =>
    fc.record({ policies: policySetFor(rc), slot: fc.constantFrom(...slotsFor(rc.request)) }).chain(({ policies, slot }) =>
      statementFor(rc, slot, 99, effect).map((st) => ({
        base: { request: rc.request, policies },
        extended: { request: rc.request, policies: addStatement(policies, slot, st, effect === 'Deny') },
      })),
    ),
  );

/** Shows a failing case compactly. */
const show = (c: PolicyCase): string => JSON.stringify(c);

describe('evaluator invariants (issue 2)', () => {
  it('MATCHES-REFERENCE: the fast evaluator agrees with the reference model (effect and deciding policy kind) on 10,000 near-miss pairs', () => {
    const tally: Record<string, number> = {};
    const total = runs(10_000);
    fc.assert(
      fc.property(policyCase, fc.nat(9), (c, n) => {
        const expected = referenceDecide(c.request, c.policies);
        const got = decide(c, n === 0);
        tally[expected.effect] = (tally[expected.effect] ?? 0) + 1;
        if (got.effect !== expected.effect || got.decidedBy !== expected.decidedBy) {
          throw new Error(`fast ${got.effect} (by ${String(got.decidedBy)}), reference ${expected.effect} (by ${String(expected.decidedBy)}) for ${show(c)}`);
        }
      }),
      { numRuns: total },
    );
    // The generators must reach every outcome often (over 5% of cases each), or agreement would be cheap.
    for (const effect of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) expect(tally[effect] ?? 0).toBeGreaterThan(total * 0.05);
  }, 180_000);

  it('DENY-WINS: a Deny of everything in any policy that applies makes the effect ExplicitDeny', () => {
    fc.assert(
      fc.property(caseWithExtra('Deny'), fc.nat(), ({ base }, pick) => {
        const slots = slotsFor(base.request);
        const slot = slots[pick % slots.length]!;
        const denyAll = slot === 'resource' || slot === 'rcp' ? { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' } : { Effect: 'Deny', Action: '*', Resource: '*' };
        const d = decide({ request: base.request, policies: addStatement(base.policies, slot, denyAll, true) });
        expect(d.effect).toBe('ExplicitDeny');
        expect(d.determining.length).toBeGreaterThan(0);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('DEFAULT-DENY: with no Allow statement anywhere nobody but the root user (in its own account) is allowed, and then with no determining statement', () => {
    fc.assert(
      fc.property(policyCase, (c) => {
        const onlyDenies = mapDocs(c.policies, (doc) => {
          const kept = statementsOf(doc).filter((st) => st.Effect === 'Deny');
          return withStatements(doc, kept.length > 0 ? kept : [{ Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::no-such-bucket-zz/x', ...(statementsOf(doc).some((st) => 'Principal' in st || 'NotPrincipal' in st) ? { Principal: '*' } : {}) }]);
        });
        const d = decide({ request: c.request, policies: onlyDenies });
        if (c.request.principal.kind !== 'root') expect(d.effect).not.toBe('Allow');
        const empty = decide({ request: c.request, policies: {} });
        if (c.request.principal.kind === 'root') expect(empty.effect).toBe(resourceAccountOf(c.request) === c.request.principal.accountId ? 'Allow' : 'ImplicitDeny');
        else expect([empty.effect, empty.determining.length]).toEqual(['ImplicitDeny', 0]);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('ORDER-INDEPENDENT: shuffling statements, policies and levels changes neither the effect, nor who decided, nor how many statements did', () => {
    fc.assert(
      fc.property(policyCase, fc.integer(), (c, seed) => {
        let k = seed;
        const next = (): number => (k = (Math.imul(k, 69069) + 1) | 0);
        const shuffledDocs = mapDocs(c.policies, (doc) => withStatements(doc, shuffle(statementsOf(doc), next())));
        const shuffled: RawPolicySet = {
          ...shuffledDocs,
          ...(shuffledDocs.identity ? { identity: shuffle(shuffledDocs.identity, next()) } : {}),
          ...(Array.isArray(shuffledDocs.session) ? { session: shuffle(shuffledDocs.session as unknown[], next()) } : {}),
          ...(shuffledDocs.scp ? { scp: shuffle(shuffledDocs.scp.map((l) => shuffle(l, next())), next()) } : {}),
          ...(shuffledDocs.rcp ? { rcp: shuffle(shuffledDocs.rcp.map((l) => shuffle(l, next())), next()) } : {}),
        };
        const a = decide(c);
        const b = decide({ request: c.request, policies: shuffled });
        expect([b.effect, b.decidedBy, b.determining.length]).toEqual([a.effect, a.decidedBy, a.determining.length]);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('ALLOW-MONOTONE: adding an Allow statement never turns Allow into a deny', () => {
    fc.assert(
      fc.property(caseWithExtra('Allow'), ({ base, extended }) => {
        if (decide(base).effect === 'Allow') expect(decide(extended).effect).toBe('Allow');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('DENY-NEVER-GRANTS: adding a Deny statement never turns a deny into Allow, and an explicit deny stays explicit', () => {
    fc.assert(
      fc.property(caseWithExtra('Deny'), ({ base, extended }) => {
        const before = decide(base).effect;
        const after = decide(extended).effect;
        if (before !== 'Allow') expect(after).not.toBe('Allow');
        if (before === 'ExplicitDeny') expect(after).toBe('ExplicitDeny');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('WHY: determining is non-empty exactly when the effect is not ImplicitDeny, with or without a trace', () => {
    fc.assert(
      fc.property(policyCase, fc.boolean(), (c, trace) => {
        const d = decide(c, trace);
        expect(d.determining.length > 0).toBe(d.effect !== 'ImplicitDeny');
        if (trace) expect(d.trace.length).toBeGreaterThan(0);
        else expect(d.trace).toHaveLength(0);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('PARSE-NEVER-THROWS: compilePolicy and compilePolicySet return problems for any JSON value or policy-shaped junk', () => {
    const anyDoc = fc.oneof(fc.jsonValue({ maxDepth: 4 }), policyShapedJunk, policyShapedJunk.map((d) => JSON.stringify(d)));
    fc.assert(
      fc.property(anyDoc, fc.constantFrom(...ALL_KINDS), (doc, kind) => {
        // compilePolicy catches its own exceptions and reports them as 'internal-error': that code is the throw we look for.
        const r = compilePolicy(doc, { id: 'junk', kind });
        if (!r.ok) {
          if (r.error.length === 0) throw new Error('a failed compile must say why');
          const bad = r.error.find((p) => p.code === 'internal-error' || typeof p.path !== 'string' || p.message.length === 0);
          if (bad !== undefined) throw new Error(`bad problem ${JSON.stringify(bad)} for ${JSON.stringify(doc)}`);
        }
        const set = compilePolicySet({ identity: [doc], scp: [[doc]], resource: doc }, '/policies');
        if (!set.ok && set.error.some((p) => !p.path.startsWith('/policies'))) throw new Error('problem paths must carry the prefix');
      }),
      { numRuns: runs(2000) },
    );
    for (const junk of [null, 1, 'x', [], { identity: 'x' }, { scp: [{}] }, { nope: 1 }]) expect(compilePolicySet(junk).ok).toBe(false);
  });
});
