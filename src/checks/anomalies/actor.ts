/** Who made a CloudTrail event: a role session counts as its role, so a role's sessions share one baseline. */
import type { CloudTrailEvent } from '../../model/types.js';
import type { Actor } from './types.js';

/** The actor of an event. */
export function actorOf(e: CloudTrailEvent): Actor {
  const id = e.userIdentity;
  const key = id.accessKeyId !== undefined && id.accessKeyId !== '' ? { accessKeyId: id.accessKeyId } : {};
  switch (id.type) {
    case 'Root':
      return { kind: 'root', arn: id.arn, name: 'root', ...key };
    case 'IAMUser':
      return { kind: 'user', arn: id.arn, name: id.userName ?? id.arn.slice(id.arn.lastIndexOf('/') + 1), ...key };
    case 'AssumedRole': {
      const issuer = id.sessionContext?.sessionIssuer;
      if (issuer !== undefined) return { kind: 'role', arn: issuer.arn, name: issuer.userName, ...key };
      return { kind: 'other', arn: id.arn, name: id.arn, ...key };
    }
    case 'FederatedUser':
    case 'AWSService':
      return { kind: 'other', arn: id.arn, name: id.arn || id.principalId, ...key };
    default: {
      const never: never = id.type;
      return { kind: 'other', arn: String(never), name: String(never) };
    }
  }
}

/** True for a denied call: AccessDenied and EC2's Client.UnauthorizedOperation (and their variants). */
export const isDenied = (e: CloudTrailEvent): boolean => /AccessDenied|UnauthorizedOperation|UnauthorizedAccess/i.test(e.errorCode ?? '');

/** True for a console sign-in event (successful or not). */
export const isSignIn = (e: CloudTrailEvent): boolean => e.eventName === 'ConsoleLogin' || e.eventType === 'AwsConsoleSignIn';

/** True when the sign-in succeeded. */
export const signInSucceeded = (e: CloudTrailEvent): boolean => e.errorCode === undefined && (e.responseElements?.['ConsoleLogin'] ?? 'Success') === 'Success';
