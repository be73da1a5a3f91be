/**
 * Policy size as AWS counts it (sheet §6.2): IAM counts characters without whitespace; Organizations counts bytes
 * with whitespace. A parsed document has lost its original layout, so sizes are measured on its compact JSON form.
 */
import type { PolicyKind, PolicyProblem } from '../types.js';
import { problem } from './messages.js';

/** The documented limits, for callers that check aggregates (inline policies are limited per user, group or role). */
export const SIZE_LIMITS = {
  managed: 6_144,
  inlineUser: 2_048,
  inlineGroup: 5_120,
  inlineRole: 10_240,
  trust: 2_048,
  trustRaised: 4_096,
  session: 2_048,
  scp: 5_120,
  rcp: 5_120,
} as const;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The size of a document: `chars` counts non-whitespace characters of its compact JSON (IAM's rule), `bytes` counts
 * UTF-8 bytes of its compact JSON (Organizations' rule). A string document is measured as given. Never throws.
 */
// Stryker disable next-line StringLiteral: any unit other than 'bytes' counts characters, so another default counts them too.
export function policySize(doc: unknown, unit: 'chars' | 'bytes' = 'chars'): number {
  let text: string;
  try {
    text = typeof doc === 'string' ? doc : (JSON.stringify(doc) ?? '');
  } catch {
    return 0;
  }
  if (unit === 'bytes') return new TextEncoder().encode(text).length;
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}

/** A size-exceeded problem when the document is over `limit`, else nothing. */
export function sizeProblems(doc: unknown, kind: PolicyKind, limit: number, unit: 'chars' | 'bytes'): PolicyProblem[] {
  const size = policySize(doc, unit);
  if (size <= limit) return [];
  const counting = unit === 'chars' ? 'characters, whitespace not counted' : 'bytes, whitespace included';
  return [problem('size-exceeded', '', { limit, kind, size, unit: unit === 'chars' ? 'characters' : 'bytes', counting })];
}
