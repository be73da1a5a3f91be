/** CloudTrail event builders for the anomaly detector tests: an IAM user's call by default, overridable field by field. */
import type { CloudTrailEvent } from '../../../src/model/types.js';
import type { AnomalyOptions } from '../../../src/checks/anomalies/index.js';

export const ACCOUNT = '111122223333';
export const userArn = (name: string): string => `arn:aws:iam::${ACCOUNT}:user/${name}`;
export const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;

let seq = 0;

/** An API call by IAM user `user` at `at` from 203.0.113.10; `extra` overrides any field. */
export function call(at: string, eventName: string, user = 'alice', extra: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return {
    eventVersion: '1.09',
    eventID: `e${++seq}`,
    eventTime: at,
    eventSource: 'iam.amazonaws.com',
    eventName,
    eventType: 'AwsApiCall',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAX', arn: userArn(user), accountId: ACCOUNT, userName: user },
    recipientAccountId: ACCOUNT,
    ...extra,
  };
}

/** A console sign-in by `user` (null: root) from `ip`; `mfa` is recorded as additionalEventData.MFAUsed. */
export function signIn(at: string, user: string | null, ip: string, mfa: unknown = 'No', extra: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return call(at, 'ConsoleLogin', user ?? 'x', {
    eventSource: 'signin.amazonaws.com',
    eventType: 'AwsConsoleSignIn',
    sourceIPAddress: ip,
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: mfa },
    ...(user === null ? { userIdentity: { type: 'Root', principalId: ACCOUNT, arn: ROOT_ARN, accountId: ACCOUNT } } : {}),
    ...extra,
  });
}

/** A call by the root user. */
export const rootCall = (at: string, eventName: string, extra: Partial<CloudTrailEvent> = {}): CloudTrailEvent =>
  call(at, eventName, 'x', { userIdentity: { type: 'Root', principalId: ACCOUNT, arn: ROOT_ARN, accountId: ACCOUNT }, ...extra });

/** A denied call by `user`. */
export const denied = (at: string, eventName: string, user = 'alice', errorCode = 'AccessDenied'): CloudTrailEvent =>
  call(at, eventName, user, { errorCode, errorMessage: 'denied' });

/** Minutes after 2026-03-01T10:00:00Z, as an instant. */
export const minute = (m: number): string => new Date(Date.parse('2026-03-01T10:00:00Z') + m * 60_000).toISOString().replace('.000Z', 'Z');

/** Options with small thresholds. */
export const OPTS: AnomalyOptions = { windowDays: 30, minHistory: 2, unusualHourDistance: 3, deniedBurst: 3, burstMinutes: 10 };
