/**
 * The generators themselves: they must produce near-misses, not noise (issue 2). Measured over a sample with the
 * reference model's own parsers and matchers: IPs on a CIDR edge, instants within a second of a bound, action and
 * resource patterns that match about as often as they miss, and every effect and deciding policy kind.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { policyCase, type PolicyCase } from '../arbitraries/policy.js';
import { referenceDecide } from '../reference/evaluate.js';
import { parseInstant, parseIpNet } from '../reference/values.js';
import { actionMatches, resourceMatches, statementsOf } from '../reference/statement.js';
import { refContext } from '../reference/context.js';

const samples: readonly PolicyCase[] = fc.sample(policyCase, { numRuns: 1500, seed: 20260301 });

const docsOf = (c: PolicyCase): unknown[] => {
  const p = c.policies;
  const session = p.session === undefined ? [] : Array.isArray(p.session) ? (p.session as unknown[]) : [p.session];
  return [...(p.identity ?? []), p.resource, p.boundary, ...session, ...(p.scp ?? []).flat(), ...(p.rcp ?? []).flat()].filter((d) => d !== undefined);
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
const clauses = function* (c: PolicyCase): Generator<[string, string, unknown]> {
  for (const d of docsOf(c)) {
    for (const st of statementsOf(d)) {
      const block = (st.Condition ?? {}) as Record<string, Record<string, unknown>>;
      for (const [op, keys] of Object.entries(block)) for (const [key, value] of Object.entries(keys)) yield [op, key, value];
    }
  }
};
const ratio = (hits: number, total: number): number => (total === 0 ? 0 : hits / total);

describe('near-miss generators (test/arbitraries/policy.ts)', () => {
  it('IP conditions: the request address is often the first or last address of a policy network, or just outside it', () => {
    let edge = 0;
    let total = 0;
    for (const c of samples) {
      const ip = c.request.context['aws:SourceIp'];
      const address = typeof ip === 'string' ? parseIpNet(ip) : null;
      if (address === null || address.family !== 4) continue;
      for (const [op, key, value] of clauses(c)) {
        if (!op.includes('IpAddress') || key.toLowerCase() !== 'aws:sourceip') continue;
        for (const cidr of list(value)) {
          const net = parseIpNet(cidr);
          if (net === null || net.family !== 4) continue;
          total++;
          const size = 2n ** BigInt(32 - net.prefix);
          const start = (net.value / size) * size;
          const end = start + size - 1n;
          const a = address.value;
          if (a === start || a === end || a === start - 1n || a === end + 1n) edge++;
        }
      }
    }
    expect(total).toBeGreaterThan(200);
    expect(ratio(edge, total)).toBeGreaterThan(0.2);
  });

  it('date conditions: the request instant is often within one second of the bound', () => {
    let near = 0;
    let total = 0;
    for (const c of samples) {
      const now = c.request.context['aws:CurrentTime'];
      const t = typeof now === 'string' ? parseInstant(now) : null;
      if (t === null) continue;
      for (const [op, key, value] of clauses(c)) {
        if (!op.startsWith('Date') || key !== 'aws:CurrentTime') continue;
        for (const v of (Array.isArray(value) ? value : [value]).map(String)) {
          const b = parseInstant(v);
          if (b === null) continue;
          total++;
          const d = t - b;
          if (d >= -1_000_000_000n && d <= 1_000_000_000n) near++;
        }
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(ratio(near, total)).toBeGreaterThan(0.4);
  });

  it('action and resource patterns (other than *) match and miss in comparable numbers', () => {
    const tally = { action: [0, 0], resource: [0, 0] };
    for (const c of samples) {
      const ctx = refContext(c.request);
      for (const d of docsOf(c)) {
        for (const st of statementsOf(d)) {
          for (const a of list(st.Action ?? st.NotAction)) if (a !== '*') tally.action[actionMatches(a, c.request.action) ? 0 : 1]!++;
          for (const r of list(st.Resource ?? st.NotResource)) if (r !== '*') tally.resource[resourceMatches(r, c.request.resource, ctx, true) ? 0 : 1]!++;
        }
      }
    }
    for (const [hit, miss] of [tally.action, tally.resource]) {
      expect(ratio(hit!, hit! + miss!)).toBeGreaterThan(0.25);
      expect(ratio(miss!, hit! + miss!)).toBeGreaterThan(0.25);
    }
  });

  it('every effect and every deciding policy kind is reached', () => {
    const seen = new Set(samples.map((c) => { const d = referenceDecide(c.request, c.policies); return `${d.effect}/${String(d.decidedBy)}`; }));
    for (const k of ['Allow/identity', 'Allow/resource', 'Allow/root', 'ExplicitDeny/identity', 'ExplicitDeny/resource', 'ExplicitDeny/boundary', 'ExplicitDeny/session',
      'ExplicitDeny/scp', 'ExplicitDeny/rcp', 'ImplicitDeny/null', 'ImplicitDeny/resource', 'ImplicitDeny/boundary', 'ImplicitDeny/session', 'ImplicitDeny/scp', 'ImplicitDeny/rcp']) {
      expect(seen).toContain(k);
    }
  });
});
