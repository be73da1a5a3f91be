/** Every check, in report order (practice, then a logical order within it). Part 2 appends its rules at the end of ALL_CHECKS. */
import { erase, type AnyCheck } from './define-check.js';
import rootUserActivity from './rules/root-user-activity.js';
import noIamAdministrator from './rules/no-iam-administrator.js';
import rootAccessKeyActive from './rules/root-access-key-active.js';
import rootAccessKeyOld from './rules/root-access-key-old.js';
import rootMfaMissing from './rules/root-mfa-missing.js';
import rootVirtualMfaOnly from './rules/root-virtual-mfa-only.js';
import sharedCredentialUse from './rules/shared-credential-use.js';
import overlappingConsoleSessions from './rules/overlapping-console-sessions.js';
import genericUserName from './rules/generic-user-name.js';
import passwordPolicyStrength from './rules/password-policy-strength.js';
import weakUserPassword from './rules/weak-user-password.js';
import consoleUserWithoutMfa from './rules/console-user-without-mfa.js';
import unusedConsolePassword from './rules/unused-console-password.js';
import unusedAccessKey from './rules/unused-access-key.js';
import accessKeyRotation from './rules/access-key-rotation.js';
import multipleActiveAccessKeys from './rules/multiple-active-access-keys.js';
import inactiveUser from './rules/inactive-user.js';
import sensitiveAccessConditions from './rules/sensitive-access-conditions.js';
import sensitiveAccessSchedule from './rules/sensitive-access-schedule.js';
import activityAnomalies from './rules/activity-anomalies.js';
import cloudtrailConfiguration from './rules/cloudtrail-configuration.js';
import userDirectPolicies from './rules/user-direct-policies.js';
import adminPolicyGrants from './rules/admin-policy-grants.js';
import serviceWildcardGrants from './rules/service-wildcard-grants.js';
import unusedServices from './rules/unused-services.js';
import permissionsManagementHolders from './rules/permissions-management-holders.js';
import policyReviewCadence from './rules/policy-review-cadence.js';
import ec2AppCredentials from './rules/ec2-app-credentials.js';
import preferAwsManagedPolicies from './rules/prefer-aws-managed-policies.js';

/** All registered checks. */
export const ALL_CHECKS: readonly AnyCheck[] = [
  // practice 1, 2, 3, 8, 9, 11 (part 1)
  erase(rootUserActivity),
  erase(noIamAdministrator),
  erase(rootAccessKeyActive),
  erase(rootAccessKeyOld),
  erase(rootMfaMissing),
  erase(rootVirtualMfaOnly),
  erase(sharedCredentialUse),
  erase(overlappingConsoleSessions),
  erase(genericUserName),
  erase(passwordPolicyStrength),
  erase(weakUserPassword),
  erase(consoleUserWithoutMfa),
  erase(unusedConsolePassword),
  erase(unusedAccessKey),
  erase(accessKeyRotation),
  erase(multipleActiveAccessKeys),
  erase(inactiveUser),
  // part 2 (practices 4, 5, 6, 7, 10, 12, 13) appends here
  erase(sensitiveAccessConditions),
  erase(sensitiveAccessSchedule),
  erase(activityAnomalies),
  erase(cloudtrailConfiguration),
  erase(userDirectPolicies),
  erase(adminPolicyGrants),
  erase(serviceWildcardGrants),
  erase(unusedServices),
  erase(permissionsManagementHolders),
  erase(policyReviewCadence),
  erase(ec2AppCredentials),
  erase(preferAwsManagedPolicies),
];

/** The check with this id, or undefined. */
export const checkById = (id: string): AnyCheck | undefined => ALL_CHECKS.find((c) => c.meta.id === id);
