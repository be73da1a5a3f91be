/** Resource references for findings. An access key has no ARN in AWS; iamsim names it `<user ARN>/access-key/<id>` so ARN globs on the user match it. */
import type { Account, User } from '../../model/types.js';
import type { ResourceRef } from '../types.js';

/** The account itself. */
export const accountRef = (a: Account): ResourceRef => ({ kind: 'account', arn: `arn:${a.partition}:iam::${a.id}:root`, name: a.alias ?? a.id });

/** The root user. */
export const rootRef = (a: Account): ResourceRef => ({ kind: 'root', arn: a.root.arn, name: 'root' });

/** An IAM user. */
export const userRef = (u: User): ResourceRef => ({ kind: 'user', arn: u.arn, name: u.name });

/** A user's console password. */
export const loginProfileRef = (u: User): ResourceRef => ({ kind: 'login-profile', arn: `${u.arn}/login-profile`, name: u.name });

/** A user's access key. */
export const userKeyRef = (u: User, keyId: string): ResourceRef => ({ kind: 'access-key', arn: `${u.arn}/access-key/${keyId}`, name: keyId });

/** A root access key. */
export const rootKeyRef = (a: Account, keyId: string): ResourceRef => ({ kind: 'access-key', arn: `${a.root.arn}/access-key/${keyId}`, name: keyId });

/** The account password policy. */
export const passwordPolicyRef = (a: Account): ResourceRef => ({ kind: 'password-policy', arn: `arn:${a.partition}:iam::${a.id}:password-policy`, name: 'password policy' });
