/** TerminateInstance: removes an EC2 instance and its applications. */
import { noSuchEntity } from '../errors.js';
import { defineOperation } from './common/define-operation.js';
import { obj, str } from './common/schema.js';

/** TerminateInstance (EC2 TerminateInstances for one instance). */
export const terminateInstance = defineOperation({
  name: 'TerminateInstance',
  description: 'Terminates an EC2 instance.',
  api: 'ec2',
  input: obj({ InstanceId: str({ pattern: '^i-[0-9a-f]{8,17}$' }) }),
  validate: (account, input) => (Object.hasOwn(account.instances, input.InstanceId) ? null : noSuchEntity('instance', input.InstanceId, '/InstanceId')),
  recipe: (input) => (draft) => {
    delete draft.instances[input.InstanceId];
  },
});
