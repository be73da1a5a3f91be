/** CreateServiceLinkedRole: a role that an AWS service assumes; not editable, exempt from SCPs. */
import { alreadyExists } from '../errors.js';
import { nextId } from '../ids.js';
import { nameAdded, nameTaken } from './common/name-index.js';
import { defineOperation } from './common/define-operation.js';
import { roleName } from './common/fields.js';
import { obj, str } from './common/schema.js';

/** `AWSServiceRoleFor` + the service prefix in PascalCase, e.g. autoscaling.amazonaws.com → AWSServiceRoleForAutoscaling. */
export function serviceLinkedRoleName(service: string, suffix?: string): string {
  const prefix = service.split('.')[0] ?? service;
  const pascal = prefix.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return `AWSServiceRoleFor${pascal}${suffix !== undefined ? `_${suffix}` : ''}`;
}

/**
 * CreateServiceLinkedRole. Real names come from each service (e.g. AWSServiceRoleForAutoScaling); iamsim derives
 * one from the service principal unless `RoleName` (an iamsim extension) gives it.
 */
export const createServiceLinkedRole = defineOperation({
  name: 'CreateServiceLinkedRole',
  description: 'Creates a service-linked role for an AWS service.',
  api: 'iam',
  input: obj(
    { AWSServiceName: str({ pattern: '^[a-z0-9.-]+\\.amazonaws\\.com$', description: 'service principal, e.g. autoscaling.amazonaws.com' }) },
    { CustomSuffix: str({ minLength: 1, maxLength: 64, pattern: '^[\\w+=,.@-]+$' }), Description: str({ maxLength: 1000 }), RoleName: roleName },
  ),
  validate(account, input) {
    const name = input.RoleName ?? serviceLinkedRoleName(input.AWSServiceName, input.CustomSuffix);
    const taken = nameTaken(account, 'roles', name);
    return taken !== undefined ? alreadyExists('Role', taken, '/AWSServiceName') : null;
  },
  recipe: (input, now) => (draft) => {
    const name = input.RoleName ?? serviceLinkedRoleName(input.AWSServiceName, input.CustomSuffix);
    const path = `/aws-service-role/${input.AWSServiceName}/`;
    draft.roles[name] = {
      name,
      path,
      arn: `arn:${draft.partition}:iam::${draft.id}:role${path}${name}`,
      id: nextId(draft, 'role'),
      created: now,
      attachedPolicies: [],
      inlinePolicies: {},
      tags: {},
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: input.AWSServiceName }, Action: 'sts:AssumeRole' }],
      },
      maxSessionDuration: 3600,
      boundary: null,
      serviceLinked: true,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
    };
    nameAdded(draft, 'roles', name);
  },
});
