/**
 * Applying operations to an account. Every call is checked in three steps: the operation exists, its input matches
 * the operation's JSON Schema (errors with JSON pointers), and `validate` finds no IAM error on the current state;
 * then its recipe runs inside immer. Batches are all-or-nothing and run inside ONE produce, so building a large
 * account copies each record once rather than once per call.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { enablePatches, produce, produceWithPatches, type Draft, type Patch } from 'immer';
import type { OperationCall } from '../checks/types.js';
import { err, ok, type InputError, type Result } from '../result.js';
import { iamError, type IamError, type IndexedIamError } from './errors.js';
import type { OperationDefinition } from './operations/common/define-operation.js';
import type { Infer, JsonSchema } from './operations/common/schema.js';
import { OPERATIONS } from './operations/registry.js';
import { seedIndexes, transferIndexes } from './operations/common/account-index.js';
import { asAccount } from './operations/common/draft.js';
import type { Account, Instant } from './types.js';

enablePatches();

export { OPERATIONS } from './operations/registry.js';
export type { OperationDefinition } from './operations/common/define-operation.js';

/** Every operation name. */
export type OperationName = keyof typeof OPERATIONS;

/** The input type of one operation, e.g. `OperationInput<'CreateUser'>`. */
export type OperationInput<N extends OperationName> = Infer<(typeof OPERATIONS)[N]['input']>;

/** A typed call, for code that builds calls (generators, fixes): `call('CreateUser', { UserName: 'bob' })`. */
export const call = <N extends OperationName>(op: N, input: OperationInput<N>): OperationCall => ({ op, input: input as Readonly<Record<string, unknown>> });

/** The operation names, in registry order. */
export const OPERATION_NAMES = Object.keys(OPERATIONS) as readonly OperationName[];

/** True when `name` is a known operation. */
export const isOperationName = (name: string): name is OperationName => Object.hasOwn(OPERATIONS, name);

/** Each operation's input as a JSON Schema (draft-07), for the scenario schema and for documentation. */
export const OPERATION_SCHEMAS: Readonly<Record<OperationName, JsonSchema>> = Object.fromEntries(
  Object.entries(OPERATIONS).map(([name, def]) => [name, { ...(def as OperationDefinition).input.json, description: (def as OperationDefinition).description }]),
) as unknown as Record<OperationName, JsonSchema>;

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();
function validatorFor(name: OperationName): ValidateFunction {
  const cached = validators.get(name);
  if (cached !== undefined) return cached;
  const v = ajv.compile(OPERATIONS[name].input.json);
  validators.set(name, v);
  return v;
}

/** Turns one ajv error into an InputError with a JSON pointer and a hint. */
export function ajvToInputError(e: ErrorObject, base = ''): InputError {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { code: 'required', message: `missing required field ${String(params['missingProperty'])}`, path: `${base}${e.instancePath}/${String(params['missingProperty'])}` };
    case 'additionalProperties':
      return {
        code: 'unknown-field',
        message: `unknown field ${String(params['additionalProperty'])}`,
        path: `${base}${e.instancePath}/${String(params['additionalProperty'])}`,
        hint: 'field names follow the AWS API and are case-sensitive (UserName, PolicyArn, …)',
      };
    case 'enum':
      return { code: 'enum', message: `must be one of ${(params['allowedValues'] as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`, path: `${base}${e.instancePath}` };
    case 'pattern':
      return { code: 'pattern', message: `${e.message ?? 'does not match'}`, path: `${base}${e.instancePath}`, hint: 'check the value against the AWS API constraints for this parameter' };
    default:
      return { code: e.keyword, message: e.message ?? `fails ${e.keyword}`, path: `${base}${e.instancePath}` };
  }
}

/** Drops the noise ajv produces for `oneOf` branches when a more specific error exists at a deeper path. */
function pruneOneOf(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf');
  return specific.length > 0 ? specific : errors;
}

/** Checks a call's name and input shape. Paths are JSON pointers into the input (e.g. `/Tags/0/Key`). */
export function validateOperationInput(c: OperationCall): Result<OperationName, InputError[]> {
  if (typeof c.op !== 'string' || !isOperationName(c.op)) {
    const near = typeof c.op === 'string' ? OPERATION_NAMES.find((n) => n.toLowerCase() === (c.op as string).toLowerCase()) : undefined;
    return err([{
      code: 'unknown-operation',
      message: `unknown operation ${JSON.stringify(c.op)}`,
      path: '/op',
      hint: near !== undefined ? `did you mean ${near}? (operation names follow the AWS API exactly)` : `known operations: ${OPERATION_NAMES.join(', ')}`,
    }]);
  }
  const v = validatorFor(c.op);
  if (v(c.input)) return ok(c.op);
  return err(pruneOneOf(v.errors ?? []).map((e) => ajvToInputError(e)));
}

