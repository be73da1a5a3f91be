/**
 * Reference policy-variable substitution (sheet §3.5): `${key}`, `${key, 'default'}`, the escapes `${*}`, `${?}`,
 * `${$}`; only under Version 2012-10-17. A variable with no value makes the whole text unresolved (null).
 */
import type { GlobToken } from './glob.js';
import type { RefContext } from './context.js';

/** The Version under which variables are recognised. */
export const VARIABLES_VERSION = '2012-10-17';

/**
 * Turns policy text into glob tokens, substituting variables when `enabled`. Characters written in the policy keep
 * their wildcard meaning when `wildcards`; substituted values and escapes are always literal. Returns null when some
 * variable has no value and no default ("effectively null": a positive comparison fails, a negated one holds).
 */
export function substitute(text: string, ctx: RefContext, enabled: boolean, wildcards: boolean): GlobToken[] | null {
  const out: GlobToken[] = [];
  const pushRaw = (ch: string): void => {
    if (wildcards && ch === '*') out.push({ kind: 'star' });
    else if (wildcards && ch === '?') out.push({ kind: 'one' });
    else out.push({ kind: 'lit', ch, raw: true });
  };
  const pushValue = (value: string): void => {
    for (const ch of value) out.push({ kind: 'lit', ch, raw: false });
  };
  let i = 0;
  while (i < text.length) {
    const close = enabled && text.startsWith('${', i) ? text.indexOf('}', i + 2) : -1;
    if (close < 0) {
      pushRaw(text[i]!);
      i++;
      continue;
    }
    const inner = text.slice(i + 2, close);
    const escaped = inner === '*' || inner === '?' || inner === '$';
    const named = /^\s*([^\s,'{}]+)\s*(?:,\s*'([^']*)'\s*)?$/.exec(inner);
    if (escaped) {
      pushValue(inner);
    } else if (named !== null) {
      const values = ctx.get(named[1]!.toLowerCase());
      if (values !== undefined && values.length === 1) pushValue(values[0]!);
      else if (named[2] !== undefined) pushValue(named[2]);
      else return null;
    } else {
      for (const ch of text.slice(i, close + 1)) pushRaw(ch);
    }
    i = close + 1;
  }
  return out;
}
