/**
 * `aws iam get-account-authorization-details` output → users, groups, roles, customer managed policies, instance
 * profiles and RoleLastUsed. Several pages (IsTruncated/Marker, e.g. with --max-items) are merged; entities repeated
 * across pages are kept once. AWS managed policies stay ARNs: the shipped catalog has their documents. An AWS managed
 * policy the catalog lacks (retired ones such as AWSLambdaFullAccess) is kept from the export so its grants still count.
 */
import type { PolicyDocument } from '../evaluator/types.js';
import { awsManagedPolicy, isAwsManagedArn } from '../model/aws-managed.js';
import type { Group, InstanceProfile, Instant, LastUsed, ManagedPolicy, PolicyVersion, Role, User } from '../model/types.js';
import { parseAwsDate } from './dates.js';
import { decodePolicyDocument } from './policy-document.js';
import { asArray, asRecord, importError, importWarning, pointer, str, tagsOf } from './problems.js';
import type { ImportProblem } from './types.js';

/** One page of the output, with the file it came from. */
export interface AuthzPage {
  readonly file: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What the authorization details contribute to an account. Users carry no credentials yet (the credential report adds them). */
export interface AuthzPieces {
  readonly accountId: string | undefined;
  readonly users: Record<string, User>;
  readonly groups: Record<string, Group>;
  readonly roles: Record<string, Role>;
  readonly policies: Record<string, ManagedPolicy>;
  readonly instanceProfiles: Record<string, InstanceProfile>;
  readonly roleUsage: Record<string, LastUsed>;
  /** The newest date seen, a fallback snapshot time when nothing better is given. */
  readonly newest: Instant | undefined;
}

/** True when parsed JSON looks like authorization details. */
export const isAuthorizationDetails = (o: Readonly<Record<string, unknown>>): boolean =>
  ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].some((k) => Array.isArray(o[k]));

const EPOCH: Instant = '1970-01-01T00:00:00Z';

