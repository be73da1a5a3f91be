/**
 * The in-memory IAM account. Plain readonly data, changed only through immer recipes (src/model/operations/).
 * Configuration lives in plain records; what requests observe (last-used data, the activity log) lives in
 * persistent collections from `immutable`, so a request never copies the account: it shares everything but a
 * few map nodes (structural sharing).
 */
import type { List, Map as IMap } from 'immutable';
import type { PolicyDocument } from '../evaluator/types.js';

/** An instant as an ISO-8601 UTC string, always `YYYY-MM-DDTHH:mm:ssZ` (or with `.sss`) so strings sort in time order. */
export type Instant = string;

/** Tags, key → value. */
export type Tags = Readonly<Record<string, string>>;

/** An access key. Last-used data is kept in `Account.usage.accessKeys`, not here. */
export interface AccessKey {
  readonly id: string;
  readonly status: 'Active' | 'Inactive';
  readonly created: Instant;
}

/** An MFA device: virtual (authenticator app) or hardware (TOTP token or FIDO key). */
export interface MfaDevice {
  readonly serial: string;
  readonly kind: 'virtual' | 'hardware';
  readonly enabled: Instant;
}

/** What iamsim knows about a password: its properties, never the password itself. */
export interface PasswordProperties {
  readonly length: number;
  readonly upper: boolean;
  readonly lower: boolean;
  readonly numbers: boolean;
  readonly symbols: boolean;
  /** On a common-password list (e.g. "Password123!"). */
  readonly common: boolean;
  /** A dictionary word with decoration. */
  readonly dictionary: boolean;
}

/** A console password. Last used is kept in `Account.usage.passwords`. */
export interface LoginProfile {
  readonly created: Instant;
  readonly passwordLastChanged: Instant;
  readonly passwordResetRequired: boolean;
  readonly password: PasswordProperties;
}

/** Fields shared by users, groups and roles. */
export interface PrincipalBase {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AIDA… for users, AGPA… for groups, AROA… for roles. */
  readonly id: string;
  readonly created: Instant;
  /** Managed policy ARNs, AWS or customer. */
  readonly attachedPolicies: readonly string[];
  /** Inline policies by name. */
  readonly inlinePolicies: Readonly<Record<string, PolicyDocument>>;
}

/** An IAM user. */
export interface User extends PrincipalBase {
  readonly tags: Tags;
  readonly loginProfile: LoginProfile | null;
  readonly mfa: readonly MfaDevice[];
  /** At most 2. */
  readonly accessKeys: readonly AccessKey[];
  /** Group names. */
  readonly groups: readonly string[];
  /** Permissions boundary: a managed policy ARN. */
  readonly boundary: string | null;
}

/** An IAM group. */
export type Group = PrincipalBase;

/** An IAM role. */
export interface Role extends PrincipalBase {
  readonly tags: Tags;
  readonly trustPolicy: PolicyDocument;
  /** Seconds, 3600..43200. */
  readonly maxSessionDuration: number;
  readonly boundary: string | null;
  readonly description?: string;
  /** Service-linked roles (path /aws-service-role/) are exempt from SCPs and not editable. */
  readonly serviceLinked?: boolean;
}

/** One version of a managed policy. */
export interface PolicyVersion {
  readonly id: string;
  readonly document: PolicyDocument;
  readonly created: Instant;
}

/** A customer managed policy (AWS managed policies come from the shipped catalog, see aws-managed.ts). */
export interface ManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly created: Instant;
  readonly description?: string;
  /** At most 5. */
  readonly versions: readonly PolicyVersion[];
  readonly defaultVersion: string;
  /** When a person last reviewed this policy (practice 7); null when never. */
  readonly lastReviewed?: Instant | null;
}

/** An instance profile: a container for at most one role. */
export interface InstanceProfile {
  readonly name: string;
  readonly arn: string;
  readonly id: string;
  readonly created: Instant;
  /** Role names (at most 1). */
  readonly roles: readonly string[];
}

/** How an application on an instance calls AWS: the instance role, or a user's long-lived key (practice 10's violation). */
export type AppCredential =
  | { readonly kind: 'instance-role' }
  | { readonly kind: 'access-key'; readonly user: string; readonly accessKeyId: string };

