/** Deep-freezing and snapshotting account data for the tester's "input untouched" assertion. Immutable collections are already persistent and are left alone. */
import { isImmutable } from 'immutable';

/** Freezes plain objects and arrays recursively and returns the same value. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || isImmutable(value)) return value;
  if (!Object.isFrozen(value)) Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

/** A canonical text snapshot of a value (Immutable collections serialise through their toJSON). */
export const snapshot = (value: unknown): string => JSON.stringify(value);
