/**
 * Parsing and validation of policy documents of every kind (sheet §6), compiled once into the form evaluate() reuses.
 * Every problem is collected with a JSON pointer, an IAM-like message and a hint; nothing here throws on any input.
 */
import { err, ok, type Result } from '../result.js';
import type { CompiledPolicy, CompiledStatement, PolicyDocument, PolicyKind, PolicyProblem, StatementIndex, StatementRef } from './types.js';
import { compileActionPattern, indexActions } from './match/action.js';
import { compileResourcePattern } from './match/resource.js';
import { compilePrincipal } from './match/principal.js';
import { compileConditionBlock, isEmptyConditionBlock } from './conditions/index.js';
import { problem } from './validate/messages.js';
import { jsonType, pointer } from './validate/pointer.js';
import { KIND_RULES, type KindRules } from './validate/kind-rules.js';
import { characterProblems } from './validate/characters.js';
import { sizeProblems } from './validate/size.js';
import { actionProblems } from './validate/action.js';
import { resourceProblems } from './validate/resource.js';
import { principalProblems } from './validate/principal.js';
import { duplicateKeyProblems } from './validate/duplicate-keys.js';

/** How to compile a policy. */
export interface CompileOptions {
  /** The policy's id, carried into every StatementRef (e.g. a managed policy ARN, or `user/alice/inline/name`). */
  readonly id: string;
  readonly kind: PolicyKind;
  /** CreatePolicy / CreatePolicyVersion reject anything but Version 2012-10-17 [I-moto]; set this for managed policies and boundaries. */
  readonly requireVersion2012?: boolean;
  /** Overrides the kind's default size limit (validate/kind-rules.ts); null skips the size check (e.g. when the caller checks an aggregate). */
  readonly sizeLimit?: number | null;
}

const TOP_KEYS: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS: ReadonlySet<string> = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const SID = /^[A-Za-z0-9]*$/;

function isObject(v: unknown): v is Readonly<Record<string, unknown>> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads a string-or-array-of-strings element; reports and returns null when it is not one. */
function stringList(raw: unknown, path: string, element: string, out: PolicyProblem[]): readonly string[] | null {
  if (typeof raw === 'string') return [raw];
  if (!Array.isArray(raw)) {
    out.push(problem('not-a-string-list', path, { element }));
    return null;
  }
  const list: string[] = [];
  raw.forEach((v: unknown, i) => {
    if (typeof v === 'string') list.push(v);
    else out.push(problem('not-a-string', pointer(path, i), { element, type: jsonType(v) }));
  });
  return list.length === raw.length ? list : null;
}

/** The pointer of entry `i` of an element that may be a lone string. */
function entryPath(raw: unknown, path: string, i: number): string {
  return typeof raw === 'string' ? path : pointer(path, i);
}

interface StatementContext {
  readonly id: string;
  readonly kind: PolicyKind;
  readonly rules: KindRules;
  readonly variables: boolean;
  readonly sids: Map<string, number>;
  readonly out: PolicyProblem[];
}

