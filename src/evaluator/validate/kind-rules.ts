/**
 * What each policy kind allows (sheet §6.1, §6.2, §2.3): where Principal/NotPrincipal and Resource may appear, whether
 * Id is allowed, whether Sids must be IAM-style, and the default size limit.
 */
import type { PolicyKind } from '../types.js';

/** The grammar differences between policy kinds. */
export interface KindRules {
  /** `forbidden`: identity-like policies; `required`: resource and trust policies; `star`: RCPs (only `"*"`). */
  readonly principal: 'forbidden' | 'required' | 'star';
  /** Whether NotPrincipal is supported (only resource-based policies, and only with Deny). */
  readonly notPrincipal: boolean;
  /** `required` everywhere except role trust policies, where Resource is prohibited. */
  readonly resource: 'required' | 'forbidden';
  /** Whether the top-level Id element is allowed ("must not be included in identity-based policies" [D-2023]). */
  readonly id: boolean;
  /** IAM policies allow only `A–Z a–z 0–9` in Sid [D-2023 grammar notes]. */
  readonly sidAlphanumeric: boolean;
  /** Duplicate Sids: an error in IAM [I-moto], a warning elsewhere. */
  readonly sidUnique: 'error' | 'warning';
  /** Default size limit and how it is counted (sheet §6.2). */
  readonly sizeLimit: number;
  readonly sizeUnit: 'chars' | 'bytes';
}

/** The rules per kind. Identity defaults to 10,240 characters, the largest an inline (role) policy may be; pass `sizeLimit` for managed policies (6,144). */
export const KIND_RULES: Readonly<Record<PolicyKind, KindRules>> = {
  identity: { principal: 'forbidden', notPrincipal: false, resource: 'required', id: false, sidAlphanumeric: true, sidUnique: 'error', sizeLimit: 10_240, sizeUnit: 'chars' },
  boundary: { principal: 'forbidden', notPrincipal: false, resource: 'required', id: false, sidAlphanumeric: true, sidUnique: 'error', sizeLimit: 6_144, sizeUnit: 'chars' },
  session: { principal: 'forbidden', notPrincipal: false, resource: 'required', id: false, sidAlphanumeric: true, sidUnique: 'error', sizeLimit: 2_048, sizeUnit: 'chars' },
  trust: { principal: 'required', notPrincipal: false, resource: 'forbidden', id: true, sidAlphanumeric: true, sidUnique: 'error', sizeLimit: 2_048, sizeUnit: 'chars' },
  resource: { principal: 'required', notPrincipal: true, resource: 'required', id: true, sidAlphanumeric: false, sidUnique: 'warning', sizeLimit: 20_480, sizeUnit: 'bytes' },
  scp: { principal: 'forbidden', notPrincipal: false, resource: 'required', id: true, sidAlphanumeric: false, sidUnique: 'error', sizeLimit: 5_120, sizeUnit: 'bytes' },
  rcp: { principal: 'star', notPrincipal: false, resource: 'required', id: true, sidAlphanumeric: false, sidUnique: 'error', sizeLimit: 5_120, sizeUnit: 'bytes' },
};
