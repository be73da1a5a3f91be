/**
 * Practice 12: contractor access should follow a workday schedule. IAM cannot express recurring windows
 * (aws-iam-semantics.md §5: only absolute aws:CurrentTime bounds exist), so the schedule lives outside IAM: a
 * scheduler grants and revokes the access. iamsim records that a principal is on such a schedule with the tag
 * `iamsim:schedule` (value e.g. `Mon-Fri 09:00-17:30 Europe/London`); a scenario's `schedule` steps play the scheduler.
 */
import { defineCheck } from '../define-check.js';
import type { Report } from '../types.js';
import { sensitivePrincipals, SCHEDULE_TAG, tagValue, type SensitiveTag } from '../universe/sensitive-principals.js';

/** Days, then a time window, then an optional IANA zone: `Mon-Fri 09:00-17:30 Europe/London`, `weekdays 08:00-18:00`. */
export const SCHEDULE_FORMAT = /^(mon|tue|wed|thu|fri|sat|sun|weekdays|daily)(-(mon|tue|wed|thu|fri|sat|sun))?(,(mon|tue|wed|thu|fri|sat|sun))*\s+([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d(\s+[A-Za-z_]+(\/[A-Za-z_+-]+)*)?$/i;

/** Options of sensitive-access-schedule. */
export interface ScheduleOptions extends Readonly<Record<string, unknown>> {
  /** Which principals must be on a schedule (default: contractors and vendors). */
  readonly scheduledTags: readonly SensitiveTag[];
  readonly scheduleTag: string;
}

type Msg = 'noSchedule' | 'badSchedule';

/** The check. */
export default defineCheck({
  meta: {
    id: 'sensitive-access-schedule',
    practice: 12,
    title: 'Contractor access follows a workday schedule',
    severity: 'medium',
    rationale:
      'A contractor who works weekdays in office hours needs no access at night or at weekends. IAM has no day-of-week or time-of-day condition, ' +
      'so the window must be enforced by something that grants and revokes access on a schedule (EventBridge Scheduler, IAM Identity Center TEAM); this check asks that one is recorded.',
    references: [
      'AWS IAM best practices: Use conditions in IAM policies to further restrict access',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws-dates.html',
      'AWS Security Blog: Temporary elevated access management with IAM Identity Center',
    ],
    remediation: 'manual',
    messages: {
      noSchedule: '{{kind}} {{name}} ({{reason}}) has standing access at every hour of every day: record its workday schedule in the tag {{tag}} and enforce it with a scheduler (IAM cannot express weekday windows)',
      badSchedule: "{{kind}} {{name}}'s tag {{tag}} = {{value}} is not a schedule like 'Mon-Fri 09:00-17:30 Europe/London'",
    },
    options: {
      type: 'object',
      properties: {
        scheduledTags: { type: 'array', items: { type: 'object', required: ['key'], properties: { key: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } } } },
        scheduleTag: { type: 'string' },
      },
      additionalProperties: false,
    },
    defaults: { scheduledTags: [{ key: 'employment', values: ['contractor', 'vendor'] }], scheduleTag: SCHEDULE_TAG } as ScheduleOptions,
  },
  detect({ account, options }) {
    const out: Report<Msg>[] = [];
    for (const p of sensitivePrincipals(account, options.scheduledTags)) {
      const resource = { kind: p.key.kind, arn: p.arn, name: p.key.name } as const;
      const base = { kind: p.key.kind, name: p.key.name, reason: p.reasons.join(', '), tag: options.scheduleTag };
      const value = tagValue(p.tags, options.scheduleTag);
      if (value === undefined) out.push({ messageId: 'noSchedule', data: base, resource });
      else if (!SCHEDULE_FORMAT.test(value.trim())) out.push({ messageId: 'badSchedule', data: { ...base, value }, resource });
    }
    return out;
  },
});