function compileStatement(raw: unknown, index: number, path: string, c: StatementContext): CompiledStatement | null {
  const { out, rules, kind } = c;
  if (!isObject(raw)) {
    out.push(problem('statement-not-object', path, { type: jsonType(raw) }));
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(key)) out.push(problem('unknown-element', pointer(path, key), { key, allowed: [...STATEMENT_KEYS].join(', ') }));
  }

  let sid: string | undefined;
  if ('Sid' in raw) {
    const at = pointer(path, 'Sid');
    if (typeof raw['Sid'] !== 'string') out.push(problem('not-a-string', at, { element: 'Sid', type: jsonType(raw['Sid']) }));
    else {
      sid = raw['Sid'];
      if (rules.sidAlphanumeric && !SID.test(sid)) out.push(problem('sid-invalid', at, { sid }));
      const other = c.sids.get(sid);
      if (other !== undefined && sid !== '') out.push(problem(rules.sidUnique === 'error' ? 'sid-duplicate' : 'sid-duplicate-warning', at, { sid, other }));
      else c.sids.set(sid, index);
    }
  }

  let effect: 'Allow' | 'Deny' | null = null;
  const effectRaw = raw['Effect'];
  if (effectRaw === undefined) out.push(problem('effect-missing', path));
  else if (effectRaw === 'Allow' || effectRaw === 'Deny') effect = effectRaw;
  else if (typeof effectRaw !== 'string') out.push(problem('not-a-string', pointer(path, 'Effect'), { element: 'Effect', type: jsonType(effectRaw) }));
  else if (effectRaw.toLowerCase() === 'allow' || effectRaw.toLowerCase() === 'deny') {
    out.push(problem('effect-case', pointer(path, 'Effect'), { value: effectRaw, expected: effectRaw.toLowerCase() === 'allow' ? 'Allow' : 'Deny' }));
  } else out.push(problem('effect-invalid', pointer(path, 'Effect'), { value: effectRaw }));

  // Action / NotAction: exactly one, required everywhere.
  const hasAction = 'Action' in raw;
  const hasNotAction = 'NotAction' in raw;
  let actions: readonly string[] | null = null;
  if (hasAction && hasNotAction) out.push(problem('both-elements', path, { a: 'Action', b: 'NotAction' }));
  else if (!hasAction && !hasNotAction) out.push(problem('action-missing', path));
  else {
    const element = hasAction ? 'Action' : 'NotAction';
    const at = pointer(path, element);
    actions = stringList(raw[element], at, element, out);
    if (actions !== null && actions.length === 0) out.push(problem('action-missing', at));
    actions?.forEach((a, i) => out.push(...actionProblems(a, entryPath(raw[element], at, i))));
  }

  // Resource / NotResource: exactly one where required; prohibited in role trust policies.
  const hasResource = 'Resource' in raw;
  const hasNotResource = 'NotResource' in raw;
  let resources: readonly string[] | null = null;
  if (rules.resource === 'forbidden') {
    if (hasResource) out.push(problem('resource-prohibited', pointer(path, 'Resource'), { element: 'Resource' }));
    if (hasNotResource) out.push(problem('resource-prohibited', pointer(path, 'NotResource'), { element: 'NotResource' }));
  } else if (hasResource && hasNotResource) out.push(problem('both-elements', path, { a: 'Resource', b: 'NotResource' }));
  else if (!hasResource && !hasNotResource) out.push(problem('resource-missing', path));
  else {
    const element = hasResource ? 'Resource' : 'NotResource';
    const at = pointer(path, element);
    resources = stringList(raw[element], at, element, out);
    if (resources !== null && resources.length === 0) out.push(problem('resource-missing', at));
    const shortIsError = kind !== 'resource';
    resources?.forEach((r, i) => out.push(...resourceProblems(r, entryPath(raw[element], at, i), shortIsError, c.variables)));
  }

  // Principal / NotPrincipal: only in resource-based policies (resource, trust, rcp).
  const hasPrincipal = 'Principal' in raw;
  const hasNotPrincipal = 'NotPrincipal' in raw;
  if (rules.principal === 'forbidden') {
    if (hasPrincipal) out.push(problem('principal-not-allowed', pointer(path, 'Principal'), { kind, element: 'Principal' }));
    if (hasNotPrincipal) out.push(problem('principal-not-allowed', pointer(path, 'NotPrincipal'), { kind, element: 'NotPrincipal' }));
  } else if (hasPrincipal && hasNotPrincipal) out.push(problem('both-elements', path, { a: 'Principal', b: 'NotPrincipal' }));
  else if (hasNotPrincipal) {
    const at = pointer(path, 'NotPrincipal');
    if (!rules.notPrincipal) out.push(problem('not-principal-not-allowed', at, { kind }));
    else {
      if (effect === 'Allow') out.push(problem('not-principal-allow', at));
      out.push(...principalProblems(raw['NotPrincipal'], at, 'NotPrincipal'));
    }
  } else if (!hasPrincipal) out.push(problem('principal-missing', path));
  else {
    const at = pointer(path, 'Principal');
    if (rules.principal === 'star' && raw['Principal'] !== '*') out.push(problem('principal-rcp', at));
    else out.push(...principalProblems(raw['Principal'], at, 'Principal'));
  }

  let condition: CompiledStatement['condition'] = null;
  if ('Condition' in raw) {
    const compiled = compileConditionBlock(raw['Condition'], pointer(path, 'Condition'), { variables: c.variables });
    out.push(...compiled.problems);
    if (!isEmptyConditionBlock(compiled.block)) condition = compiled.block;
  }

  // Stryker disable next-line ConditionalExpression: a null Effect was reported as an error, so the statement would be dropped with the whole policy anyway.
  if (effect === null) return null;
  if (actions === null) return null;
  const ref: StatementRef = sid !== undefined ? { policyId: c.id, policyKind: kind, sid, index } : { policyId: c.id, policyKind: kind, index };
  const principalRaw = hasNotPrincipal ? raw['NotPrincipal'] : hasPrincipal ? raw['Principal'] : undefined;
  const actionPatterns = actions.map(compileActionPattern);
  return {
    ref,
    effect,
    notAction: hasNotAction,
    actions: actionPatterns,
    actionIndex: indexActions(actionPatterns),
    // A role trust policy has neither (resources stays null; NotResource there is an error, so nothing is compiled).
    notResource: hasNotResource,
    resources: resources === null ? null : resources.map((r) => compileResourcePattern(r, c.variables)),
    notPrincipal: hasNotPrincipal && !hasPrincipal,
    principals: principalRaw === undefined ? null : compilePrincipal(principalRaw),
    condition,
  };
}