/** Input errors as one IAM InvalidInput error (the first problem's path; all problems in the message). */
function inputErrorsToIam(errors: readonly InputError[]): IamError {
  const first = errors[0];
  return iamError('InvalidInput', errors.map((e) => `${e.path || '/'}: ${e.message}`).join('; '), {
    ...(first !== undefined ? { path: first.path } : {}),
    ...(first?.hint !== undefined ? { hint: first.hint } : {}),
  });
}

/** Checks and applies one call to a draft (for batch builders that already hold a draft). Returns the error, or null. */
export function applyToDraft(draft: Draft<Account>, c: OperationCall, now: Instant, checkInput = true): IamError | null {
  let name: OperationName;
  if (checkInput) {
    const shape = validateOperationInput(c);
    if (!shape.ok) return inputErrorsToIam(shape.error);
    name = shape.value;
  } else {
    if (!isOperationName(c.op)) return iamError('InvalidInput', `unknown operation ${JSON.stringify(c.op)}`, { path: '/op' });
    name = c.op;
  }
  const def = OPERATIONS[name] as OperationDefinition<unknown>;
  const e = def.validate(asAccount(draft), c.input, now);
  if (e !== null) return e;
  def.recipe(c.input, now)(draft);
  return null;
}

/** Applies one operation. The input account is never mutated. */
export function applyOperation(account: Account, c: OperationCall, now: Instant): Result<Account, IamError> {
  const shape = validateOperationInput(c);
  if (!shape.ok) return err(inputErrorsToIam(shape.error));
  const def = OPERATIONS[shape.value] as OperationDefinition<unknown>;
  const e = def.validate(account, c.input, now);
  if (e !== null) return err(e);
  let d: object | undefined;
  const next = produce(account, (draft) => {
    seedIndexes(account, draft);
    d = draft;
    def.recipe(c.input, now)(draft);
  });
  if (d !== undefined) transferIndexes(d, next);
  return ok(next);
}

class BatchAbort {
  constructor(readonly error: IndexedIamError) {}
}

/** The result of a successful batch: the new account, and the patches that make and undo the change. */
export interface AppliedBatch {
  readonly account: Account;
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

/**
 * Applies calls in order inside one produceWithPatches: all or nothing. The first failing call's error is returned
 * with its index; the input account is untouched either way.
 */
export function applyOperations(account: Account, calls: readonly OperationCall[], now: Instant): Result<AppliedBatch, IndexedIamError> {
  try {
    let d: object | undefined;
    const [next, patches, inversePatches] = produceWithPatches(account, (draft) => {
      seedIndexes(account, draft);
      d = draft;
      calls.forEach((c, index) => {
        const e = applyToDraft(draft, c, now);
        if (e !== null) throw new BatchAbort({ ...e, index, op: c.op });
      });
    });
    if (d !== undefined) transferIndexes(d, next);
    return ok({ account: next, patches, inversePatches });
  } catch (e) {
    if (e instanceof BatchAbort) return err(e.error);
    throw e;
  }
}

/**
 * For bulk building (the generator's 100,000-user accounts): one produce, no patches, no input-schema check
 * (the caller builds calls with the typed `call()`); IAM validation still runs. All or nothing.
 */
export function applyOperationsUnchecked(account: Account, calls: Iterable<OperationCall>, now: Instant): Result<Account, IndexedIamError> {
  return runBatch(account, calls, () => now);
}

/** One call with its own time, for builders whose calls happen at different instants. */
export interface TimedCall extends OperationCall {
  readonly at: Instant;
}

/** Like applyOperationsUnchecked, but each call carries its own `at` instant. */
export function applyTimedOperationsUnchecked(account: Account, calls: Iterable<TimedCall>): Result<Account, IndexedIamError> {
  return runBatch(account, calls, (c) => c.at);
}

/** The batch loop: every call inside one produce, the first failure aborting the whole batch with its index. */
function runBatch<C extends OperationCall>(account: Account, calls: Iterable<C>, timeOf: (c: C) => Instant): Result<Account, IndexedIamError> {
  try {
    let index = 0;
    let d: object | undefined;
    const next = produce(account, (draft) => {
      seedIndexes(account, draft);
      d = draft;
      for (const c of calls) {
        const e = applyToDraft(draft, c, timeOf(c), false);
        if (e !== null) throw new BatchAbort({ ...e, index, op: c.op });
        index++;
      }
    });
    if (d !== undefined) transferIndexes(d, next);
    return ok(next);
  } catch (e) {
    if (e instanceof BatchAbort) return err(e.error);
    throw e;
  }
}
