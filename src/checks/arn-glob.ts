/** ARN globs for suppressions: `*` matches any run of characters (including `/` and `:`), `?` exactly one. */

/** Compiles a glob into a RegExp anchored at both ends. */
export function globToRegExp(glob: string): RegExp {
  let src = '';
  for (const ch of glob) {
    if (ch === '*') src += '.*';
    else if (ch === '?') src += '.';
    else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 's');
}

/** Whether `arn` matches `glob`. */
export const arnMatches = (glob: string, arn: string): boolean => globToRegExp(glob).test(arn);
