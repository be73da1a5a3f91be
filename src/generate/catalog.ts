/**
 * The shape of a generated organisation: departments (one group and one customer policy each, granting exactly the
 * services its people use, in services whose Access Advisor data is per service, not per action) and application
 * roles for EC2. Every action listed is one the activity calls, so a clean account has no unused permissions.
 */

/** One permission a department or application uses: the action and the resource it is called on. */
export interface UsedAction {
  readonly action: string;
  /** A resource ARN template; `{account}` is replaced by the account id. */
  readonly resource: string;
}

/** A department: its group, the AWS managed policy it may hold, and the actions its people call. */
export interface Department {
  readonly name: string;
  /** Share of the staff (weights, normalised by the generator). */
  readonly weight: number;
  /** AWS managed policy attached to the group beside the customer one, or null. */
  readonly awsManaged: string | null;
  /** What each person calls: one action per service at least. */
  readonly uses: readonly UsedAction[];
}

const table = (name: string): string => `arn:aws:dynamodb:us-east-1:{account}:table/${name}`;
const queue = (name: string): string => `arn:aws:sqs:us-east-1:{account}:${name}`;

/** The departments, in order. */
export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'engineering', weight: 5, awsManaged: null,
    uses: [
      { action: 'dynamodb:GetItem', resource: table('engineering-catalog') },
      { action: 'codecommit:GitPull', resource: 'arn:aws:codecommit:us-east-1:{account}:platform' },
      { action: 'ses:SendEmail', resource: 'arn:aws:ses:us-east-1:{account}:identity/example.com' },
    ],
  },
  {
    name: 'data', weight: 2, awsManaged: null,
    uses: [
      { action: 'athena:StartQueryExecution', resource: 'arn:aws:athena:us-east-1:{account}:workgroup/analytics' },
      { action: 'glue:GetTable', resource: 'arn:aws:glue:us-east-1:{account}:table/warehouse/orders' },
      { action: 'support:DescribeCases', resource: '*' },
    ],
  },
  {
    name: 'finance', weight: 1, awsManaged: null,
    uses: [
      { action: 'dynamodb:Query', resource: table('finance-ledger') },
      { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:{account}:finance-alerts' },
      { action: 'ce:GetCostAndUsage', resource: '*' },
    ],
  },
  {
    name: 'support', weight: 2, awsManaged: null,
    uses: [
      { action: 'logs:FilterLogEvents', resource: 'arn:aws:logs:us-east-1:{account}:log-group:/app/web:*' },
      { action: 'sqs:SendMessage', resource: queue('support-escalations') },
      { action: 'support:DescribeCases', resource: '*' },
    ],
  },
  {
    name: 'marketing', weight: 1, awsManaged: null,
    uses: [
      { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:{account}:campaigns' },
      { action: 'dynamodb:PutItem', resource: table('marketing-leads') },
      { action: 'ses:SendEmail', resource: 'arn:aws:ses:us-east-1:{account}:identity/example.com' },
    ],
  },
  {
    name: 'security', weight: 1, awsManaged: null,
    uses: [
      { action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:{account}:secret:security/*' },
      { action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      { action: 'guardduty:ListFindings', resource: 'arn:aws:guardduty:us-east-1:{account}:detector/12abc34d567e8fa901bc2d34e56789f0' },
    ],
  },
];

/** An application kind that runs on EC2 under its own role. */
export interface AppKind {
  readonly name: string;
  readonly uses: readonly UsedAction[];
}

/** The application kinds, assigned to roles round-robin. */
export const APP_KINDS: readonly AppKind[] = [
  { name: 'web', uses: [{ action: 'dynamodb:GetItem', resource: table('engineering-catalog') }, { action: 'sqs:SendMessage', resource: queue('orders') }, { action: 'xray:PutTraceSegments', resource: '*' }] },
  { name: 'worker', uses: [{ action: 'sqs:ReceiveMessage', resource: queue('orders') }, { action: 'dynamodb:PutItem', resource: table('orders') }, { action: 'ssm:GetParameter', resource: 'arn:aws:ssm:us-east-1:{account}:parameter/worker/*' }] },
  { name: 'reports', uses: [{ action: 'athena:StartQueryExecution', resource: 'arn:aws:athena:us-east-1:{account}:workgroup/reports' }, { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:{account}:reports' }, { action: 'glue:GetTable', resource: 'arn:aws:glue:us-east-1:{account}:table/warehouse/orders' }] },
];

/** A policy document allowing exactly `uses`, one statement per action. */
export function policyFor(uses: readonly UsedAction[], account: string): Readonly<Record<string, unknown>> {
  return {
    Version: '2012-10-17',
    Statement: uses.map((u, i) => ({ Sid: `Use${i + 1}`, Effect: 'Allow', Action: u.action, Resource: u.resource.replaceAll('{account}', account) })),
  };
}

/** The EC2 trust policy of an application role. */
export const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
} as const;
