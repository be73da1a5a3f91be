/** Every model operation by name. A new operation file must be listed here (the registry test checks every file is). */
import { addRoleToInstanceProfile } from './add-role-to-instance-profile.js';
import { addUserToGroup } from './add-user-to-group.js';
import { assignCredentialToPerson } from './assign-credential-to-person.js';
import { associateIamInstanceProfile } from './associate-iam-instance-profile.js';
import { attachGroupPolicy } from './attach-group-policy.js';
import { attachOrganizationPolicy } from './attach-organization-policy.js';
import { attachRolePolicy } from './attach-role-policy.js';
import { attachUserPolicy } from './attach-user-policy.js';
import { createAccessKey } from './create-access-key.js';
import { createAccountAlias } from './create-account-alias.js';
import { deleteAccountAlias } from './delete-account-alias.js';
import { createGroup } from './create-group.js';
import { createInstanceProfile } from './create-instance-profile.js';
import { createLoginProfile } from './create-login-profile.js';
import { createOrganizationPolicy } from './create-organization-policy.js';
import { createPolicyVersion } from './create-policy-version.js';
import { createPolicy } from './create-policy.js';
import { createRole } from './create-role.js';
import { createRootAccessKey } from './create-root-access-key.js';
import { createServiceLinkedRole } from './create-service-linked-role.js';
import { createTrail } from './create-trail.js';
import { createUser } from './create-user.js';
import { deactivateMfaDevice } from './deactivate-mfa-device.js';
import { deactivateRootMfaDevice } from './deactivate-root-mfa-device.js';
import { deleteAccessKey } from './delete-access-key.js';
import { deleteAccountPasswordPolicy } from './delete-account-password-policy.js';
import { deleteGroupPolicy } from './delete-group-policy.js';
import { deleteGroup } from './delete-group.js';
import { deleteInstanceProfile } from './delete-instance-profile.js';
import { deleteLoginProfile } from './delete-login-profile.js';
import { deletePolicyVersion } from './delete-policy-version.js';
import { deletePolicy } from './delete-policy.js';
import { deleteResourcePolicy } from './delete-resource-policy.js';
import { deleteRolePermissionsBoundary } from './delete-role-permissions-boundary.js';
import { deleteRolePolicy } from './delete-role-policy.js';
import { deleteRole } from './delete-role.js';
import { deleteRootAccessKey } from './delete-root-access-key.js';
import { deleteTrail } from './delete-trail.js';
import { deleteUserPermissionsBoundary } from './delete-user-permissions-boundary.js';
import { deleteUserPolicy } from './delete-user-policy.js';
import { deleteUser } from './delete-user.js';
import { detachGroupPolicy } from './detach-group-policy.js';
import { detachOrganizationPolicy } from './detach-organization-policy.js';
import { detachRolePolicy } from './detach-role-policy.js';
import { detachUserPolicy } from './detach-user-policy.js';
import { enableMfaDevice } from './enable-mfa-device.js';
import { enableRootMfaDevice } from './enable-root-mfa-device.js';
import { leaveOrganization } from './leave-organization.js';
import { markPolicyReviewed } from './mark-policy-reviewed.js';
import { placeAccountInOrganization } from './place-account-in-organization.js';
import { putGroupPolicy } from './put-group-policy.js';
import { putResourcePolicy } from './put-resource-policy.js';
import { putRolePermissionsBoundary } from './put-role-permissions-boundary.js';
import { putRolePolicy } from './put-role-policy.js';
import { putUserPermissionsBoundary } from './put-user-permissions-boundary.js';
import { putUserPolicy } from './put-user-policy.js';
import { registerPerson } from './register-person.js';
import { removeRoleFromInstanceProfile } from './remove-role-from-instance-profile.js';
import { removeUserFromGroup } from './remove-user-from-group.js';
import { runInstances } from './run-instances.js';
import { setApplicationCredential } from './set-application-credential.js';
import { setDefaultPolicyVersion } from './set-default-policy-version.js';
import { startLogging } from './start-logging.js';
import { stopLogging } from './stop-logging.js';
import { tagResource } from './tag-resource.js';
import { tagRole } from './tag-role.js';
import { tagUser } from './tag-user.js';
import { terminateInstance } from './terminate-instance.js';
import { untagResource } from './untag-resource.js';
import { untagRole } from './untag-role.js';
import { untagUser } from './untag-user.js';
import { updateAccessKey } from './update-access-key.js';
import { updateAccountPasswordPolicy } from './update-account-password-policy.js';
import { updateAssumeRolePolicy } from './update-assume-role-policy.js';
import { updateLoginProfile } from './update-login-profile.js';
import { updateRootAccessKey } from './update-root-access-key.js';
import { updateTrail } from './update-trail.js';

/** The registry: operation name → definition. Keys equal each definition's `name` (checked by test). */
export const OPERATIONS = {
  CreateUser: createUser,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  CreateLoginProfile: createLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  CreateAccessKey: createAccessKey,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  EnableMFADevice: enableMfaDevice,
  DeactivateMFADevice: deactivateMfaDevice,
  CreateGroup: createGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  CreatePolicy: createPolicy,
  CreatePolicyVersion: createPolicyVersion,
  DeletePolicyVersion: deletePolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  DeletePolicy: deletePolicy,
  MarkPolicyReviewed: markPolicyReviewed,
  AttachUserPolicy: attachUserPolicy,
  DetachUserPolicy: detachUserPolicy,
  AttachGroupPolicy: attachGroupPolicy,
  DetachGroupPolicy: detachGroupPolicy,
  AttachRolePolicy: attachRolePolicy,
  DetachRolePolicy: detachRolePolicy,
  PutUserPolicy: putUserPolicy,
  DeleteUserPolicy: deleteUserPolicy,
  PutGroupPolicy: putGroupPolicy,
  DeleteGroupPolicy: deleteGroupPolicy,
  PutRolePolicy: putRolePolicy,
  DeleteRolePolicy: deleteRolePolicy,
  CreateRole: createRole,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteRole: deleteRole,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  TagRole: tagRole,
  UntagRole: untagRole,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
  CreateInstanceProfile: createInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  CreateRootAccessKey: createRootAccessKey,
  UpdateRootAccessKey: updateRootAccessKey,
  DeleteRootAccessKey: deleteRootAccessKey,
  EnableRootMFADevice: enableRootMfaDevice,
  DeactivateRootMFADevice: deactivateRootMfaDevice,
  PutResourcePolicy: putResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
  PlaceAccountInOrganization: placeAccountInOrganization,
  LeaveOrganization: leaveOrganization,
  CreateOrganizationPolicy: createOrganizationPolicy,
  AttachOrganizationPolicy: attachOrganizationPolicy,
  DetachOrganizationPolicy: detachOrganizationPolicy,
  RunInstances: runInstances,
  TerminateInstance: terminateInstance,
  AssociateIamInstanceProfile: associateIamInstanceProfile,
  SetApplicationCredential: setApplicationCredential,
  CreateTrail: createTrail,
  UpdateTrail: updateTrail,
  StartLogging: startLogging,
  StopLogging: stopLogging,
  DeleteTrail: deleteTrail,
  RegisterPerson: registerPerson,
  AssignCredentialToPerson: assignCredentialToPerson,
} as const;
