/** Validation of Resource / NotResource entries (sheet §2.2, §6.1; texts from IAM via moto). */
import type { PolicyProblem } from '../types.js';
import { splitArn } from '../match/resource.js';
import { templateProblems } from '../variables.js';
import { problem } from './messages.js';

const PARTITIONS: ReadonlySet<string> = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', '*']);
const IAM_PATHS = ['user/', 'federated-user/', 'role/', 'group/', 'instance-profile/', 'mfa/', 'server-certificate/', 'policy/', 'sms-mfa/', 'saml-provider/', 'oidc-provider/', 'report/', 'access-report/', 'root', 'u2f/', 'assumed-role/'];

/**
 * Problems with one resource string. `shortIsError` is false for resource-based policies, where a short ARN without a
 * trailing `*` is accepted and matches nothing; `variables` is true under Version 2012-10-17.
 */
export function resourceProblems(resource: string, path: string, shortIsError: boolean, variables: boolean): PolicyProblem[] {
  if (resource === '*') return [];
  const out: PolicyProblem[] = [];
  // Stryker disable next-line ConditionalExpression,StringLiteral: a fast path; templateProblems finds nothing in text without '$'.
  if (variables && resource.indexOf('$') >= 0) {
    for (const detail of templateProblems(resource)) out.push(problem('variable-malformed', path, { detail }));
  }
  const parts = splitArn(resource);
  if (parts.length < 2 || parts[0] !== 'arn') return [...out, problem('resource-format', path, { resource })];
  // Stryker disable next-line StringLiteral: unreachable default; parts has at least two entries here.
  const partition = parts[1] ?? '';
  if (!PARTITIONS.has(partition)) return [...out, problem('resource-partition', path, { partition, resource })];
  const service = parts[2];
  if (service === undefined || service === '' || /[*?]/.test(service)) {
    if (!(parts.length === 3 && service === '*')) return [...out, problem('resource-vendor', path, { resource })];
  }
  if (parts.length < 6 && !resource.endsWith('*')) {
    out.push(problem(shortIsError ? 'resource-short' : 'resource-short-warning', path, { resource }));
    return out;
  }
  if (variables && parts.slice(0, 5).some((p) => p.indexOf('${') >= 0)) out.push(problem('variable-position', path, { resource }));
  if (service === 'iam' && parts.length === 6) {
    if (parts[3] !== '' && parts[3] !== '*') out.push(problem('resource-iam-region', path, { resource }));
    // Stryker disable next-line StringLiteral: unreachable default; parts has six entries here.
    const rest = parts[5] ?? '';
    const wildcardEarly = /^[^/]*[*?$]/.test(rest);
    if (!wildcardEarly && !IAM_PATHS.some((p) => rest.startsWith(p))) out.push(problem('resource-iam-path', path, { resource }));
  }
  return out;
}
