/** Resolves a principal named by ARN (or `user/NAME`, `role/NAME`, `root`) to the entity the queries work on. */
import type { Account, Role, User } from '../types.js';

/** A principal the queries can describe: an IAM user, an IAM role, or the root user. */
export type QueryPrincipal =
  | { readonly kind: 'user'; readonly arn: string; readonly name: string; readonly user: User }
  | { readonly kind: 'role'; readonly arn: string; readonly name: string; readonly role: Role }
  | { readonly kind: 'root'; readonly arn: string; readonly name: 'root' };

/**
 * Finds a user or role by its ARN (paths included), by `user/NAME` or `role/NAME`, or the root user by its ARN or
 * `root`. Undefined when nothing matches.
 */
export function findPrincipal(account: Account, ref: string): QueryPrincipal | undefined {
  if (ref === 'root' || ref === account.root.arn) return { kind: 'root', arn: account.root.arn, name: 'root' };
  const iam = `arn:${account.partition}:iam::${account.id}:`;
  const rest = ref.startsWith(iam) ? ref.slice(iam.length) : ref;
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  if (rest.startsWith('user/')) {
    const user = Object.hasOwn(account.users, name) ? account.users[name] : undefined;
    if (user !== undefined && (user.arn === ref || rest === `user/${name}`)) return { kind: 'user', arn: user.arn, name, user };
  }
  if (rest.startsWith('role/')) {
    const role = Object.hasOwn(account.roles, name) ? account.roles[name] : undefined;
    if (role !== undefined && (role.arn === ref || rest === `role/${name}`)) return { kind: 'role', arn: role.arn, name, role };
  }
  return undefined;
}
