/** Turns a scenario's operation into the model's call at replay time, and describes calls for people. */
import type { OperationCall } from '../checks/types.js';
import type { Account } from '../model/types.js';
import type { ScenarioOperation } from './types.js';

/** Resolves what only the replay knows: an access key written as its position (`key: 1`) becomes its id. */
export function resolveCall(account: Account, op: ScenarioOperation): OperationCall {
  const key = op.input['AccessKeyId'];
  const user = op.input['UserName'];
  if (typeof key === 'number' && typeof user === 'string') {
    const id = account.users[user]?.accessKeys[key - 1]?.id ?? `AKIA${'0'.repeat(15)}${key}`;
    return { op: op.op, input: { ...op.input, AccessKeyId: id } };
  }
  return { op: op.op, input: op.input };
}

const SHORT: Readonly<Record<string, string>> = { UserName: 'user', GroupName: 'group', RoleName: 'role', PolicyName: 'policy', InstanceProfileName: 'profile', AccessKeyId: 'key', Status: 'status', VersionId: 'version' };

/** `AddUserToGroup user=priya group=contractors` (documents and long values left out). */
export function describeCall(op: ScenarioOperation | OperationCall): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(op.input)) {
    if (k === 'PolicyArn' || k === 'PermissionsBoundary') parts.push(`${k === 'PolicyArn' ? 'policy' : 'boundary'}=${String(v).replace(/^arn:aws:iam::(\d{12}|aws):policy\/(.*\/)?/, '')}`);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') parts.push(`${SHORT[k] ?? k}=${String(v)}`);
  }
  return `${op.op}${parts.length ? ` ${parts.join(' ')}` : ''}`;
}
