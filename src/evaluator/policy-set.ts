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
