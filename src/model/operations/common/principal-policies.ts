/**
 * The shared logic of Attach/Detach/Put/Delete {User,Group,Role}Policy: the three principal kinds differ only in
 * the input field, the collection, and the inline-size quota (IAM quotas: 2,048 / 5,120 / 10,240 characters).
 */
import type { Draft } from 'immer';
import { iamError, limitExceeded, noSuchEntity, unmodifiable, type IamError } from '../../errors.js';
import { managedPolicy } from '../../lookup.js';
import type { Account, PrincipalBase, Role } from '../../types.js';
import { defineOperation, type OperationDefinition } from './define-operation.js';
import { groupName, policyArn, policyDocumentField, policyName, roleName, userName } from './fields.js';
import { checkDocument, documentOf, policySize, type PolicyDocumentInput } from './policy-document.js';
import { obj, type Schema } from './schema.js';

/** Users, groups and roles. */
export type PrincipalKind = 'user' | 'group' | 'role';

interface KindInfo {
  readonly field: 'UserName' | 'GroupName' | 'RoleName';
  readonly collection: 'users' | 'groups' | 'roles';
  readonly title: 'User' | 'Group' | 'Role';
  readonly nameSchema: Schema<string>;
  /** Aggregate inline policy size quota. */
  readonly inlineQuota: number;
}

/** Per-kind facts. */
export const PRINCIPAL_KINDS: Readonly<Record<PrincipalKind, KindInfo>> = {
  user: { field: 'UserName', collection: 'users', title: 'User', nameSchema: userName, inlineQuota: 2048 },
  group: { field: 'GroupName', collection: 'groups', title: 'Group', nameSchema: groupName, inlineQuota: 5120 },
  role: { field: 'RoleName', collection: 'roles', title: 'Role', nameSchema: roleName, inlineQuota: 10240 },
};

/** Managed policies attached per user, group or role (IAM's default quota). */
export const MAX_ATTACHED_POLICIES = 10;

/** The principal named in an input, or undefined. */
export function principalOf(account: Account, kind: PrincipalKind, name: string): PrincipalBase | undefined {
  const c = account[PRINCIPAL_KINDS[kind].collection] as Readonly<Record<string, PrincipalBase>>;
  return Object.hasOwn(c, name) ? c[name] : undefined;
}

function draftPrincipal(draft: Draft<Account>, kind: PrincipalKind, name: string): Draft<PrincipalBase> {
  const p = (draft[PRINCIPAL_KINDS[kind].collection] as Record<string, Draft<PrincipalBase>>)[name];
  if (p === undefined) throw new Error(`${kind} ${name} vanished between validate and recipe`);
  return p;
}

/** Existence, and for roles, that a service-linked role is not edited. */
function checkPrincipal(account: Account, kind: PrincipalKind, name: string): IamError | PrincipalBase {
  const p = principalOf(account, kind, name);
  if (p === undefined) return noSuchEntity(kind, name, `/${PRINCIPAL_KINDS[kind].field}`);
  if (kind === 'role' && (p as Role).serviceLinked === true) return unmodifiable(`service-linked role ${name}`);
  return p;
}

const isError = (x: IamError | PrincipalBase): x is IamError => 'code' in x;

type NameInput<K extends PrincipalKind> = K extends 'user' ? { readonly UserName: string } : K extends 'group' ? { readonly GroupName: string } : { readonly RoleName: string };
const nameOf = (kind: PrincipalKind, input: object): string => (input as Record<string, string>)[PRINCIPAL_KINDS[kind].field]!;

/** Attach{Kind}Policy: attaching an already attached policy succeeds without change, as in IAM. */
export function attachPolicyOperation<K extends PrincipalKind>(kind: K): OperationDefinition<NameInput<K> & { readonly PolicyArn: string }> {
  const info = PRINCIPAL_KINDS[kind];
  return defineOperation({
    name: `Attach${info.title}Policy`,
    description: `Attaches a managed policy to a ${kind}.`,
    api: 'iam',
    input: obj({ [info.field]: info.nameSchema, PolicyArn: policyArn }) as unknown as Schema<NameInput<K> & { readonly PolicyArn: string }>,
    validate(account, input) {
      const p = checkPrincipal(account, kind, nameOf(kind, input));
      if (isError(p)) return p;
      const policy = managedPolicy(account, input.PolicyArn);
      if (policy === undefined) return iamError('NoSuchEntity', `Policy ${input.PolicyArn} does not exist or is not attachable.`, { path: '/PolicyArn' });
      if (policy.awsManaged && policy.path.startsWith('/aws-service-role/')) {
        return iamError('PolicyNotAttachable', `Cannot attach a Service Role Policy to a Customer ${info.title}.`, { path: '/PolicyArn', hint: 'policies under /aws-service-role/ belong to service-linked roles' });
      }
      if (!p.attachedPolicies.includes(input.PolicyArn) && p.attachedPolicies.length >= MAX_ATTACHED_POLICIES) {
        return limitExceeded(`PolicyAttachmentsPer${info.title}`, MAX_ATTACHED_POLICIES, '/PolicyArn');
      }
      return null;
    },
    recipe: (input) => (draft) => {
      const p = draftPrincipal(draft, kind, nameOf(kind, input));
      if (!p.attachedPolicies.includes(input.PolicyArn)) p.attachedPolicies.push(input.PolicyArn);
    },
  });
}

