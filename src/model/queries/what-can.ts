/**
 * "What can principal P do?", summarised by service and access level the way the IAM console's policy summary does
 * ("Full access", or "Limited: N of M actions" per level). Read from the policy text, like the console:
 * - an action is granted when an Allow statement's Action/NotAction covers it (expanded against the real action list);
 * - then narrowed by the permissions boundary (if any) and by every SCP level (if SCPs apply);
 * - unconditional `Resource: "*"` Deny statements remove actions; conditional or resource-scoped grants and denies are
 *   reported as flags (`resources: 'Some resources'`, `conditions: true`, `partialDenies`) rather than guessed at.
 * Use whoCan()/request() for an exact answer on one resource.
 */
import { ACCESS_LEVELS, allActions, catalogAction, expandActions, serviceActions, serviceName, type AccessLevel } from '../action-catalog.js';
import { principalPolicies, type GatheredPolicy } from '../policies-for.js';
import type { Account } from '../types.js';
import { findPrincipal, type QueryPrincipal } from './find-principal.js';
import { subjectOf } from './policies-for.js';

/** How much of one access level of one service is granted. */
export interface LevelSummary {
  readonly level: AccessLevel;
  readonly allowed: number;
  readonly total: number;
  readonly access: 'Full' | 'Limited' | 'None';
}

/** One service's line of the summary. */
export interface ServiceSummary {
  readonly service: string;
  readonly name: string;
  readonly access: 'Full access' | 'Limited';
  readonly allowed: number;
  readonly total: number;
  /** Levels in console order (List, Read, Write, Permissions management, Tagging), only those with actions. */
  readonly levels: readonly LevelSummary[];
  /** Console wording: `Full: List, Read  Limited: Write`. */
  readonly text: string;
  /** 'Some resources' when any granting statement names resources other than `*` (or uses NotResource). */
  readonly resources: 'All resources' | 'Some resources';
  /** True when any granting statement has a Condition. */
  readonly conditions: boolean;
  /** Actions of this service hit by a conditional or resource-scoped Deny (not removed). */
  readonly partialDenies: number;
}

/** The answer of whatCan(). */
export interface WhatCanAnswer {
  readonly principal: QueryPrincipal;
  readonly services: readonly ServiceSummary[];
  readonly allowedActions: number;
}

interface Flags {
  restricted: boolean;
  conditional: boolean;
}

type Stmt = Readonly<Record<string, unknown>>;

function statementsOf(doc: Readonly<Record<string, unknown>>): readonly Stmt[] {
  const s = doc.Statement;
  if (Array.isArray(s)) return s.filter((x): x is Stmt => x !== null && typeof x === 'object');
  return s !== null && typeof s === 'object' ? [s as Stmt] : [];
}

const strings = (v: unknown): readonly string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The canonical actions a statement's Action/NotAction covers. */
function actionsOf(st: Stmt): readonly string[] {
  if (st.Action !== undefined) {
    const out = new Set<string>();
    for (const p of strings(st.Action)) for (const a of expandActions(p)) out.add(a);
    return [...out];
  }
  if (st.NotAction !== undefined) {
    const excluded = new Set<string>();
    for (const p of strings(st.NotAction)) for (const a of expandActions(p)) excluded.add(a);
    return allActions().filter((a) => !excluded.has(a));
  }
  return [];
}

const allResources = (st: Stmt): boolean => st.NotResource === undefined && (st.Resource === undefined || strings(st.Resource).includes('*'));
const hasCondition = (st: Stmt): boolean => st.Condition !== undefined && st.Condition !== null && typeof st.Condition === 'object' && Object.keys(st.Condition).length > 0;

