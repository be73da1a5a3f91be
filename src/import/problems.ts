/** Building import problems: every one names the file, the JSON pointer or record, what is wrong and how to fix it. */
import type { ImportProblem } from './types.js';

/** Escapes one JSON-pointer segment. */
export const pointerSegment = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

/** A JSON pointer from segments. */
export const pointer = (...segments: readonly (string | number)[]): string => segments.map((s) => `/${pointerSegment(s)}`).join('');

/** An unusable file or record (`file` '' when the problem spans several inputs). */
export const importError = (file: string, path: string, code: string, message: string, hint?: string): ImportProblem => ({
  severity: 'error', code, message, path, ...(file !== '' ? { file } : {}), ...(hint !== undefined ? { hint } : {}),
});

/** Imported with an assumption the user should know about. */
export const importWarning = (file: string, path: string, code: string, message: string, hint?: string): ImportProblem => ({
  severity: 'warning', code, message, path, ...(file !== '' ? { file } : {}), ...(hint !== undefined ? { hint } : {}),
});

/** A plain object, or undefined. */
export const asRecord = (v: unknown): Readonly<Record<string, unknown>> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** An array, or an empty one when absent. */
export const asArray = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** A string field, or undefined. */
export const str = (o: Readonly<Record<string, unknown>>, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);

/** AWS tags (`[{Key, Value}]`) as a record. */
export function tagsOf(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of asArray(v)) {
    const r = asRecord(t);
    if (r !== undefined && typeof r['Key'] === 'string') out[r['Key']] = typeof r['Value'] === 'string' ? r['Value'] : '';
  }
  return out;
}