/** Detach{Kind}Policy. */
export function detachPolicyOperation<K extends PrincipalKind>(kind: K): OperationDefinition<NameInput<K> & { readonly PolicyArn: string }> {
  const info = PRINCIPAL_KINDS[kind];
  return defineOperation({
    name: `Detach${info.title}Policy`,
    description: `Detaches a managed policy from a ${kind}.`,
    api: 'iam',
    input: obj({ [info.field]: info.nameSchema, PolicyArn: policyArn }) as unknown as Schema<NameInput<K> & { readonly PolicyArn: string }>,
    validate(account, input) {
      const p = checkPrincipal(account, kind, nameOf(kind, input));
      if (isError(p)) return p;
      if (!p.attachedPolicies.includes(input.PolicyArn)) return iamError('NoSuchEntity', `Policy ${input.PolicyArn} was not found.`, { path: '/PolicyArn' });
      return null;
    },
    recipe: (input) => (draft) => {
      const list = draftPrincipal(draft, kind, nameOf(kind, input)).attachedPolicies;
      list.splice(list.indexOf(input.PolicyArn), 1);
    },
  });
}

/** The aggregate size of a principal's inline policies with one of them replaced. */
export function inlineSizeWith(p: PrincipalBase, name: string, doc: Readonly<Record<string, unknown>>): number {
  let total = policySize(doc);
  for (const [n, d] of Object.entries(p.inlinePolicies)) if (n !== name) total += policySize(d);
  return total;
}

/** Put{Kind}Policy: adds or replaces an inline policy; the aggregate size quota applies. */
export function putPolicyOperation<K extends PrincipalKind>(
  kind: K,
): OperationDefinition<NameInput<K> & { readonly PolicyName: string; readonly PolicyDocument: PolicyDocumentInput }> {
  const info = PRINCIPAL_KINDS[kind];
  type I = NameInput<K> & { readonly PolicyName: string; readonly PolicyDocument: PolicyDocumentInput };
  return defineOperation({
    name: `Put${info.title}Policy`,
    description: `Adds or replaces an inline policy of a ${kind}.`,
    api: 'iam',
    input: obj({ [info.field]: info.nameSchema, PolicyName: policyName, PolicyDocument: policyDocumentField }) as unknown as Schema<I>,
    validate(account, input) {
      const p = checkPrincipal(account, kind, nameOf(kind, input));
      if (isError(p)) return p;
      const doc = checkDocument(input.PolicyDocument, 'identity', '/PolicyDocument');
      if (!doc.ok) return doc.error;
      const size = inlineSizeWith(p, input.PolicyName, doc.value);
      if (size > info.inlineQuota) {
        return iamError('LimitExceeded', `Maximum policy size of ${info.inlineQuota} bytes exceeded for ${kind} ${nameOf(kind, input)} (inline policies total ${size}).`, {
          path: '/PolicyDocument',
          hint: 'use a managed policy instead, or shorten the inline policies',
        });
      }
      return null;
    },
    recipe: (input) => (draft) => {
      draftPrincipal(draft, kind, nameOf(kind, input)).inlinePolicies[input.PolicyName] = documentOf(input.PolicyDocument);
    },
  });
}

/** Delete{Kind}Policy: deletes an inline policy. */
export function deleteInlinePolicyOperation<K extends PrincipalKind>(kind: K): OperationDefinition<NameInput<K> & { readonly PolicyName: string }> {
  const info = PRINCIPAL_KINDS[kind];
  return defineOperation({
    name: `Delete${info.title}Policy`,
    description: `Deletes an inline policy of a ${kind}.`,
    api: 'iam',
    input: obj({ [info.field]: info.nameSchema, PolicyName: policyName }) as unknown as Schema<NameInput<K> & { readonly PolicyName: string }>,
    validate(account, input) {
      const p = checkPrincipal(account, kind, nameOf(kind, input));
      if (isError(p)) return p;
      if (!Object.hasOwn(p.inlinePolicies, input.PolicyName)) return noSuchEntity('policy', input.PolicyName, '/PolicyName');
      return null;
    },
    recipe: (input) => (draft) => {
      delete draftPrincipal(draft, kind, nameOf(kind, input)).inlinePolicies[input.PolicyName];
    },
  });
}
