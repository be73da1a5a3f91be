/** Matching findings against a scenario's expectations by check id and resource (name or ARN). */
import type { ResourceRef } from '../../checks/types.js';
import type { Expectation } from '../replay-types.js';
import type { FindingRef } from '../types.js';

/** The part of a finding a scenario can name. */
export interface FoundRef {
  readonly checkId: string;
  readonly resource: ResourceRef;
}

/** A resource matches by its name, its ARN, or a name inside its ARN (an access key's finding matches its user). */
const matches = (f: FoundRef, r: FindingRef): boolean =>
  f.checkId === r.check && (r.resource === undefined || r.resource === f.resource.name || r.resource === f.resource.arn || f.resource.arn.split(/[/:]/).includes(r.resource));

/** `check-id resource-name` for people. */
export const refText = (f: FoundRef): string => `${f.checkId} ${f.resource.name ?? f.resource.arn}`;
const expectedText = (r: FindingRef): string => `${r.check}${r.resource !== undefined ? ` ${r.resource}` : ''}`;
const listText = (xs: readonly string[]): string => (xs.length === 0 ? 'none' : [...new Set(xs)].join('; '));

/** Exactly these: every expected one found, and nothing found that was not expected. */
export function expectExactly(what: string, expected: readonly FindingRef[], found: readonly FoundRef[]): Expectation {
  const met = expected.every((r) => found.some((f) => matches(f, r))) && found.every((f) => expected.some((r) => matches(f, r)));
  return { what, expected: listText(expected.map(expectedText)), actual: listText(found.map(refText)), met };
}

/** At least these. */
export function expectIncludes(what: string, expected: readonly FindingRef[], found: readonly FoundRef[]): Expectation {
  const missing = expected.filter((r) => !found.some((f) => matches(f, r)));
  return { what, expected: listText(expected.map(expectedText)), actual: missing.length ? `missing ${listText(missing.map(expectedText))}` : listText(found.map(refText)), met: missing.length === 0 };
}

/** None of these. */
export function expectExcludes(what: string, expected: readonly FindingRef[], found: readonly FoundRef[]): Expectation {
  const present = found.filter((f) => expected.some((r) => matches(f, r)));
  return { what, expected: `not ${listText(expected.map(expectedText))}`, actual: present.length ? `found ${listText(present.map(refText))}` : 'absent', met: present.length === 0 };
}
