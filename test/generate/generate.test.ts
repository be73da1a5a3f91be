/** generate(): determinism, option errors, the shape of the organisation, people as ground truth and the injected places. */
import { describe, expect, it } from 'vitest';
import { generate, INJECTABLE, validateGenerateOptions } from '../../src/generate/index.js';
import type { Generated, GenerateOptions } from '../../src/generate/index.js';
import { saveAccount } from '../../src/model/serialize.js';
import { loadAccount } from '../../src/model/serialize.js';

const gen = (o: GenerateOptions): Generated => {
  const r = generate(o);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('generate', () => {
  it('gives a byte-identical saved account and truth for the same seed, and a different one for another seed', () => {
    const a = gen({ seed: 42, users: 25, violations: 'all' });
    const b = gen({ seed: 42, users: 25, violations: 'all' });
    const c = gen({ seed: 43, users: 25, violations: 'all' });
    expect(saveAccount(b.account)).toBe(saveAccount(a.account));
    expect(JSON.stringify(b.groundTruth)).toBe(JSON.stringify(a.groundTruth));
    expect(saveAccount(c.account)).not.toBe(saveAccount(a.account));
  });

  it('saves an account that loads back without problems', () => {
    const g = gen({ seed: 'load', users: 12, violations: 'all' });
    const loaded = loadAccount(saveAccount(g.account), 'generated.json');
    expect(loaded.ok ? [] : loaded.error).toEqual([]);
    if (loaded.ok) expect(saveAccount(loaded.value)).toBe(saveAccount(g.account));
  });

  it('builds departments, roles with EC2 trust, instances with profiles, and time-ordered activity ending at now', () => {
    const g = gen({ seed: 1, users: 60, roles: 4, instances: 6, days: 90 });
    const a = g.account;
    expect(Object.keys(a.users)).toHaveLength(61); // 60 staff and iam-admin
    expect(Object.keys(a.groups).sort()).toEqual(['Administrators', 'Data', 'Engineering', 'Finance', 'Marketing', 'Security', 'Support']);
    expect(Object.keys(a.roles)).toHaveLength(4);
    for (const r of Object.values(a.roles)) expect(JSON.stringify(r.trustPolicy)).toContain('ec2.amazonaws.com');
    expect(Object.values(a.instances)).toHaveLength(6);
    for (const i of Object.values(a.instances)) expect(i.instanceProfile).not.toBeNull();
    const times = a.activity.map((e) => e.eventTime).toArray();
    expect([...times].sort()).toEqual(times);
    expect(times.at(-1)! <= g.now).toBe(true);
    expect(g.now).toBe('2026-04-01T00:00:00Z');
    for (const u of Object.values(a.users)) {
      expect(u.name).toMatch(/^[a-z]+\.[a-z]+\d*$|^iam-admin$/);
      if (u.loginProfile !== null) expect(u.mfa.length).toBe(1);
    }
    expect(a.passwordPolicy?.MinimumPasswordLength).toBe(14);
    expect(a.root.mfa.map((m) => m.kind)).toEqual(['hardware']);
    expect(Object.values(a.trails).map((t) => [t.isLogging, t.isMultiRegionTrail, t.logFileValidationEnabled])).toEqual([[true, true, true]]);
    expect(g.groundTruth).toEqual([]);
  });

  it('records every credential with the person who holds it; clean accounts share none', () => {
    const g = gen({ seed: 5, users: 30 });
    const holders = new Map<string, number>();
    for (const p of Object.values(g.account.people)) for (const c of p.credentials) holders.set(JSON.stringify(c), (holders.get(JSON.stringify(c)) ?? 0) + 1);
    expect([...holders.values()].every((n) => n === 1)).toBe(true);
    for (const u of Object.values(g.account.users)) {
      if (u.loginProfile !== null) expect(holders.get(JSON.stringify({ kind: 'console', user: u.name }))).toBe(1);
      for (const k of u.accessKeys) expect(holders.get(JSON.stringify({ kind: 'access-key', accessKeyId: k.id }))).toBe(1);
    }
    expect(holders.get(JSON.stringify({ kind: 'root' }))).toBe(1);
  });

  it('marks shared credentials in account.people when practice 3 is injected', () => {
    const g = gen({ seed: 5, users: 10, violations: ['shared-credential-use', 'overlapping-console-sessions'] });
    const holders = new Map<string, number>();
    for (const p of Object.values(g.account.people)) for (const c of p.credentials) holders.set(JSON.stringify(c), (holders.get(JSON.stringify(c)) ?? 0) + 1);
    const shared = [...holders].filter(([, n]) => n > 1).map(([c, n]) => [JSON.parse(c).kind, n]);
    expect(shared.sort()).toEqual([['access-key', 6], ['console', 2]]);
    expect(g.groundTruth.map((t) => t.checkId)).toEqual(['overlapping-console-sessions', 'shared-credential-use']);
  });

  it('injects every check id with "all" except the one excluded by its pair, and lists the ids', () => {
    const g = gen({ seed: 3, users: 5, violations: 'all' });
    expect(g.injected).toEqual(INJECTABLE.filter((id) => id !== 'root-virtual-mfa-only').sort());
    expect(new Set(g.groundTruth.map((t) => t.checkId))).toEqual(new Set(g.injected));
  });

  it('reports bad options with their pointers instead of throwing', () => {
    const r = validateGenerateOptions({ seed: 1, users: 0, days: -3, violations: ['root-mfa-missing', 'no-such-check'], start: 'yesterday' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.path)).toEqual(['/users', '/days', '/start', '/violations/1']);
  });

  it('reports progress for both phases, ending at the totals', () => {
    const seen: string[] = [];
    gen({ seed: 2, users: 8, onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(seen).toContain('configure 8/8');
    expect(seen.at(-1)).toMatch(/^activity (\d+)\/\1$/);
  });
});
