/**
 * Tasks that require the root user's credentials, as data, with the CloudTrail events that record them.
 * Source: AWS IAM User Guide, "Tasks that require root user credentials"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks), and the AWS Account
 * Management Reference Guide for the account settings only root may change. Sign-in events are prerequisites of
 * every root task, so they never count as misuse on their own.
 */

/** One root-only task and the events that record it: an event source with specific event names, or every event of the source. */
export interface RootTask {
  readonly task: string;
  readonly eventSource: string;
  /** Omitted: every event of this source is part of the task. */
  readonly eventNames?: readonly string[];
}

/** The documented root-only tasks. */
export const ROOT_TASKS: readonly RootTask[] = [
  { task: 'Change account settings: root password, email address, account name', eventSource: 'signin.amazonaws.com', eventNames: ['PasswordUpdated', 'EmailUpdated'] },
  { task: 'Change account settings: account name, close the account', eventSource: 'account.amazonaws.com', eventNames: ['PutAccountName', 'CloseAccount'] },
  { task: "Manage the root user's own access keys", eventSource: 'iam.amazonaws.com', eventNames: ['CreateAccessKey', 'DeleteAccessKey', 'UpdateAccessKey', 'ListAccessKeys', 'GetAccessKeyLastUsed'] },
  {
    task: "Manage the root user's own MFA devices and signing certificates",
    eventSource: 'iam.amazonaws.com',
    eventNames: ['CreateVirtualMFADevice', 'EnableMFADevice', 'DeactivateMFADevice', 'DeleteVirtualMFADevice', 'ResyncMFADevice', 'ListMFADevices', 'UploadSigningCertificate', 'DeleteSigningCertificate'],
  },
  { task: 'Activate IAM access to the Billing and Cost Management console', eventSource: 'billingconsole.amazonaws.com' },
  { task: 'View certain tax invoices', eventSource: 'tax.amazonaws.com' },
  { task: 'Change or cancel the AWS Support plan', eventSource: 'supportplans.amazonaws.com' },
  { task: 'Register as a seller in the Reserved Instance Marketplace', eventSource: 'ec2.amazonaws.com', eventNames: ['RegisterSellerAccount'] },
  { task: 'Configure an Amazon S3 bucket to enable MFA delete; edit or delete a bucket policy that denies all principals', eventSource: 's3.amazonaws.com', eventNames: ['PutBucketVersioning', 'PutBucketPolicy', 'DeleteBucketPolicy'] },
  { task: 'Edit or delete an Amazon SQS queue policy that denies all principals', eventSource: 'sqs.amazonaws.com', eventNames: ['SetQueueAttributes'] },
  { task: 'Sign up for AWS GovCloud (US)', eventSource: 'govcloud.amazonaws.com' },
];

/** Sign-in events that precede any root task. */
export const SIGN_IN_EVENTS: readonly string[] = ['ConsoleLogin', 'CheckMfa', 'SwitchRole', 'ExitRole'];

/** The root-only task an event belongs to, or undefined when the event is a task that does not need root. */
export function rootTaskOf(eventSource: string, eventName: string): RootTask | undefined {
  return ROOT_TASKS.find((t) => t.eventSource === eventSource && (t.eventNames === undefined || t.eventNames.includes(eventName)));
}
