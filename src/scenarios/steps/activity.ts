/**
 * `activity`: a person makes N requests drawn from a set over a period, at seeded random times, from seeded random
 * IPs of the set. Seeded with seedrandom from the scenario seed and the step index, so adding a step elsewhere does
 * not change this one. It leaves last-used data, Access Advisor data and CloudTrail events behind.
 */
import seedrandom from 'seedrandom';
import { request } from '../../model/request.js';
import { addMillis } from '../../model/time.js';
import { advanceTo } from '../replay-state.js';
import { formatDuration } from '../duration.js';
import { callerName, callPrincipal } from './caller.js';
import { expectEqual, stepEvent, type StepHandler } from './event.js';

/** Runs an activity step; the clock ends at the end of the period. */
export const runActivity: StepHandler<'activity'> = (step, state, ctx) => {
  const s = step.spec;
  const rng = seedrandom(`${ctx.scenario.seed}:${step.index}`);
  const offsets = Array.from({ length: s.count }, () => Math.floor(rng() * s.overMs)).sort((a, b) => a - b);
  const total = s.requests.reduce((n, r) => n + r.weight, 0);
  const pick = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(rng() * xs.length))]!;
  let st = state;
  let allowed = 0;
  let denied = 0;
  const byAction = new Map<string, { allowed: number; denied: number }>();
  const start = state.now;
  for (const off of offsets) {
    st = advanceTo(st, addMillis(start, off), ctx);
    let r = rng() * total;
    const req = s.requests.find((q) => (r -= q.weight) < 0) ?? s.requests[s.requests.length - 1]!;
    const out = request(st.account, {
      principal: callPrincipal(st.account, s, st.sessions), action: req.action, resource: req.resource,
      sourceIp: pick(s.ips), region: pick(s.regions), at: st.now,
    });
    st = { ...st, account: out.account };
    const tally = byAction.get(req.action) ?? { allowed: 0, denied: 0 };
    if (out.decision.effect === 'Allow') {
      allowed++;
      tally.allowed++;
    } else {
      denied++;
      tally.denied++;
    }
    byAction.set(req.action, tally);
  }
  st = advanceTo(st, addMillis(start, s.overMs), ctx);
  const expectations = [
    ...(step.expect?.allowed !== undefined ? [expectEqual('allowed', String(step.expect.allowed), String(allowed))] : []),
    ...(step.expect?.denied !== undefined ? [expectEqual('denied', String(step.expect.denied), String(denied))] : []),
  ];
  return {
    state: st,
    event: stepEvent(step, st, ctx, {
      title: `${callerName(s)} makes ${s.count} requests over ${formatDuration(s.overMs)}`,
      result: `${allowed} allowed, ${denied} denied`,
      details: [...byAction].map(([a, t]) => `${a}: ${t.allowed} allowed, ${t.denied} denied`),
      expectations,
      data: { count: s.count, allowed, denied, from: start, to: st.now, byAction: Object.fromEntries(byAction) },
    }),
  };
};
