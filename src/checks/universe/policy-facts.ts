/** Reads what a policy document mentions: action patterns, resource patterns, and condition clauses. */
import type { PolicyDocument } from '../../evaluator/types.js';

/** One condition clause as written: operator (e.g. `ForAnyValue:StringLikeIfExists`), key, values as strings. */
export interface ConditionFact {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

/** What a set of policy documents mentions. */
export interface PolicyFacts {
  readonly actionPatterns: readonly string[];
  /**
   * Each distinct Action or NotAction element (its pattern list, lowercased and sorted). The evaluator only asks
   * whether an action matches an element as a whole, so elements, not single patterns, define action classes.
   */
  readonly actionElements: readonly (readonly string[])[];
  readonly resourcePatterns: readonly string[];
  readonly conditions: readonly ConditionFact[];
}

/** A statement as an object, whatever shape the document used; malformed parts are skipped (the evaluator reports them). */
export type RawStatement = Readonly<Record<string, unknown>>;

/** The statements of a document: `Statement` may be one object or an array. */
export function statementsOf(doc: PolicyDocument): readonly RawStatement[] {
  const s = doc['Statement'];
  if (Array.isArray(s)) return s.filter((x): x is RawStatement => typeof x === 'object' && x !== null && !Array.isArray(x));
  if (typeof s === 'object' && s !== null) return [s as RawStatement];
  return [];
}

/** A string-or-array element as a list of strings (numbers and booleans become strings, as IAM allows). */
export function stringsOf(v: unknown): readonly string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean').map(String);
}

/** The condition clauses of one statement. */
export function conditionsOf(st: RawStatement): readonly ConditionFact[] {
  const c = st['Condition'];
  if (typeof c !== 'object' || c === null) return [];
  const out: ConditionFact[] = [];
  for (const [operator, body] of Object.entries(c as Record<string, unknown>)) {
    if (typeof body !== 'object' || body === null) continue;
    for (const [key, values] of Object.entries(body as Record<string, unknown>)) out.push({ operator, key, values: stringsOf(values) });
  }
  return out;
}

const perDocument = new WeakMap<PolicyDocument, PolicyFacts>();

/** Collects, without duplicates, everything a set of documents mentions (each document's facts are computed once). */
export function policyFacts(docs: readonly PolicyDocument[]): PolicyFacts {
  if (docs.length === 1) return documentFacts(docs[0] as PolicyDocument);
  const actions = new Set<string>();
  const elements = new Map<string, readonly string[]>();
  const resources = new Set<string>();
  const conditions = new Map<string, ConditionFact>();
  for (const d of docs) {
    const f = documentFacts(d);
    for (const a of f.actionPatterns) actions.add(a);
    for (const el of f.actionElements) elements.set(el.join('\u0000'), el);
    for (const r of f.resourcePatterns) resources.add(r);
    for (const c of f.conditions) conditions.set(JSON.stringify([c.operator, c.key.toLowerCase(), c.values]), c);
  }
  return { actionPatterns: [...actions], actionElements: [...elements.values()], resourcePatterns: [...resources], conditions: [...conditions.values()] };
}

function documentFacts(doc: PolicyDocument): PolicyFacts {
  const hit = perDocument.get(doc);
  if (hit !== undefined) return hit;
  const f = collect([doc]);
  if (Object.isFrozen(doc)) perDocument.set(doc, f);
  return f;
}

function collect(docs: readonly PolicyDocument[]): PolicyFacts {
  const actions = new Set<string>();
  const elements = new Map<string, readonly string[]>();
  const resources = new Set<string>();
  const conditions = new Map<string, ConditionFact>();
  for (const doc of docs) {
    for (const st of statementsOf(doc)) {
      for (const el of [stringsOf(st['Action']), stringsOf(st['NotAction'])]) {
        if (el.length === 0) continue;
        for (const a of el) actions.add(a);
        const norm = [...new Set(el.map((a) => a.toLowerCase()))].sort();
        elements.set(norm.join('\u0000'), norm);
      }
      for (const r of [...stringsOf(st['Resource']), ...stringsOf(st['NotResource'])]) resources.add(r);
      for (const f of conditionsOf(st)) conditions.set(JSON.stringify([f.operator, f.key.toLowerCase(), f.values]), f);
    }
  }
  return { actionPatterns: [...actions], actionElements: [...elements.values()], resourcePatterns: [...resources], conditions: [...conditions.values()] };
}