/** An application running on an EC2 instance. */
export interface Application {
  readonly name: string;
  readonly credential: AppCredential;
}

/** An EC2 instance. */
export interface Ec2Instance {
  readonly id: string;
  readonly region: string;
  readonly launched: Instant;
  /** Instance profile name, or null. */
  readonly instanceProfile: string | null;
  readonly applications: readonly Application[];
  readonly tags: Tags;
}

/** A resource with a resource-based policy or tags: S3 bucket, KMS key, SQS queue, SNS topic, … keyed by ARN. */
export interface Resource {
  readonly arn: string;
  readonly policy: PolicyDocument | null;
  readonly tags: Tags;
}

/** The account password policy, in the shape of GetAccountPasswordPolicy. */
export interface PasswordPolicy {
  readonly MinimumPasswordLength: number;
  readonly RequireSymbols: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireUppercaseCharacters: boolean;
  readonly RequireLowercaseCharacters: boolean;
  readonly AllowUsersToChangePassword: boolean;
  readonly ExpirePasswords: boolean;
  readonly MaxPasswordAge?: number;
  readonly PasswordReusePrevention?: number;
  readonly HardExpiry: boolean;
}

/** A CloudTrail trail's configuration. */
export interface Trail {
  readonly name: string;
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
  readonly logFileValidationEnabled: boolean;
  readonly isLogging: boolean;
  readonly s3BucketName: string;
}

/** An SCP or RCP. */
export interface OrgPolicy {
  readonly id: string;
  readonly name: string;
  readonly kind: 'scp' | 'rcp';
  readonly document: PolicyDocument;
}

/** One level of the organization between the root and this account, root first, the account itself last. */
export interface OrgLevel {
  readonly id: string;
  readonly name: string;
  readonly kind: 'root' | 'ou' | 'account';
  /** Org policy ids attached at this level. */
  readonly scps: readonly string[];
  readonly rcps: readonly string[];
}

/** Where the account sits in AWS Organizations. */
export interface Organization {
  readonly id: string;
  readonly managementAccountId: string;
  readonly levels: readonly OrgLevel[];
  readonly policies: Readonly<Record<string, OrgPolicy>>;
}

/** The root user. Password last used is in `Account.usage.passwords` under the key ROOT. */
export interface RootUser {
  readonly arn: string;
  readonly created: Instant;
  readonly hasPassword: boolean;
  readonly accessKeys: readonly AccessKey[];
  readonly mfa: readonly MfaDevice[];
}

/** A credential a person holds: ground truth for practice 3. */
export type CredentialRef =
  | { readonly kind: 'console'; readonly user: string }
  | { readonly kind: 'access-key'; readonly accessKeyId: string }
  | { readonly kind: 'root' };

/** A human in the simulation. Checks never read this; only tests and reports do. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly credentials: readonly CredentialRef[];
  /** The IPs and hours this person usually works from (used by generators and activity). */
  readonly ips?: readonly string[];
}

/** An STS session from AssumeRole (or an instance role). */
export interface RoleSession {
  readonly id: string;
  readonly roleName: string;
  readonly sessionName: string;
  /** ASIA… temporary key id. */
  readonly accessKeyId: string;
  readonly issued: Instant;
  readonly expires: Instant;
  readonly mfaAuthenticated: boolean;
  readonly mfaAuthTime?: Instant;
  /** Inline session policy. */
  readonly policy: PolicyDocument | null;
  readonly policyArns: readonly string[];
  readonly sourceIdentity?: string;
  readonly tags: Tags;
  /** Who assumed it: a user name, role session id, or 'ec2:<instance-id>'. */
  readonly assumedBy: string;
}

/** Last use of a credential. */
export interface LastUsed {
  readonly date: Instant;
  readonly service?: string;
  readonly region?: string;
}

