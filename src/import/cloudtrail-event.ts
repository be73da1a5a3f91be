/**
 * One raw CloudTrail record → the model's CloudTrailEvent: AWS's own field names, only the fields iamsim reads (so a
 * million events take less memory), dates canonical, deeply frozen. Unknown fields are dropped, not errors.
 */
import type { CloudTrailEvent } from '../model/types.js';
import { err, ok, type Result } from '../result.js';
import { parseAwsDate } from './dates.js';
import { asRecord } from './problems.js';

const EVENT_TYPES = new Set(['AwsApiCall', 'AwsConsoleSignIn', 'AwsServiceEvent']);

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    Object.freeze(v);
    for (const x of Object.values(v as object)) if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) deepFreeze(x);
  }
  return v;
}

const s = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** Why a record was not imported: `skip` for event types iamsim does not model, `bad` for a broken record. */
export type EventRejection = { readonly kind: 'skip'; readonly eventType: string } | { readonly kind: 'bad'; readonly reason: string };

/** Converts one record; `fallbackId` names it when the record has no eventID. */
export function toModelEvent(raw: unknown, fallbackId: string): Result<CloudTrailEvent, EventRejection> {
  const r = asRecord(raw);
  if (r === undefined) return err({ kind: 'bad', reason: 'a CloudTrail event must be a JSON object' });
  const eventTime = parseAwsDate(r['eventTime']);
  if (eventTime === undefined) return err({ kind: 'bad', reason: r['eventTime'] === undefined ? 'no eventTime' : `eventTime ${JSON.stringify(r['eventTime'])} is not a date` });
  if (typeof r['eventName'] !== 'string' || typeof r['eventSource'] !== 'string') return err({ kind: 'bad', reason: `no ${typeof r['eventName'] !== 'string' ? 'eventName' : 'eventSource'}` });
  const eventType = s(r['eventType'], 'AwsApiCall');
  if (!EVENT_TYPES.has(eventType)) return err({ kind: 'skip', eventType });
  const ui = asRecord(r['userIdentity']) ?? {};
  const sc = asRecord(ui['sessionContext']);
  const attrs = asRecord(sc?.['attributes']);
  const issuer = asRecord(sc?.['sessionIssuer']);
  const created = parseAwsDate(attrs?.['creationDate']);
  const userIdentity = {
    type: s(ui['type'], 'Unknown') as CloudTrailEvent['userIdentity']['type'],
    principalId: s(ui['principalId']),
    arn: s(ui['arn']),
    accountId: s(ui['accountId'], s(r['recipientAccountId'])),
    ...(typeof ui['userName'] === 'string' ? { userName: ui['userName'] } : {}),
    ...(typeof ui['accessKeyId'] === 'string' && ui['accessKeyId'] !== '' ? { accessKeyId: ui['accessKeyId'] } : {}),
    ...(sc !== undefined
      ? {
          sessionContext: {
            attributes: { mfaAuthenticated: attrs?.['mfaAuthenticated'] === 'true' ? ('true' as const) : ('false' as const), creationDate: created ?? eventTime },
            ...(issuer !== undefined && typeof issuer['arn'] === 'string'
              ? { sessionIssuer: { type: 'Role' as const, principalId: s(issuer['principalId']), arn: issuer['arn'], accountId: s(issuer['accountId']), userName: s(issuer['userName']) } }
              : {}),
          },
        }
      : {}),
  };
  const obj = (k: string): Readonly<Record<string, unknown>> | undefined => asRecord(r[k]);
  const resources = Array.isArray(r['resources'])
    ? (r['resources'] as unknown[]).map(asRecord).filter((x) => x !== undefined && typeof x['ARN'] === 'string').map((x) => ({ ARN: x!['ARN'] as string, ...(typeof x!['type'] === 'string' ? { type: x!['type'] } : {}) }))
    : undefined;
  const event: CloudTrailEvent = {
    eventVersion: s(r['eventVersion'], '1.08'),
    eventID: s(r['eventID'], fallbackId),
    eventTime,
    eventSource: r['eventSource'],
    eventName: r['eventName'],
    eventType: eventType as CloudTrailEvent['eventType'],
    awsRegion: s(r['awsRegion'], 'us-east-1'),
    sourceIPAddress: s(r['sourceIPAddress']),
    userAgent: s(r['userAgent']),
    userIdentity,
    ...(r['requestParameters'] === null ? { requestParameters: null } : obj('requestParameters') !== undefined ? { requestParameters: obj('requestParameters')! } : {}),
    ...(r['responseElements'] === null ? { responseElements: null } : obj('responseElements') !== undefined ? { responseElements: obj('responseElements')! } : {}),
    ...(obj('additionalEventData') !== undefined ? { additionalEventData: obj('additionalEventData')! } : {}),
    ...(typeof r['errorCode'] === 'string' ? { errorCode: r['errorCode'] } : {}),
    ...(typeof r['errorMessage'] === 'string' ? { errorMessage: r['errorMessage'] } : {}),
    ...(resources !== undefined && resources.length > 0 ? { resources } : {}),
    recipientAccountId: s(r['recipientAccountId'], userIdentity.accountId),
  };
  return ok(deepFreeze(event));
}