/** Reads every page; problems name the file and the JSON pointer of the record. */
export function readAuthorizationDetails(pages: readonly AuthzPage[]): { readonly pieces: AuthzPieces; readonly problems: readonly ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const users: Record<string, User> = {};
  const groups: Record<string, Group> = {};
  const roles: Record<string, Role> = {};
  const policies: Record<string, ManagedPolicy> = {};
  const instanceProfiles: Record<string, InstanceProfile> = {};
  const roleUsage: Record<string, LastUsed> = {};
  let accountId: string | undefined;
  let newest: Instant | undefined;
  const seen = (t: Instant | undefined): void => {
    if (t !== undefined && (newest === undefined || t > newest)) newest = t;
  };
  const noteAccount = (arn: string): void => {
    const m = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn);
    if (m !== null && accountId === undefined) accountId = m[1];
  };

  for (const { file, data } of pages) {
    const required = (o: Readonly<Record<string, unknown>>, path: string, keys: readonly string[], what: string): boolean => {
      const missing = keys.filter((k) => typeof o[k] !== 'string' || o[k] === '');
      for (const k of missing) problems.push(importError(file, `${path}/${k}`, 'missing-field', `${what} has no ${k}`, 'export again with `aws iam get-account-authorization-details`; this field is always present in its output'));
      return missing.length === 0;
    };
    const date = (o: Readonly<Record<string, unknown>>, key: string, path: string, what: string): Instant => {
      const t = parseAwsDate(o[key]);
      if (t === undefined) {
        if (o[key] !== undefined) problems.push(importWarning(file, `${path}/${key}`, 'bad-date', `${what}: ${JSON.stringify(o[key])} is not a date; taken as 1970-01-01`, 'dates look like 2019-12-18 19:10:08+00:00 or 2019-12-18T19:10:08Z'));
        else problems.push(importWarning(file, `${path}/${key}`, 'missing-date', `${what} has no ${key}; taken as 1970-01-01`));
        return EPOCH;
      }
      seen(t);
      return t;
    };
    const document = (v: unknown, path: string, what: string): PolicyDocument | undefined => {
      const d = decodePolicyDocument(v);
      if (!d.ok) {
        problems.push(importError(file, path, 'bad-policy-document', `${what}: ${d.error}`, 'the document must be the JSON policy, decoded or URL-encoded as IAM returns it'));
        return undefined;
      }
      return d.value;
    };
    const inline = (list: unknown, path: string, listKey: string, owner: string): Record<string, PolicyDocument> => {
      const out: Record<string, PolicyDocument> = {};
      asArray(list).forEach((item, i) => {
        const r = asRecord(item);
        const p = `${path}/${listKey}/${i}`;
        if (r === undefined || typeof r['PolicyName'] !== 'string') {
          problems.push(importError(file, `${p}/PolicyName`, 'missing-field', `an inline policy of ${owner} has no PolicyName`));
          return;
        }
        const doc = document(r['PolicyDocument'], `${p}/PolicyDocument`, `inline policy ${r['PolicyName']} of ${owner}`);
        if (doc !== undefined) out[r['PolicyName']] = doc;
      });
      return out;
    };
    const attached = (list: unknown, path: string, owner: string): string[] => {
      const out: string[] = [];
      asArray(list).forEach((item, i) => {
        const arn = asRecord(item)?.['PolicyArn'];
        if (typeof arn === 'string' && arn.startsWith('arn:')) out.push(arn);
        else problems.push(importError(file, `${path}/AttachedManagedPolicies/${i}/PolicyArn`, 'missing-field', `an attached policy of ${owner} has no PolicyArn`));
      });
      return out;
    };
    const boundary = (o: Readonly<Record<string, unknown>>): string | null => {
      const b = asRecord(o['PermissionsBoundary']);
      const arn = b !== undefined ? b['PermissionsBoundaryArn'] : undefined;
      return typeof arn === 'string' ? arn : null;
    };

    asArray(data['GroupDetailList']).forEach((item, i) => {
      const path = pointer('GroupDetailList', i);
      const g = asRecord(item);
      if (g === undefined) return void problems.push(importError(file, path, 'type', 'a group record must be an object'));
      if (!required(g, path, ['GroupName', 'Arn'], `group record ${i}`)) return;
      const name = g['GroupName'] as string;
      noteAccount(g['Arn'] as string);
      groups[name] = {
        name,
        path: str(g, 'Path') ?? '/',
        arn: g['Arn'] as string,
        id: str(g, 'GroupId') || name,
        created: date(g, 'CreateDate', path, `group ${name}`),
        attachedPolicies: attached(g['AttachedManagedPolicies'], path, `group ${name}`),
        inlinePolicies: inline(g['GroupPolicyList'], path, 'GroupPolicyList', `group ${name}`),
      };
    });

    asArray(data['UserDetailList']).forEach((item, i) => {
      const path = pointer('UserDetailList', i);
      const u = asRecord(item);
      if (u === undefined) return void problems.push(importError(file, path, 'type', 'a user record must be an object'));
      if (!required(u, path, ['UserName', 'Arn'], `user record ${i}`)) return;
      const name = u['UserName'] as string;
      noteAccount(u['Arn'] as string);
      users[name] = {
        name,
        path: str(u, 'Path') ?? '/',
        arn: u['Arn'] as string,
        id: str(u, 'UserId') || name,
        created: date(u, 'CreateDate', path, `user ${name}`),
        attachedPolicies: attached(u['AttachedManagedPolicies'], path, `user ${name}`),
        inlinePolicies: inline(u['UserPolicyList'], path, 'UserPolicyList', `user ${name}`),
        tags: tagsOf(u['Tags']),
        loginProfile: null,
        mfa: [],
        accessKeys: [],
        groups: asArray(u['GroupList']).filter((x): x is string => typeof x === 'string'),
        boundary: boundary(u),
      };
    });

    asArray(data['RoleDetailList']).forEach((item, i) => {
      const path = pointer('RoleDetailList', i);
      const r = asRecord(item);
      if (r === undefined) return void problems.push(importError(file, path, 'type', 'a role record must be an object'));
      if (!required(r, path, ['RoleName', 'Arn'], `role record ${i}`)) return;
      const name = r['RoleName'] as string;
      noteAccount(r['Arn'] as string);
      if (r['AssumeRolePolicyDocument'] === undefined) {
        problems.push(importError(file, `${path}/AssumeRolePolicyDocument`, 'missing-field', `role ${name} has no AssumeRolePolicyDocument`, 'every role has a trust policy; export again'));
        return;
      }
      const trust = document(r['AssumeRolePolicyDocument'], `${path}/AssumeRolePolicyDocument`, `trust policy of role ${name}`);
      if (trust === undefined) return;
      const rolePath = str(r, 'Path') ?? '/';
      const max = typeof r['MaxSessionDuration'] === 'number' ? r['MaxSessionDuration'] : 3600;
      roles[name] = {
        name,
        path: rolePath,
        arn: r['Arn'] as string,
        id: str(r, 'RoleId') || name,
        created: date(r, 'CreateDate', path, `role ${name}`),
        attachedPolicies: attached(r['AttachedManagedPolicies'], path, `role ${name}`),
        inlinePolicies: inline(r['RolePolicyList'], path, 'RolePolicyList', `role ${name}`),
        tags: tagsOf(r['Tags']),
        trustPolicy: trust,
        maxSessionDuration: max,
        boundary: boundary(r),
        ...(typeof r['Description'] === 'string' ? { description: r['Description'] } : {}),
        ...(rolePath.startsWith('/aws-service-role/') ? { serviceLinked: true } : {}),
      };
      const lu = asRecord(r['RoleLastUsed']);
      const used = lu !== undefined ? parseAwsDate(lu['LastUsedDate']) : undefined;
      if (used !== undefined && lu !== undefined) {
        seen(used);
        roleUsage[name] = { date: used, ...(typeof lu['Region'] === 'string' ? { region: lu['Region'] } : {}) };
      }
      asArray(r['InstanceProfileList']).forEach((ipItem, j) => {
        const ip = asRecord(ipItem);
        const ipPath = `${path}/InstanceProfileList/${j}`;
        if (ip === undefined || !required(ip, ipPath, ['InstanceProfileName', 'Arn'], `an instance profile of role ${name}`)) return;
        const ipName = ip['InstanceProfileName'] as string;
        const prior = instanceProfiles[ipName];
        const roleNames = asArray(ip['Roles']).map((x) => asRecord(x)?.['RoleName']).filter((x): x is string => typeof x === 'string');
        instanceProfiles[ipName] = {
          name: ipName,
          arn: ip['Arn'] as string,
          id: str(ip, 'InstanceProfileId') || ipName,
          created: date(ip, 'CreateDate', ipPath, `instance profile ${ipName}`),
          roles: [...new Set([...(prior?.roles ?? []), ...(roleNames.length > 0 ? roleNames : [name])])],
        };
      });
    });

    asArray(data['Policies']).forEach((item, i) => {
      const path = pointer('Policies', i);
      const p = asRecord(item);
      if (p === undefined) return void problems.push(importError(file, path, 'type', 'a policy record must be an object'));
      if (!required(p, path, ['PolicyName', 'Arn'], `policy record ${i}`)) return;
      const arn = p['Arn'] as string;
      if (isAwsManagedArn(arn) && awsManagedPolicy(arn) !== undefined) return;
      if (!isAwsManagedArn(arn)) noteAccount(arn);
      const versions: PolicyVersion[] = [];
      asArray(p['PolicyVersionList']).forEach((vItem, j) => {
        const v = asRecord(vItem);
        const vPath = `${path}/PolicyVersionList/${j}`;
        if (v === undefined || typeof v['VersionId'] !== 'string') return void problems.push(importError(file, `${vPath}/VersionId`, 'missing-field', `a version of policy ${arn} has no VersionId`));
        const doc = document(v['Document'], `${vPath}/Document`, `policy ${arn} version ${v['VersionId']}`);
        if (doc !== undefined) versions.push({ id: v['VersionId'], document: doc, created: date(v, 'CreateDate', vPath, `policy ${arn} version ${v['VersionId']}`) });
      });
      const marked = asArray(p['PolicyVersionList']).map(asRecord).find((v) => v?.['IsDefaultVersion'] === true)?.['VersionId'];
      const defaultVersion = str(p, 'DefaultVersionId') ?? (typeof marked === 'string' ? marked : versions[0]?.id);
      if (defaultVersion === undefined || !versions.some((v) => v.id === defaultVersion)) {
        problems.push(importError(file, `${path}/DefaultVersionId`, 'missing-field', `policy ${arn} has no usable default version`, 'the export lists every version with IsDefaultVersion; export again without filtering versions'));
        return;
      }
      if (isAwsManagedArn(arn)) {
        problems.push(importWarning(file, path, 'retired-aws-policy', `AWS managed policy ${arn} is not in iamsim's catalog (retired or newer); its document is taken from the export`));
      }
      policies[arn] = {
        arn,
        name: p['PolicyName'] as string,
        path: str(p, 'Path') ?? '/',
        id: str(p, 'PolicyId') || (p['PolicyName'] as string),
        created: date(p, 'CreateDate', path, `policy ${arn}`),
        ...(typeof p['Description'] === 'string' ? { description: p['Description'] } : {}),
        versions: versions.slice(-5),
        defaultVersion,
        lastReviewed: null,
      };
    });
  }
  return { pieces: { accountId, users, groups, roles, policies, instanceProfiles, roleUsage, newest }, problems };
}

/**
 * Checks that the pages form one complete set: exactly one page ends it (IsTruncated false or absent). Returns the
 * problem for a set whose last page is missing.
 */
export function paginationProblems(pages: readonly AuthzPage[]): readonly ImportProblem[] {
  const truncated = pages.filter((p) => p.data['IsTruncated'] === true);
  if (truncated.length < pages.length) return [];
  const last = truncated[truncated.length - 1];
  if (last === undefined) return [];
  const marker = typeof last.data['Marker'] === 'string' ? ` (Marker ${last.data['Marker'].slice(0, 24)}…)` : '';
  return [importError(last.file, '/IsTruncated', 'incomplete-pages', `every page of the authorization details says IsTruncated: true${marker}; the last page is missing`, 'export again without --max-items, or add the page fetched with --starting-token <Marker>')];
}
