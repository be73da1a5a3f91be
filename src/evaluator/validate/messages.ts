/**
 * Every policy problem iamsim reports, keyed by code: the IAM-like message (texts IAM returns, as moto copies them,
 * sheet §6.1), the severity and a hint. English lives here only; validators pass data for the `{{placeholders}}`.
 */
import type { PolicyProblem } from '../types.js';

interface MessageInfo {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly hint: string;
}

/** The message table. A new code without a message, severity and hint is a compile error. */
export const POLICY_MESSAGES = {
  'invalid-json': { severity: 'error', message: 'Syntax errors in policy. The document is not valid JSON: {{detail}}', hint: 'Check the JSON syntax (quotes, commas, brackets).' },
  'document-not-object': { severity: 'error', message: 'Syntax errors in policy. The policy document must be a JSON object, not {{type}}.', hint: 'Write {"Version": "2012-10-17", "Statement": [ … ]}.' },
  'duplicate-key': { severity: 'error', message: 'Syntax errors in policy. The key "{{key}}" appears twice in the same element.', hint: 'Merge the two entries: JSON keeps only the last one, so the first is silently lost.' },
  'obsolete-element': { severity: 'warning', message: 'The top-level element "{{key}}" is obsolete and ignored.', hint: 'Move conditions into each statement\'s Condition element.' },
  'unknown-element': { severity: 'error', message: 'Syntax errors in policy. Unknown element "{{key}}".', hint: 'Allowed here: {{allowed}} (names are case-sensitive).' },
  'not-a-string': { severity: 'error', message: 'Syntax errors in policy. {{element}} must be a string, not {{type}}.', hint: 'Quote the value.' },
  'not-a-string-list': { severity: 'error', message: 'Syntax errors in policy. {{element}} must be a string or an array of strings.', hint: 'Write "{{element}}": "…" or "{{element}}": ["…", "…"].' },
  'version-invalid': { severity: 'error', message: 'Syntax errors in policy. Version "{{value}}" is not a policy language version.', hint: 'Use "Version": "2012-10-17" (the only other value is the obsolete "2008-10-17").' },
  'version-required-2012': { severity: 'error', message: 'Policy document must be version 2012-10-17 or greater.', hint: 'Add "Version": "2012-10-17"; managed policies, boundaries and CreatePolicy require it.' },
  'version-absent': { severity: 'warning', message: 'The policy has no Version, so policy variables such as ${aws:username} are literal text.', hint: 'Add "Version": "2012-10-17".' },
  'id-not-allowed': { severity: 'error', message: 'Syntax errors in policy. Id must not be included in {{kind}} policies.', hint: 'Remove the top-level Id element; it is for resource-based policies.' },
  'statement-missing': { severity: 'error', message: 'Syntax errors in policy. The policy has no Statement.', hint: 'Add "Statement": [ { "Effect": …, "Action": …, "Resource": … } ].' },
  'statement-empty': { severity: 'error', message: 'Syntax errors in policy. Statement must not be empty.', hint: 'Add at least one statement.' },
  'statement-not-object': { severity: 'error', message: 'Syntax errors in policy. Each statement must be a JSON object, not {{type}}.', hint: 'Write { "Effect": …, "Action": …, "Resource": … }.' },
  'sid-invalid': { severity: 'error', message: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*', hint: 'Rename Sid "{{sid}}" using only letters and digits.' },
  'sid-duplicate': { severity: 'error', message: 'Statement IDs (SID) in a single policy must be unique.', hint: 'Sid "{{sid}}" is also used by statement {{other}}; rename one of them.' },
  'sid-duplicate-warning': { severity: 'warning', message: 'Sid "{{sid}}" is used by more than one statement.', hint: 'Most services require unique Sids; rename one of them.' },
  'effect-missing': { severity: 'error', message: 'Syntax errors in policy. The statement has no Effect.', hint: 'Add "Effect": "Allow" or "Effect": "Deny".' },
  'effect-case': { severity: 'error', message: 'The policy failed legacy parsing. Effect "{{value}}" must be written "{{expected}}" (the Effect value is case-sensitive).', hint: 'Write "Effect": "{{expected}}".' },
  'effect-invalid': { severity: 'error', message: 'Syntax errors in policy. Effect "{{value}}" is neither Allow nor Deny.', hint: 'Write "Effect": "Allow" or "Effect": "Deny".' },
  'both-elements': { severity: 'error', message: 'Syntax errors in policy. A statement cannot have both {{a}} and {{b}}.', hint: 'Keep one of {{a}} and {{b}}.' },
  'action-missing': { severity: 'error', message: 'Policy statement must contain actions.', hint: 'Add "Action": "service:Name" (or NotAction).' },
  'action-no-vendor': { severity: 'error', message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', hint: 'Write "{{action}}" as "service:{{action}}", e.g. "s3:GetObject".' },
  'action-colons': { severity: 'error', message: 'Actions/Condition can contain only one colon.', hint: 'Action "{{action}}" has more than one ":".' },
  'action-vendor-invalid': { severity: 'error', message: 'Vendor {{vendor}} is not valid', hint: 'The service prefix may contain only letters, digits, "-" and ".", or be "*".' },
  'action-empty-name': { severity: 'warning', message: 'Action "{{action}}" has an empty name and matches no action.', hint: 'Write the action name after the colon, e.g. "s3:GetObject" or "s3:*".' },
  'resource-missing': { severity: 'error', message: 'Policy statement must contain resources.', hint: 'Add "Resource": "arn:…" or "Resource": "*" (or NotResource).' },
  'resource-prohibited': { severity: 'error', message: 'Has prohibited field {{element}}.', hint: 'Role trust policies have no {{element}}: the resource is the role itself.' },
  'resource-format': { severity: 'error', message: 'Resource {{resource}} must be in ARN format or "*".', hint: 'Write arn:partition:service:region:account:resource, e.g. arn:aws:s3:::bucket/*.' },
  'resource-partition': { severity: 'error', message: 'Partition "{{partition}}" is not valid for resource "{{resource}}".', hint: 'Use a partition such as aws, aws-cn or aws-us-gov (or *).' },
  'resource-vendor': { severity: 'error', message: 'Resource vendor must be fully qualified and cannot contain regexes.', hint: 'Write the service of "{{resource}}" in full, without * or ?.' },
  'resource-short': { severity: 'error', message: 'The policy failed legacy parsing. Resource {{resource}} has fewer than six ARN parts and does not end in *.', hint: 'Write the full ARN, or end the pattern with * to cover the missing parts.' },
  'resource-short-warning': { severity: 'warning', message: 'Resource {{resource}} has fewer than six ARN parts and does not end in *, so it matches nothing.', hint: 'Write the full ARN, or end the pattern with *.' },
  'resource-iam-region': { severity: 'error', message: 'IAM resource {{resource}} cannot contain region information.', hint: 'IAM is global: leave the region empty, e.g. arn:aws:iam::123456789012:role/name.' },
  'resource-iam-path': { severity: 'warning', message: 'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.', hint: 'Check the resource part of {{resource}}.' },
  'variable-position': { severity: 'warning', message: 'Policy variable outside the resource part of an ARN (after the fifth colon), where the documentation allows them: {{resource}}.', hint: 'IAM accepts it (AWS managed policies use ${aws:PrincipalAccount} as the account), but consider a Condition on aws:PrincipalAccount or similar.' },
  'variable-malformed': { severity: 'error', message: 'Syntax errors in policy. {{detail}}', hint: 'Write variables as ${key} or ${key, \'default\'}; escape a literal $ as ${$}.' },
  'principal-not-allowed': { severity: 'error', message: 'Policy document should not specify a principal.', hint: '{{kind}} policies apply to whoever they are attached to: remove {{element}}.' },
  'principal-missing': { severity: 'error', message: 'Missing required field Principal.', hint: 'Add "Principal": {"AWS": "arn:aws:iam::123456789012:root"} (or the principal you mean).' },
  'not-principal-not-allowed': { severity: 'error', message: 'Syntax errors in policy. NotPrincipal is not supported in {{kind}} policies.', hint: 'Use Principal with a Condition on aws:PrincipalArn instead.' },
  'not-principal-allow': { severity: 'error', message: 'Syntax errors in policy. NotPrincipal must be used with "Effect": "Deny".', hint: 'Using NotPrincipal with Allow is not supported; name the principals in Principal instead.' },
  'principal-invalid': { severity: 'error', message: 'Invalid principal in policy: "{{type}}":"{{value}}"', hint: '{{detail}}' },
  'principal-type-unknown': { severity: 'error', message: 'Syntax errors in policy. Unknown principal type "{{type}}".', hint: 'Principal types are AWS, Service, Federated and CanonicalUser (case-sensitive).' },
  'principal-rcp': { severity: 'error', message: 'Syntax errors in policy. Resource control policies support only "Principal": "*".', hint: 'Write "Principal": "*" and narrow with conditions such as aws:PrincipalOrgID.' },
  'invalid-character': { severity: 'error', message: 'Syntax errors in policy. Character {{char}} is not allowed in a policy document.', hint: 'Policy documents may contain only tab, LF, CR and characters U+0020 to U+00FF.' },
  'size-exceeded': { severity: 'error', message: 'Cannot exceed quota for PolicySize: {{limit}}', hint: 'The {{kind}} policy is {{size}} {{unit}} ({{counting}}); split it or remove statements.' },
  'internal-error': { severity: 'error', message: 'Syntax errors in policy. The document could not be read: {{detail}}', hint: 'This is a bug in iamsim; please report it with the document.' },
} as const satisfies Record<string, MessageInfo>;

/** A policy problem code. */
export type PolicyProblemCode = keyof typeof POLICY_MESSAGES;

function fill(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/** Builds a PolicyProblem from its code, JSON pointer and placeholder data. */
export function problem(code: PolicyProblemCode, path: string, data: Readonly<Record<string, string | number>> = {}): PolicyProblem {
  const info: MessageInfo = POLICY_MESSAGES[code];
  return { code, severity: info.severity, message: fill(info.message, data), path, hint: fill(info.hint, data) };
}
