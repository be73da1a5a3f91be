/**
 * A readable diff of what a remediation changed, from its immer patches: one line per patch,
 * `~ path: old → new`, `+ path = value`, `- path (was value)`. Old values are read from the state just before each patch.
 */
import { applyPatches, type Patch } from 'immer';
import { isImmutable } from 'immutable';

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** A patch path as text: `users.alice.accessKeys[0].status`, `policies["arn:…"]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (IDENT.test(p)) s += s === '' ? p : `.${p}`;
    else s += `[${JSON.stringify(p)}]`;
  }
  return s || '(account)';
}

function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || v === undefined) return undefined;
    if (isImmutable(v)) v = (v as { get(k: unknown): unknown }).get(p);
    else v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A value as compact JSON, shortened to `max` characters. */
export function short(v: unknown, max = 160): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Renders the patches of a change applied to `before`, in order. */
export function renderPatchDiff(before: unknown, patches: readonly Patch[]): string[] {
  const lines: string[] = [];
  let current = before;
  for (const p of patches) {
    const where = formatPath(p.path);
    switch (p.op) {
      case 'replace':
        lines.push(`~ ${where}: ${short(getIn(current, p.path))} → ${short(p.value)}`);
        break;
      case 'add':
        lines.push(`+ ${where} = ${short(p.value)}`);
        break;
      case 'remove':
        lines.push(`- ${where} (was ${short(getIn(current, p.path))})`);
        break;
      default: {
        const never: never = p.op;
        throw new Error(`unknown patch op ${String(never)}`);
      }
    }
    current = applyPatches(current as object, [p]);
  }
  return lines;
}