/** Access Advisor's shape for one service namespace of one principal. */
export interface ServiceLastAccessed {
  readonly ServiceNamespace: string;
  readonly LastAuthenticated: Instant;
  readonly LastAuthenticatedEntity: string;
  readonly LastAuthenticatedRegion: string;
  readonly TotalAuthenticatedEntities: number;
  /** Action-level data, for services where Access Advisor tracks actions (e.g. s3, iam, ec2, lambda). */
  readonly TrackedActionsLastAccessed?: Readonly<Record<string, Instant>>;
}

/** The key under which root's password use is stored in `usage.passwords`. */
export const ROOT = '<root_account>';

/** What requests observe: persistent maps so a request shares all but a few nodes with the previous account. */
export interface Usage {
  /** Access key id → last use. */
  readonly accessKeys: IMap<string, LastUsed>;
  /** User name (or ROOT) → password last used. */
  readonly passwords: IMap<string, Instant>;
  /** Role name → last use. */
  readonly roles: IMap<string, LastUsed>;
  /** Principal ARN (user, role, or group) → service namespace → Access Advisor record. */
  readonly services: IMap<string, IMap<string, ServiceLastAccessed>>;
}

/** A CloudTrail event, with AWS's own field names. */
export interface CloudTrailEvent {
  readonly eventVersion: string;
  readonly eventID: string;
  readonly eventTime: Instant;
  readonly eventSource: string;
  readonly eventName: string;
  readonly eventType: 'AwsApiCall' | 'AwsConsoleSignIn' | 'AwsServiceEvent';
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly userIdentity: {
    readonly type: 'Root' | 'IAMUser' | 'AssumedRole' | 'FederatedUser' | 'AWSService';
    readonly principalId: string;
    readonly arn: string;
    readonly accountId: string;
    readonly userName?: string;
    readonly accessKeyId?: string;
    readonly sessionContext?: {
      readonly attributes: { readonly mfaAuthenticated: 'true' | 'false'; readonly creationDate: Instant };
      readonly sessionIssuer?: { readonly type: 'Role'; readonly principalId: string; readonly arn: string; readonly accountId: string; readonly userName: string };
    };
  };
  readonly requestParameters?: Readonly<Record<string, unknown>> | null;
  readonly responseElements?: Readonly<Record<string, unknown>> | null;
  readonly additionalEventData?: Readonly<Record<string, unknown>>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly resources?: readonly { readonly ARN: string; readonly type?: string }[];
  readonly recipientAccountId: string;
  /** iamsim extension, not AWS: the resource ARN the request targeted, for least-privilege policy generation. */
  readonly iamsimResource?: string;
}

/** The whole account. */
export interface Account {
  /** Bump when the saved JSON format changes. */
  readonly formatVersion: 1;
  readonly id: string;
  readonly alias: string | null;
  readonly partition: 'aws';
  readonly organization: Organization | null;
  readonly root: RootUser;
  readonly users: Readonly<Record<string, User>>;
  readonly groups: Readonly<Record<string, Group>>;
  readonly roles: Readonly<Record<string, Role>>;
  /** Customer managed policies by ARN. */
  readonly policies: Readonly<Record<string, ManagedPolicy>>;
  readonly instanceProfiles: Readonly<Record<string, InstanceProfile>>;
  readonly instances: Readonly<Record<string, Ec2Instance>>;
  /** Resource-based policies and resource tags by ARN. */
  readonly resources: Readonly<Record<string, Resource>>;
  readonly passwordPolicy: PasswordPolicy | null;
  readonly trails: Readonly<Record<string, Trail>>;
  readonly sessions: Readonly<Record<string, RoleSession>>;
  /** Ground truth: checks must never read it. */
  readonly people: Readonly<Record<string, Person>>;
  readonly usage: Usage;
  readonly activity: List<CloudTrailEvent>;
  /** Counter for deterministic ids (AIDA…, AKIA…, event ids). */
  readonly seq: number;
  /** Set by the AWS-export importer (src/import): which inputs were present and the snapshot time ages are computed from. */
  readonly importedFrom?: ImportedFrom;
}

/** Where an imported account came from: the input kinds present (src/import/types.ts InputKind) and the snapshot time. */
export interface ImportedFrom {
  readonly inputs: readonly string[];
  readonly snapshot: Instant;
}
