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

/** Converts one record; `fallbackId` names it when the record has no eventID. Built field by field (no spreads): this runs a million times. */
export function toModelEvent(raw: unknown, fallbackId: string): Result<CloudTrailEvent, EventRejection> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return err({ kind: 'bad', reason: 'a CloudTrail event must be a JSON object' });
  const r = raw as Record<string, unknown>;
  const eventTime = parseAwsDate(r['eventTime']);
  if (eventTime === undefined) return err({ kind: 'bad', reason: r['eventTime'] === undefined ? 'no eventTime' : `eventTime ${JSON.stringify(r['eventTime'])} is not a date` });
  if (typeof r['eventName'] !== 'string' || typeof r['eventSource'] !== 'string') return err({ kind: 'bad', reason: `no ${typeof r['eventName'] !== 'string' ? 'eventName' : 'eventSource'}` });
  const eventType = s(r['eventType'], 'AwsApiCall');
  if (!EVENT_TYPES.has(eventType)) return err({ kind: 'skip', eventType });
  const ui = asRecord(r['userIdentity']) ?? {};
  const userIdentity: Record<string, unknown> = { type: s(ui['type'], 'Unknown'), principalId: s(ui['principalId']), arn: s(ui['arn']), accountId: s(ui['accountId'], s(r['recipientAccountId'])) };
  if (typeof ui['userName'] === 'string') userIdentity['userName'] = ui['userName'];
  if (typeof ui['accessKeyId'] === 'string' && ui['accessKeyId'] !== '') userIdentity['accessKeyId'] = ui['accessKeyId'];
  const sc = asRecord(ui['sessionContext']);
  if (sc !== undefined) {
    const attrs = asRecord(sc['attributes']);
    const issuer = asRecord(sc['sessionIssuer']);
    const context: Record<string, unknown> = {
      attributes: Object.freeze({ mfaAuthenticated: attrs?.['mfaAuthenticated'] === 'true' ? 'true' : 'false', creationDate: parseAwsDate(attrs?.['creationDate']) ?? eventTime }),
    };
    if (issuer !== undefined && typeof issuer['arn'] === 'string') {
      context['sessionIssuer'] = Object.freeze({ type: 'Role', principalId: s(issuer['principalId']), arn: issuer['arn'], accountId: s(issuer['accountId']), userName: s(issuer['userName']) });
    }
    userIdentity['sessionContext'] = Object.freeze(context);
  }
  const e: Record<string, unknown> = {
    eventVersion: s(r['eventVersion'], '1.08'),
    eventID: s(r['eventID'], fallbackId),
    eventTime,
    eventSource: r['eventSource'],
    eventName: r['eventName'],
    eventType,
    awsRegion: s(r['awsRegion'], 'us-east-1'),
    sourceIPAddress: s(r['sourceIPAddress']),
    userAgent: s(r['userAgent']),
    userIdentity: Object.freeze(userIdentity),
    recipientAccountId: s(r['recipientAccountId'], userIdentity['accountId'] as string),
  };
  for (const k of ['requestParameters', 'responseElements'] as const) {
    const v = r[k];
    if (v === null) e[k] = null;
    else if (asRecord(v) !== undefined) e[k] = deepFreeze(v);
  }
  if (asRecord(r['additionalEventData']) !== undefined) e['additionalEventData'] = deepFreeze(r['additionalEventData']);
  if (typeof r['errorCode'] === 'string') e['errorCode'] = r['errorCode'];
  if (typeof r['errorMessage'] === 'string') e['errorMessage'] = r['errorMessage'];
  if (Array.isArray(r['resources'])) {
    const resources: { ARN: string; type?: string }[] = [];
    for (const x of r['resources'] as unknown[]) {
      const o = asRecord(x);
      if (o === undefined || typeof o['ARN'] !== 'string') continue;
      resources.push(Object.freeze(typeof o['type'] === 'string' ? { ARN: o['ARN'], type: o['type'] } : { ARN: o['ARN'] }));
    }
    if (resources.length > 0) e['resources'] = Object.freeze(resources);
  }
  return ok(Object.freeze(e) as unknown as CloudTrailEvent);
}