/** What a list of policies grants (Allow statements), with flags, and what it denies outright or partially. */
function grants(policies: readonly GatheredPolicy[]): { allow: Map<string, Flags>; deny: Set<string>; partialDeny: Set<string> } {
  const allow = new Map<string, Flags>();
  const deny = new Set<string>();
  const partialDeny = new Set<string>();
  for (const p of policies) {
    for (const st of statementsOf(p.document)) {
      const acts = actionsOf(st);
      if (st.Effect === 'Allow') {
        const restricted = !allResources(st);
        const conditional = hasCondition(st);
        for (const a of acts) {
          const f = allow.get(a);
          if (f === undefined) allow.set(a, { restricted, conditional });
          else {
            f.restricted &&= restricted;
            f.conditional &&= conditional;
          }
        }
      } else if (st.Effect === 'Deny') {
        const total = allResources(st) && !hasCondition(st);
        for (const a of acts) (total ? deny : partialDeny).add(a);
      }
    }
  }
  return { allow, deny, partialDeny };
}

/** Summarises what a principal (ARN, `user/NAME`, `role/NAME` or `root`) may do; undefined when it does not exist. */
export function whatCan(account: Account, principalArn: string): WhatCanAnswer | undefined {
  const principal = findPrincipal(account, principalArn);
  if (principal === undefined) return undefined;
  const pp = principalPolicies(account, subjectOf(principal));
  let allowed: Map<string, Flags>;
  const denied = new Set<string>();
  const partial = new Set<string>();
  if (principal.kind === 'root') {
    allowed = new Map(allActions().map((a) => [a, { restricted: false, conditional: false }]));
  } else {
    const id = grants(pp.identity);
    allowed = id.allow;
    id.deny.forEach((a) => denied.add(a));
    id.partialDeny.forEach((a) => partial.add(a));
  }
  const gates = [...(pp.boundary !== null ? [[pp.boundary]] : []), ...(pp.scp ?? [])];
  for (const gate of gates) {
    const g = grants(gate);
    for (const a of [...allowed.keys()]) if (!g.allow.has(a)) allowed.delete(a);
    g.deny.forEach((a) => denied.add(a));
    g.partialDeny.forEach((a) => partial.add(a));
  }
  for (const a of denied) allowed.delete(a);

  const byService = new Map<string, string[]>();
  for (const a of allowed.keys()) {
    const svc = catalogAction(a)?.service;
    if (svc === undefined) continue;
    const list = byService.get(svc);
    if (list === undefined) byService.set(svc, [a]);
    else list.push(a);
  }
  const services: ServiceSummary[] = [];
  for (const svc of [...byService.keys()].sort()) {
    const granted = byService.get(svc)!;
    const grantedSet = new Set(granted);
    const all = serviceActions(svc);
    const levels: LevelSummary[] = [];
    for (const level of ACCESS_LEVELS) {
      const ofLevel = all.filter((a) => a.level === level);
      if (ofLevel.length === 0) continue;
      const n = ofLevel.filter((a) => grantedSet.has(a.action)).length;
      levels.push({ level, allowed: n, total: ofLevel.length, access: n === 0 ? 'None' : n === ofLevel.length ? 'Full' : 'Limited' });
    }
    const full = granted.length === all.length;
    const fullLevels = levels.filter((l) => l.access === 'Full').map((l) => l.level);
    const limitedLevels = levels.filter((l) => l.access === 'Limited').map((l) => `${l.level} (${l.allowed} of ${l.total})`);
    const text = full ? 'Full access' : [fullLevels.length > 0 ? `Full: ${fullLevels.join(', ')}` : '', limitedLevels.length > 0 ? `Limited: ${limitedLevels.join(', ')}` : ''].filter((x) => x !== '').join('  ');
    services.push({
      service: svc,
      name: serviceName(svc) ?? svc,
      access: full ? 'Full access' : 'Limited',
      allowed: granted.length,
      total: all.length,
      levels,
      text,
      resources: granted.some((a) => allowed.get(a)!.restricted) ? 'Some resources' : 'All resources',
      conditions: granted.some((a) => allowed.get(a)!.conditional),
      partialDenies: granted.filter((a) => partial.has(a)).length,
    });
  }
  return { principal, services, allowedActions: allowed.size };
}
