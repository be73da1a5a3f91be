/**
 * Which imported inputs each check needs. A check declares `meta.needs`; for an imported account (one with
 * `importedFrom`) a need is met only when the files that supply it were present, otherwise the check is reported as
 * not evaluated, naming what is missing. A missing password-policy file is not a missing need: IAM returns
 * NoSuchEntity when there is no policy, so the absence means "none", which the password-policy check reports.
 */
import type { CheckMeta } from '../checks/types.js';
import type { Account } from '../model/types.js';
import { INPUT_INFO, type InputKind } from './types.js';

/** A check's need name. */
export type Need = NonNullable<CheckMeta['needs']>[number];

/** What is lacking: an input file, or data no AWS export holds. */
export type Lack = { readonly kind: 'input'; readonly input: InputKind } | { readonly kind: 'never-exported'; readonly what: string };

/** The input that meets each need; null when only a modelled account can meet it. */
const NEED_INPUT: Readonly<Record<Need, InputKind | 'organization'>> = {
  'credential-report': 'credential-report',
  'password-policy': 'authorization-details',
  activity: 'activity',
  'last-accessed': 'last-accessed',
  trails: 'trails',
  instances: 'instances',
  organization: 'organization',
};

/** Facts some checks rely on that AWS's exports cannot supply, by check id (their other needs come from meta.needs). */
const EXTRA: Readonly<Record<string, readonly Lack[]>> = {
  'weak-user-password': [{ kind: 'never-exported', what: 'password strength, which no AWS export reveals' }],
  'root-virtual-mfa-only': [{ kind: 'input', input: 'virtual-mfa-devices' }],
};

/** What an imported account lacks for a check; empty for a modelled account (no `importedFrom`) or when all is there. */
export function missingNeeds(account: Account, meta: Pick<CheckMeta, 'id' | 'needs'>): readonly Lack[] {
  const from = account.importedFrom;
  if (from === undefined) return [];
  const have = new Set(from.inputs);
  const out: Lack[] = [];
  for (const need of meta.needs ?? []) {
    const input = NEED_INPUT[need];
    if (input === 'organization') out.push({ kind: 'never-exported', what: 'AWS Organizations data, which the import does not read' });
    else if (!have.has(input)) out.push({ kind: 'input', input });
  }
  for (const lack of EXTRA[meta.id] ?? []) if (lack.kind === 'never-exported' || !have.has(lack.input)) out.push(lack);
  return out;
}

/** `needs the credential report, CloudTrail events`: the text of a not-evaluated reason. */
export const describeLacks = (lacks: readonly Lack[]): string =>
  `needs ${lacks.map((l) => (l.kind === 'input' ? INPUT_INFO[l.input].title : l.what)).join(', ')}`;
