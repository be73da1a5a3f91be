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
  /** True when the resource policy must itself allow (role trust policies, KMS key policies). */
  readonly resourceMustAllow?: boolean;
}

/** Where each raw field goes: its policy kind and whether it is a list, a list of levels, or one document. */
const FIELDS = {
  identity: { kind: 'identity', shape: 'list' },
  resource: { kind: 'resource', shape: 'one' },
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
 * is prefixed with `pathPrefix` plus the document's place, e.g. `/policies/identity/0/Statement/0/Effect`. Never throws.
 */
export function compilePolicySet(raw: unknown, pathPrefix = ''): Result<PolicySet, PolicyProblem[]> {
  if (!isObject(raw)) {
    return err([shapeProblem(pathPrefix || '/', 'The policy set must be a JSON object.', 'Write {"identity": [DOC, …], "resource": DOC, "boundary": DOC, "session": DOC, "scp": [[DOC, …], …], "rcp": [[DOC, …], …]}.')]);
  }
  const problems: PolicyProblem[] = [];
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
      problems.push(shapeProblem(path, `Unknown policy set field "${key}".`, 'The fields are identity, resource, boundary, session, scp, rcp and resourceMustAllow.'));
      continue;
    }
    if (value === undefined || value === null) continue;
    const { kind, shape } = FIELDS[key];
    switch (shape) {
      case 'one': {
        const compiled = compileAt(value, kind, key, path);
        if (key === 'resource') out.resource = compiled;
        else out.boundary = compiled;
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
          level.map((d, i) => compileAt(d, kind, `${key}[${l}][${i}]`, `${path}/${l}/${i}`)).filter((c): c is CompiledPolicy => c !== null),
        );
        if (key === 'scp') out.scp = levels;
        else out.rcp = levels;
        break;
      }
      default: {
        const never: never = shape;
        return never;
      }
    }
  }
  return problems.some((p) => p.severity === 'error') ? err(problems) : ok(out);
}
