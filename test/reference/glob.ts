/**
 * Reference glob matching, written for clarity: a pattern is a list of tokens (literal characters, `*`, `?`),
 * matched by plain recursion over (pattern position, value position), memoised so hostile patterns stay polynomial.
 */

/** One pattern token. `raw` marks characters written in the policy itself (not produced by a variable). */
export type GlobToken =
  | { readonly kind: 'lit'; readonly ch: string; readonly raw: boolean }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' };

/** Tokens for a plain string in which `*` and `?` are wildcards. */
export function wildcardTokens(text: string): GlobToken[] {
  return [...text].map((ch): GlobToken => (ch === '*' ? { kind: 'star' } : ch === '?' ? { kind: 'one' } : { kind: 'lit', ch, raw: true }));
}

/** Tokens for a plain string matched literally. */
export function literalTokens(text: string, raw = true): GlobToken[] {
  return [...text].map((ch): GlobToken => ({ kind: 'lit', ch, raw }));
}

/** The text the tokens stand for, with wildcards written back as `*` and `?`. */
export function tokensToText(tokens: readonly GlobToken[]): string {
  return tokens.map((t) => (t.kind === 'star' ? '*' : t.kind === 'one' ? '?' : t.ch)).join('');
}

/** Does the token pattern match the whole value? `*` matches any run (including none), `?` exactly one character. */
export function globMatches(pattern: readonly GlobToken[], value: string, ignoreCase: boolean): boolean {
  const chars = [...value];
  const same = (a: string, b: string): boolean => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const memo = new Map<number, boolean>();
  const go = (p: number, v: number): boolean => {
    const key = p * (chars.length + 1) + v;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const answer = step(p, v);
    memo.set(key, answer);
    return answer;
  };
  const step = (p: number, v: number): boolean => {
    if (p === pattern.length) return v === chars.length;
    const t = pattern[p]!;
    switch (t.kind) {
      case 'star':
        for (let k = v; k <= chars.length; k++) if (go(p + 1, k)) return true;
        return false;
      case 'one':
        return v < chars.length && go(p + 1, v + 1);
      case 'lit':
        return v < chars.length && same(t.ch, chars[v]!) && go(p + 1, v + 1);
      default: {
        const never: never = t;
        return never;
      }
    }
  };
  return go(0, 0);
}
