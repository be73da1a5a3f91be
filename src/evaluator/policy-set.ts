import { err, ok, type Result } from '../result.js';
import type { CompiledPolicy, PolicyKind, PolicyProblem, PolicySet } from './types.js';
import { compilePolicy } from './parse-policy.js';

/**
 * The raw policy set: the JSON shape of `iamsim evaluate --input` lines and of the library's compilePolicySet
 * (issue 2, batch mode). Every field is optional; `scp` and `rcp` are levels from the organization root down to the account.
 */

/** A raw, unvalidated policy document as it appears in JSON. */
export type RawPolicyDocument = unknown;

/** The raw policies that apply to one request. */
export interface RawPolicySet {
  readonly identity?: readonly RawPolicyDocument[];
  readonly resource?: RawPolicyDocument;
  readonly boundary?: RawPolicyDocument;
  readonly session?: RawPolicyDocument | readonly RawPolicyDocument[];
  readonly scp?: readonly (readonly RawPolicyDocument[])[];
  readonly rcp?: readonly (readonly RawPolicyDocument[])[];
  /** A role trust policy: compiled as kind 'trust' (no Resource element) in the resource policy's place; implies resourceMustAllow. */
  readonly trust?: RawPolicyDocument;
  /** True when the resource policy must itself allow (role trust policies, KMS key policies). */
  readonly resourceMustAllow?: boolean;
}

/** Options of compilePolicySet. */
export interface CompilePolicySetOptions {
  /**
   * The request's action. With `resourceMustAllow` and an sts:AssumeRole* action the `resource` document is the role's
   * trust policy, so it is compiled as kind 'trust' (where Resource is prohibited) rather than 'resource'.
   */
  readonly action?: string;
}

/** True for the actions a role trust policy governs: sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity. */
export function isAssumeRoleAction(action: string): boolean {
  return /^sts:assumerole(withsaml|withwebidentity)?$/i.test(action);
}

/** True when `raw.resource` is to be compiled as a trust policy: it must allow and the action is sts:AssumeRole*. */
export function resourceIsTrust(raw: unknown, opts: CompilePolicySetOptions = {}): boolean {
  return (
    isObject(raw) &&
    raw['resourceMustAllow'] === true &&
    // Stryker disable next-line ConditionalExpression: isAssumeRoleAction(undefined) is false too (its pattern tests the text "undefined").
    opts.action !== undefined &&
    isAssumeRoleAction(opts.action)
  );
}

/** Where each raw field goes: its policy kind and whether it is a list, a list of levels, or one document. */
const FIELDS = {
  identity: { kind: 'identity', shape: 'list' },
  resource: { kind: 'resource', shape: 'one' },
  trust: { kind: 'trust', shape: 'one' },
  boundary: { kind: 'boundary', shape: 'one' },
  session: { kind: 'session', shape: 'one-or-list' },
  scp: { kind: 'scp', shape: 'levels' },
  rcp: { kind: 'rcp', shape: 'levels' },
} as const satisfies Record<string, { kind: PolicyKind; shape: 'list' | 'one' | 'one-or-list' | 'levels' }>;

type Field = keyof typeof FIELDS;
const isField = (k: string): k is Field => Object.hasOwn(FIELDS, k);
const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === 'object' && !Array.isArray(v);

function shapeProblem(path: string, message: string, hint: string): PolicyProblem {
  return { code: 'policy-set-shape', severity: 'error', message, path, hint };
}

/**
 * Validates and compiles a raw policy set (the `policies` object of a batch line). Each document is compiled with its
 * kind and a generated id (`identity[0]`, `resource`, `boundary`, `session[0]`, `scp[1][0]`, …); every problem's path
 * is prefixed with `pathPrefix` plus the document's place, e.g. `/policies/identity/0/Statement/0/Effect`. A `trust`
 * document (or a `resource` one that must allow an sts:AssumeRole* `opts.action`) is compiled as a role trust policy.
 * Never throws.
 */
