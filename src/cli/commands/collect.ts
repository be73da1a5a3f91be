/**
 * `iamsim collect`: prints the read-only AWS CLI commands that write the files `iamsim import` and `audit --aws` read,
 * so a user can hand them to whoever holds the credentials. iamsim itself never calls AWS. Every command is a Get,
 * List, Describe, Lookup or Generate (the credential report) call; none changes the account.
 */
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { EXIT } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';

/** One step of the collection script: a comment saying what the file is, then shell lines. */
export interface CollectStep {
  readonly title: string;
  readonly lines: readonly string[];
}

/** The collection script for output directory `dir` and CloudTrail lookback `days`. */
export function collectSteps(dir: string, days: number): readonly CollectStep[] {
  return [
    { title: 'Output directory (iamsim recognises the files by content; the names are only for people)', lines: [`mkdir -p ${dir} && cd ${dir}`] },
    {
      title: 'Users, groups, roles, policies with every version, inline policies, boundaries, tags, instance profiles, RoleLastUsed (required)',
      lines: ['aws iam get-account-authorization-details --output json > authorization-details.json'],
    },
    {
      title: 'Credential report: passwords, MFA, access keys, last use (generate, wait until COMPLETE, then fetch)',
      lines: [
        'until [ "$(aws iam generate-credential-report --query State --output text)" = "COMPLETE" ]; do sleep 5; done',
        'aws iam get-credential-report --output json > credential-report.json',
      ],
    },
    { title: 'Password policy (writes nothing when the account has none: iamsim then reports that)', lines: ['aws iam get-account-password-policy --output json > password-policy.json || rm -f password-policy.json'] },
    { title: 'Account summary: root MFA and root access keys', lines: ['aws iam get-account-summary --output json > account-summary.json'] },
    { title: 'Virtual MFA devices: tells virtual from hardware MFA (root above all)', lines: ['aws iam list-virtual-mfa-devices --output json > virtual-mfa-devices.json'] },
    {
      title: 'Access Advisor, one file per user and role, with the principal ARN added (the API output does not name it)',
      lines: [
        'for arn in $(aws iam list-users --query "Users[].Arn" --output text) $(aws iam list-roles --query "Roles[].Arn" --output text); do',
        '  job=$(aws iam generate-service-last-accessed-details --arn "$arn" --granularity ACTION_LEVEL --query JobId --output text)',
        '  until [ "$(aws iam get-service-last-accessed-details --job-id "$job" --query JobStatus --output text)" = "COMPLETED" ]; do sleep 2; done',
        `  aws iam get-service-last-accessed-details --job-id "$job" --output json | jq --arg arn "$arn" '. + {Arn: $arn}' > "last-accessed.$(echo "$arn" | tr ':/' '__').json"`,
        'done',
      ],
    },
    {
      title: `CloudTrail: the last ${days} days of management events (or copy the trail's S3 files, .json.gz as delivered)`,
      lines: [`aws cloudtrail lookup-events --start-time "$(date -u -d '-${days} days' +%Y-%m-%dT%H:%M:%SZ)" --output json > cloudtrail-lookup-events.json`],
    },
    { title: 'EC2 instances and their instance profiles (repeat per region with --region)', lines: ['aws ec2 describe-instances --output json > ec2-instances.json'] },
    {
      title: 'CloudTrail trails and whether each is logging (the trail name added to each status file)',
      lines: [
        'aws cloudtrail describe-trails --output json > trails.json',
        'for name in $(aws cloudtrail describe-trails --query "trailList[].Name" --output text); do',
        `  aws cloudtrail get-trail-status --name "$name" --output json | jq --arg name "$name" '. + {Name: $name}' > "trail-status.$name.json"`,
        'done',
      ],
    },
  ];
}

/** The script as text: comments and commands, ready to paste into a shell with read-only credentials. */
export function renderCollectScript(dir: string, days: number): string {
  const head = [
    '#!/bin/sh',
    '# Read-only AWS CLI commands that write the files iamsim reads (`iamsim import DIR` or `iamsim audit --aws DIR`).',
    '# Run them with credentials that may read IAM, CloudTrail and EC2 (e.g. the SecurityAudit managed policy). Needs jq.',
    'set -e',
  ];
  const body = collectSteps(dir, days).flatMap((s) => ['', `# ${s.title}`, ...s.lines]);
  return `${[...head, ...body].join('\n')}\n`;
}

interface CollectFlags {
  readonly dir: string;
  readonly days: string;
  readonly format: 'text' | 'json';
}

/** Registers `iamsim collect`. */
export const registerCollect: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('collect')
    .description('Print the read-only AWS CLI commands that export what `iamsim import` and `audit --aws` read (iamsim never calls AWS)')
    .option('--dir <dir>', 'directory the commands write into', 'aws-export')
    .option('--days <n>', 'CloudTrail lookback in days (lookup-events keeps 90)', '90')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: CollectFlags) => {
      const days = Number(flags.days);
      if (!Number.isInteger(days) || days < 1 || days > 90) {
        io.err(`iamsim: --days: "${flags.days}" must be a whole number from 1 to 90\n  hint: CloudTrail lookup-events holds the last 90 days\n`);
        box.code = EXIT.badInput;
        return;
      }
      io.out(flags.format === 'json' ? `${JSON.stringify(collectSteps(flags.dir, days), null, 2)}\n` : renderCollectScript(flags.dir, days));
      box.code = EXIT.ok;
    });
};
