/**
 * `aws ec2 describe-instances` output → instances with their instance profiles. Terminated instances are skipped.
 * What runs on an instance (applications and their credentials) is not in any AWS file, so `applications` is empty.
 */
import type { Ec2Instance } from '../model/types.js';
import { parseAwsDate } from './dates.js';
import { asArray, asRecord, importWarning, pointer, tagsOf } from './problems.js';
import type { ImportProblem } from './types.js';

/** True when parsed JSON is describe-instances output. */
export const isDescribeInstances = (o: Readonly<Record<string, unknown>>): boolean => Array.isArray(o['Reservations']);

/** Reads instances; the profile is the name at the end of the instance profile ARN. */
export function readInstances(o: Readonly<Record<string, unknown>>, file: string): { readonly instances: Record<string, Ec2Instance>; readonly problems: readonly ImportProblem[] } {
  const instances: Record<string, Ec2Instance> = {};
  const problems: ImportProblem[] = [];
  asArray(o['Reservations']).forEach((res, i) => {
    asArray(asRecord(res)?.['Instances']).forEach((item, j) => {
      const inst = asRecord(item);
      const path = pointer('Reservations', i, 'Instances', j);
      if (inst === undefined || typeof inst['InstanceId'] !== 'string') return void problems.push(importWarning(file, `${path}/InstanceId`, 'missing-field', 'an instance has no InstanceId; skipped'));
      if (asRecord(inst['State'])?.['Name'] === 'terminated') return;
      const az = asRecord(inst['Placement'])?.['AvailabilityZone'];
      const profileArn = asRecord(inst['IamInstanceProfile'])?.['Arn'];
      const launched = parseAwsDate(inst['LaunchTime']);
      if (launched === undefined) problems.push(importWarning(file, `${path}/LaunchTime`, 'bad-date', `instance ${inst['InstanceId']} has no readable LaunchTime; taken as 1970-01-01`));
      instances[inst['InstanceId']] = {
        id: inst['InstanceId'],
        region: typeof az === 'string' ? az.replace(/[a-z]$/, '') : 'us-east-1',
        launched: launched ?? '1970-01-01T00:00:00Z',
        instanceProfile: typeof profileArn === 'string' ? (profileArn.split('/').pop() ?? null) : null,
        applications: [],
        tags: tagsOf(inst['Tags']),
      };
    });
  });
  return { instances, problems };
}