export function compilePolicySet(raw: unknown, pathPrefix = '', opts: CompilePolicySetOptions = {}): Result<PolicySet, PolicyProblem[]> {
  if (!isObject(raw)) {
    return err([shapeProblem(pathPrefix || '/', 'The policy set must be a JSON object.', 'Write {"identity": [DOC, …], "resource": DOC, "trust": DOC, "boundary": DOC, "session": DOC, "scp": [[DOC, …], …], "rcp": [[DOC, …], …]}.')]);
  }
  const problems: PolicyProblem[] = [];
  const hasTrust = raw['trust'] !== undefined && raw['trust'] !== null;
  if (hasTrust && raw['resource'] !== undefined && raw['resource'] !== null) {
    problems.push(shapeProblem(`${pathPrefix}/trust`, 'A policy set has one resource-side policy: give either trust or resource, not both.', 'Use trust for a role trust policy (sts:AssumeRole*), resource for any other resource-based policy.'));
  }
  if (hasTrust && raw['resourceMustAllow'] === false) {
    problems.push(shapeProblem(`${pathPrefix}/resourceMustAllow`, 'A role trust policy must always allow the caller itself; resourceMustAllow cannot be false with trust.', 'Drop resourceMustAllow: trust implies it.'));
  }
  const resourceKind: PolicyKind = resourceIsTrust(raw, opts) ? 'trust' : 'resource';
  const compileAt = (doc: unknown, kind: PolicyKind, id: string, path: string): CompiledPolicy | null => {
    const r = compilePolicy(doc, { id, kind });
    if (r.ok) return r.value;
    for (const p of r.error) problems.push({ ...p, path: `${path}${p.path}` });
    return null;
  };
  const out: { -readonly [K in keyof PolicySet]: PolicySet[K] } = { identity: [] };
  for (const [key, value] of Object.entries(raw)) {
    const path = `${pathPrefix}/${key}`;
    if (key === 'resourceMustAllow') {
      if (typeof value === 'boolean') out.resourceMustAllow = value;
      else problems.push(shapeProblem(path, 'resourceMustAllow must be true or false.', 'Use true for role trust policies and KMS key policies, which must themselves allow.'));
      continue;
    }
    if (!isField(key)) {
      problems.push(shapeProblem(path, `Unknown policy set field "${key}".`, 'The fields are identity, resource, trust, boundary, session, scp, rcp and resourceMustAllow.'));
      continue;
    }
    if (value === undefined || value === null) continue;
    const { kind, shape } = FIELDS[key];
    switch (shape) {
      case 'one': {
        const compiled = compileAt(value, key === 'resource' ? resourceKind : kind, key, path);
        // compiled is null only when the document had errors, and then the set is not returned.
        if (key === 'boundary') out.boundary = compiled;
        else {
          out.resource = compiled;
          if (key === 'trust') out.resourceMustAllow = true;
        }
        break;
      }
      case 'list':
      case 'one-or-list': {
        if (!Array.isArray(value) && shape === 'list') {
          problems.push(shapeProblem(path, `${key} must be an array of policy documents.`, `Wrap the document in brackets: "${key}": [DOC].`));
          break;
        }
        const docs: readonly unknown[] = Array.isArray(value) ? value : [value];
        const compiled = docs.map((d, i) => compileAt(d, kind, Array.isArray(value) ? `${key}[${i}]` : key, Array.isArray(value) ? `${path}/${i}` : path));
        // Stryker disable next-line MethodExpression,ConditionalExpression: a null entry comes with an error, and then the set is not returned.
        const good = compiled.filter((c): c is CompiledPolicy => c !== null);
        if (key === 'identity') out.identity = good;
        else out.session = good;
        break;
      }
      case 'levels': {
        if (!Array.isArray(value) || !value.every((level) => Array.isArray(level))) {
          problems.push(shapeProblem(path, `${key} must be an array of levels, each an array of policy documents.`, `Write "${key}": [[ROOT_DOC, …], [OU_DOC, …], [ACCOUNT_DOC, …]], root first.`));
          break;
        }
        const levels = (value as readonly (readonly unknown[])[]).map((level, l) =>
          // Stryker disable next-line MethodExpression,ConditionalExpression: a null entry comes with an error, and then the set is not returned.
          level.map((d, i) => compileAt(d, kind, `${key}[${l}][${i}]`, `${path}/${l}/${i}`)).filter((c): c is CompiledPolicy => c !== null),
        );
        if (key === 'scp') out.scp = levels;
        else out.rcp = levels;
        break;
      }
      // Stryker disable next-line ConditionalExpression,BlockStatement: exhaustive never check, unreachable for a well-typed shape.
      default: {
        const never: never = shape;
        return never;
      }
    }
  }
  // Every problem here is an error or comes with one: a document's warnings are returned only with its errors.
  return problems.length > 0 ? err(problems) : ok(out);
}
