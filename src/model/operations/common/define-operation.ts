/**
 * The shape of one model operation. An operation is data plus two pure functions:
 * - `validate(account, input, now)` returns the IAM error the call would fail with, or null;
 * - `recipe(input, now)` returns an immer recipe that applies the (validated) call to a draft account.
 * Inputs are plain JSON data, checked against `input` (a JSON Schema) before validate runs. Ids are drawn from the
 * draft's `seq` inside the recipe (see ../../ids.ts), so the same calls on the same account give the same ids.
 * The input account is never mutated: recipes only run inside immer's produce.
 */
import type { Draft } from 'immer';
import type { IamError } from '../../errors.js';
import type { Account, Instant } from '../../types.js';
import type { Schema } from './schema.js';

/** One operation's definition. */
export interface OperationDefinition<I = unknown> {
  /** The IAM/STS API name, or an iamsim name for simulation-only operations. */
  readonly name: string;
  /** One line: what it does. */
  readonly description: string;
  /** 'iam' and 'sts' follow the AWS API; 'iamsim' marks operations that only exist in the simulator. */
  readonly api: 'iam' | 'iamsim' | 'organizations' | 'ec2' | 'cloudtrail' | 'resource';
  readonly input: Schema<I>;
  validate(account: Account, input: I, now: Instant): IamError | null;
  recipe(input: I, now: Instant): (draft: Draft<Account>) => void;
}

/** Defines an operation, inferring its input type from its schema. */
export const defineOperation = <I>(def: OperationDefinition<I>): OperationDefinition<I> => def;
