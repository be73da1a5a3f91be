/**
 * IAM operation errors as values, with IAM's own error codes (see the IAM API reference, "Errors" of each action).
 * Messages are built from a template table keyed by code, so English lives in one place.
 */
import type { PolicyProblem } from '../evaluator/types.js';

/** The error codes an operation may fail with, as IAM names them. */
export const IAM_ERROR_CODES = [
  'NoSuchEntity',
  'EntityAlreadyExists',
  'LimitExceeded',
  'MalformedPolicyDocument',
  'DeleteConflict',
  'InvalidInput',
  'UnmodifiableEntity',
  'PasswordPolicyViolation',
  'PolicyNotAttachable',
] as const;

/** One IAM error code. */
export type IamErrorCode = (typeof IAM_ERROR_CODES)[number];

/** An operation failure. `path` is a JSON pointer into the operation input when the fault is in one field. */
export interface IamError {
  readonly code: IamErrorCode;
  readonly message: string;
  readonly path?: string;
  readonly hint?: string;
  /** For MalformedPolicyDocument: the parser's problems, with pointers into the document. */
  readonly problems?: readonly PolicyProblem[];
}

/** An error raised by the n-th call of a batch. */
export type IndexedIamError = IamError & { readonly index: number; readonly op: string };

/** What each code means, for renderers and hints. */
export const IAM_ERROR_INFO: Readonly<Record<IamErrorCode, { readonly http: number; readonly summary: string }>> = {
  NoSuchEntity: { http: 404, summary: 'The request referenced a resource entity that does not exist.' },
  EntityAlreadyExists: { http: 409, summary: 'The request tried to create a resource entity that already exists.' },
  LimitExceeded: { http: 409, summary: 'The request would exceed an IAM quota.' },
  MalformedPolicyDocument: { http: 400, summary: 'The policy document is malformed.' },
  DeleteConflict: { http: 409, summary: 'The entity cannot be deleted while other entities depend on it.' },
  InvalidInput: { http: 400, summary: 'An input parameter is invalid.' },
  UnmodifiableEntity: { http: 400, summary: 'The entity is AWS managed or service-linked and cannot be modified.' },
  PasswordPolicyViolation: { http: 400, summary: 'The password does not meet the account password policy.' },
  PolicyNotAttachable: { http: 400, summary: 'The policy can only be attached to service-linked roles.' },
};

/** Builds an IamError. */
export function iamError(code: IamErrorCode, message: string, extra: { path?: string; hint?: string; problems?: readonly PolicyProblem[] } = {}): IamError {
  return { code, message, ...extra };
}

/** NoSuchEntity for a named entity, in IAM's wording: "The user with name bob cannot be found." */
export const noSuchEntity = (kind: string, name: string, path?: string): IamError =>
  iamError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`, path !== undefined ? { path } : {});

/** EntityAlreadyExists in IAM's wording: "User with name bob already exists." */
export const alreadyExists = (kind: string, name: string, path?: string): IamError =>
  iamError('EntityAlreadyExists', `${kind} with name ${name} already exists.`, path !== undefined ? { path } : {});

/** LimitExceeded with the quota that was hit. */
export const limitExceeded = (what: string, limit: number, path?: string): IamError =>
  iamError('LimitExceeded', `Cannot exceed quota for ${what}: ${limit}.`, path !== undefined ? { path } : {});

/** DeleteConflict listing what still depends on the entity. */
export const deleteConflict = (message: string, hint?: string): IamError =>
  iamError('DeleteConflict', message, hint !== undefined ? { hint } : {});

/** InvalidInput for one field. */
export const invalidInput = (message: string, path?: string, hint?: string): IamError =>
  iamError('InvalidInput', message, { ...(path !== undefined ? { path } : {}), ...(hint !== undefined ? { hint } : {}) });

/** UnmodifiableEntity for an AWS managed policy or a service-linked role. */
export const unmodifiable = (what: string): IamError =>
  iamError('UnmodifiableEntity', `Cannot perform the operation on ${what}: it is managed by AWS.`);

/** Formats an IamError as one line: `Code: message`. */
export const formatIamError = (e: IamError): string =>
  `${e.code}: ${e.message}${e.path ? ` (at ${e.path})` : ''}${e.problems && e.problems.length > 0 ? `\n${e.problems.map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}` : ''}`;