/** The literal services a statement's Action names, or null when it can match any service (wildcard service, NotAction). */
function servicesOf(st: CompiledStatement): string[] | null {
  if (st.notAction) return null;
  const out: string[] = [];
  for (const a of st.actions) {
    if (a.kind === 'all') return null;
    if (a.kind === 'split') {
      if (a.service.kind !== 'literal') return null;
      out.push(a.service.text);
    }
  }
  return out;
}

/** Indexes statements by the services their actions name (document order kept in every list). */
function indexStatements(statements: readonly CompiledStatement[]): StatementIndex {
  const services = statements.map(servicesOf);
  const named = new Set<string>();
  for (const list of services) if (list !== null) for (const svc of list) named.add(svc);
  const byService = new Map<string, CompiledStatement[]>();
  for (const svc of named) byService.set(svc, statements.filter((_, i) => services[i] === null || services[i]!.includes(svc)));
  return { byService, other: statements.filter((_, i) => services[i] === null) };
}

function compileUnchecked(input: unknown, opts: CompileOptions): Result<CompiledPolicy, readonly PolicyProblem[]> {
  let document: unknown = input;
  const textProblems: PolicyProblem[] = [];
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input) as unknown;
    } catch (e) {
      return err([problem('invalid-json', '', { detail: e instanceof Error ? e.message : String(e) })]);
    }
    textProblems.push(...duplicateKeyProblems(input));
  }
  if (!isObject(document)) return err([problem('document-not-object', '', { type: jsonType(document) })]);
  const rules = KIND_RULES[opts.kind];
  const out: PolicyProblem[] = textProblems;

  for (const key of Object.keys(document)) {
    // moto, which copies IAM's validation, tolerates an obsolete top-level Conditions element (sheet §6.1).
    if (key === 'Conditions') out.push(problem('obsolete-element', pointer('', key), { key }));
    else if (!TOP_KEYS.has(key)) out.push(problem('unknown-element', pointer('', key), { key, allowed: 'Version, Id, Statement' }));
  }

  let version: string | null = null;
  if ('Version' in document) {
    const v = document['Version'];
    if (v === '2012-10-17' || v === '2008-10-17') version = v;
    else out.push(problem('version-invalid', '/Version', { value: typeof v === 'string' ? v : JSON.stringify(v) ?? String(v) }));
  }
  if (opts.requireVersion2012 === true && version !== '2012-10-17' && !(out.some((p) => p.path === '/Version'))) {
    out.push(problem('version-required-2012', version === null ? '' : '/Version'));
  } else if (!('Version' in document)) out.push(problem('version-absent', ''));

  if ('Id' in document) {
    if (!rules.id) out.push(problem('id-not-allowed', '/Id', { kind: opts.kind }));
    else if (typeof document['Id'] !== 'string') out.push(problem('not-a-string', '/Id', { element: 'Id', type: jsonType(document['Id']) }));
  }

  const variables = version === '2012-10-17';
  const context: StatementContext = { id: opts.id, kind: opts.kind, rules, variables, sids: new Map(), out };
  const statements: CompiledStatement[] = [];
  const raw = document['Statement'];
  if (raw === undefined) out.push(problem('statement-missing', ''));
  else if (Array.isArray(raw)) {
    if (raw.length === 0) out.push(problem('statement-empty', '/Statement'));
    raw.forEach((s: unknown, i) => {
      const st = compileStatement(s, i, pointer('/Statement', i), context);
      // Stryker disable next-line ConditionalExpression: a statement compiles to null only after reporting an error, and a policy with errors keeps no statements.
      if (st !== null) statements.push(st);
    });
  } else {
    const st = compileStatement(raw, 0, '/Statement', context);
    // Stryker disable next-line ConditionalExpression: a statement compiles to null only after reporting an error, and a policy with errors keeps no statements.
    if (st !== null) statements.push(st);
  }

  out.push(...characterProblems(document));
  const limit = opts.sizeLimit === undefined ? rules.sizeLimit : opts.sizeLimit;
  if (limit !== null) out.push(...sizeProblems(document, opts.kind, limit, rules.sizeUnit));

  if (out.some((p) => p.severity === 'error')) return err(out);
  return ok({ id: opts.id, kind: opts.kind, version, document: document as PolicyDocument, statements, warnings: out, index: indexStatements(statements) });
}

/**
 * Validates a policy document of the given kind and compiles it. Returns every problem (errors and warnings, each
 * with a JSON pointer) when any is an error; otherwise the compiled policy with its warnings. A string is parsed as
 * JSON first, and checked for duplicate keys (which a parsed object can no longer show). Never throws, whatever the input.
 */
export function compilePolicy(document: unknown, opts: CompileOptions): Result<CompiledPolicy, readonly PolicyProblem[]> {
  try {
    return compileUnchecked(document, opts);
  } catch (e) {
    return err([problem('internal-error', '', { detail: e instanceof Error ? e.message : String(e) })]);
  }
}
