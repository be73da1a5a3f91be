/**
 * Validation of Principal / NotPrincipal values (sheet §2.3): `"*"` or an object with AWS, Service, Federated and
 * CanonicalUser entries; AWS entries are `*`, an account id, or a root, user, role, assumed-role or federated-user ARN;
 * no partial wildcards [D-2023 reference_policies_elements_principal.html].
 */
import type { PolicyProblem } from '../types.js';
import { problem } from './messages.js';
import { jsonType, pointer } from './pointer.js';

const TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const AWS_FORMS: readonly RegExp[] = [
  /^\d{12}$/,
  /^arn:[a-z0-9-]+:iam::\d{12}:root$/,
  /^arn:[a-z0-9-]+:iam::\d{12}:(user|role)\/[^*?]+$/,
  /^arn:[a-z0-9-]+:sts::\d{12}:assumed-role\/[^/*?]+\/[^*?]+$/,
  /^arn:[a-z0-9-]+:sts::\d{12}:federated-user\/[^*?]+$/,
];

function awsProblem(value: string): string | null {
  if (value === '*') return null;
  if (/[*?]/.test(value)) return 'You cannot use a wildcard to match part of a principal name or ARN; use a Condition with aws:PrincipalArn and ArnLike.';
  if (AWS_FORMS.some((r) => r.test(value))) return null;
  return 'An AWS principal is "*", a 12-digit account id, or an arn:aws:iam::ACCOUNT:root, user/…, role/…, or arn:aws:sts::ACCOUNT:assumed-role/…/… or federated-user/… ARN.';
}

function otherProblem(type: string, value: string): string | null {
  if (value.trim() === '') return `An empty ${type} principal names nobody.`;
  if (/[*?]/.test(value)) return `A ${type} principal cannot contain wildcards.`;
  return null;
}

/** Problems with a Principal or NotPrincipal value found at `path` (element is 'Principal' or 'NotPrincipal'). */
export function principalProblems(raw: unknown, path: string, element: string): PolicyProblem[] {
  if (raw === '*') return [];
  if (typeof raw === 'string') return [problem('principal-invalid', path, { type: element, value: raw, detail: 'A string principal must be "*"; write {"AWS": "…"} for an ARN or account.' })];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [problem('not-a-string', path, { element, type: jsonType(raw) })];
  const out: PolicyProblem[] = [];
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length === 0) out.push(problem('principal-invalid', path, { type: element, value: '{}', detail: 'Name at least one principal.' }));
  for (const [type, value] of entries) {
    const at = pointer(path, type);
    if (!(TYPES as readonly string[]).includes(type)) {
      out.push(problem('principal-type-unknown', at, { type }));
      continue;
    }
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
    if (list === null || list.length === 0) {
      out.push(problem('not-a-string-list', at, { element: `${element}.${type}` }));
      continue;
    }
    list.forEach((v: unknown, i) => {
      const vat = typeof value === 'string' ? at : pointer(at, i);
      if (typeof v !== 'string') {
        out.push(problem('not-a-string', vat, { element: `${element}.${type}`, type: jsonType(v) }));
        return;
      }
      const detail = type === 'AWS' ? awsProblem(v) : otherProblem(type, v);
      if (detail !== null) out.push(problem('principal-invalid', vat, { type, value: v, detail }));
    });
  }
  return out;
}
