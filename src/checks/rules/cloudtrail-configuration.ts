/**
 * Practice 13: CloudTrail records every call in every region, and its log files can be proven untampered.
 * Flags an account with no trail, a trail that is not logging, a single-region trail, and log-file validation off.
 * The automatic fixes create or update the trail through the model's CloudTrail operations (CreateTrail,
 * StartLogging, UpdateTrail); turning logging on never changes anyone's access.
 */
import type { Account } from '../../model/types.js';
import { defineCheck } from '../define-check.js';
import type { Report, ResourceRef } from '../types.js';

type Msg = 'noTrail' | 'notLogging' | 'notMultiRegion' | 'noLogFileValidation';

const trailRef = (a: Account, name: string, region: string): ResourceRef => ({ kind: 'trail', arn: `arn:${a.partition}:cloudtrail:${region}:${a.id}:trail/${name}`, name });

/** The check. */
export default defineCheck({
  meta: {
    id: 'cloudtrail-configuration',
    practice: 13,
    title: 'CloudTrail logs every region with log-file validation',
    severity: 'high',
    rationale:
      'Without a trail there is no record of who did what; a single-region trail misses activity in the other regions, which is where attackers run up bills; ' +
      'without log-file validation, someone who gains access can edit the logs unnoticed.',
    references: [
      'CIS AWS Foundations Benchmark v3.0.0 3.1 (CloudTrail enabled in all regions)',
      'CIS AWS Foundations Benchmark v3.0.0 3.2 (CloudTrail log file validation)',
      'AWS Security Hub CloudTrail.1',
      'AWS Security Hub CloudTrail.4',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    ],
    remediation: 'auto',
    messages: {
      noTrail: 'Account {{account}} has no CloudTrail trail: API activity is not recorded',
      notLogging: 'Trail {{trail}} exists but is not logging',
      notMultiRegion: 'Trail {{trail}} records only {{region}}; activity in other regions goes unrecorded',
      noLogFileValidation: 'Trail {{trail}} has log-file validation off: its logs could be altered without detection',
    },
    options: {
      type: 'object',
      properties: { trailName: { type: 'string' }, bucketName: { type: 'string', description: 'the S3 bucket a created trail writes to; {{account}} is replaced by the account id' } },
      additionalProperties: false,
    },
    defaults: { trailName: 'management-events', bucketName: 'aws-cloudtrail-logs-{{account}}' },
    needs: ['trails'],
  },
  detect({ account, options }) {
    const out: Report<Msg>[] = [];
    // Stryker disable next-line EqualityOperator: trails are stored by name (CreateTrail keys them by Name), so names never tie.
    const trails = Object.values(account.trails).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (trails.length === 0) {
      const name = options.trailName;
      out.push({
        messageId: 'noTrail',
        data: { account: account.id },
        resource: { kind: 'account', arn: `arn:${account.partition}:iam::${account.id}:root`, name: account.alias ?? account.id },
        fix: [
          { op: 'CreateTrail', input: { Name: name, S3BucketName: options.bucketName.replace('{{account}}', account.id), IsMultiRegionTrail: true, EnableLogFileValidation: true } },
          { op: 'StartLogging', input: { Name: name } },
        ],
      });
      return out;
    }
    for (const t of trails) {
      const ref = trailRef(account, t.name, t.homeRegion);
      if (!t.isLogging) out.push({ messageId: 'notLogging', data: { trail: t.name }, resource: ref, fix: [{ op: 'StartLogging', input: { Name: t.name } }] });
      if (!t.isMultiRegionTrail) out.push({ messageId: 'notMultiRegion', data: { trail: t.name, region: t.homeRegion }, resource: ref, fix: [{ op: 'UpdateTrail', input: { Name: t.name, IsMultiRegionTrail: true } }] });
      if (!t.logFileValidationEnabled) out.push({ messageId: 'noLogFileValidation', data: { trail: t.name }, resource: ref, fix: [{ op: 'UpdateTrail', input: { Name: t.name, EnableLogFileValidation: true } }] });
    }
    return out;
  },
});
