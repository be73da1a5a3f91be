import { describe, expect, it } from 'vitest';
import check from '../../src/checks/rules/cloudtrail-configuration.js';
import { runCaseTable } from '../../src/checks/tester.js';
import type { Account, Trail } from '../../src/model/types.js';
import { account } from './universe-fixtures.js';
import { hooks } from './universe-tester.js';

const NOW = '2026-03-10T12:00:00Z';
const good: Trail = { name: 'org-trail', homeRegion: 'eu-west-1', isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: true, s3BucketName: 'logs' };
const withTrails = (...ts: Trail[]): Account => ({ ...account(), trails: Object.fromEntries(ts.map((t) => [t.name, t])) });
runCaseTable(check, {
  valid: [{ name: 'one logging multi-region trail with validation', now: NOW, account: withTrails(good) }],
  invalid: [
        { name: 'no trail at all', now: NOW, account: account(), reports: [{ messageId: 'noTrail', fixed: true }], after: { trails: { 'management-events': { isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: true } } } },
        {
          name: 'a stopped single-region trail without validation',
          now: NOW,
          account: withTrails({ ...good, isLogging: false, isMultiRegionTrail: false, logFileValidationEnabled: false }),
          reports: [{ messageId: 'notLogging' }, { messageId: 'notMultiRegion', data: { region: 'eu-west-1' } }, { messageId: 'noLogFileValidation' }],
          after: { trails: { 'org-trail': { isMultiRegionTrail: true, logFileValidationEnabled: true, isLogging: true } } },
        },
      ],
}, hooks);

describe('cloudtrail-configuration detection', () => {
  it('reports each weakness with its fix', () => {
    const r = check.detect({ account: withTrails({ ...good, isLogging: false, isMultiRegionTrail: false, logFileValidationEnabled: false }), now: NOW, options: check.meta.defaults as never });
    expect(r.map((x) => [x.messageId, x.fix])).toEqual([
      ['notLogging', [{ op: 'StartLogging', input: { Name: 'org-trail' } }]],
      ['notMultiRegion', [{ op: 'UpdateTrail', input: { Name: 'org-trail', IsMultiRegionTrail: true } }]],
      ['noLogFileValidation', [{ op: 'UpdateTrail', input: { Name: 'org-trail', EnableLogFileValidation: true } }]],
    ]);
    const none = check.detect({ account: account(), now: NOW, options: check.meta.defaults as never });
    expect(none[0]?.fix?.[0]).toEqual({ op: 'CreateTrail', input: { Name: 'management-events', S3BucketName: 'aws-cloudtrail-logs-111122223333', IsMultiRegionTrail: true, EnableLogFileValidation: true } });
  });
});
