/** Policies and statements as people name them in one-line explanations. */
import type { StatementRef } from '../evaluator/types.js';

/** A policy id as people name it: the managed policy's name, the inline policy's name, or the id itself. */
export function policyShortName(id: string): string {
  const inline = /\/inline\/(.+)$/.exec(id);
  if (inline) return inline[1]!;
  const managed = /:policy\/(?:.*\/)?([^/]+)$/.exec(id);
  return managed ? managed[1]! : id;
}

/** A statement as `AcmePartnerDrop/PartnerDrop` (policy and Sid) or `AdministratorAccess#0` (policy and index). */
export const statementName = (r: StatementRef): string => `${policyShortName(r.policyId)}${r.sid !== undefined && r.sid !== '' ? `/${r.sid}` : `#${r.index}`}`;
