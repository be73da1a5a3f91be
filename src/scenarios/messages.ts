/**
 * Every message and hint the scenario loader shows, as templates with `{{placeholders}}` keyed by message id
 * (ESLint's meta.messages): English lives here, not in the detection logic. `code` is the InputError code.
 */

/** One message: the error code it reports under, the text, and the hint. */
export interface MessageTemplate {
  readonly code: string;
  readonly text: string;
  readonly hint?: string;
}

/** The hint for a bad time. */
export const TIME_HINT = "write 2026-03-02T09:00:00Z (UTC), 2026-03-02T09:00 (local to the scenario's timezone), 20:00 or saturday 11:00 (the next such time)";
/** The hint for a bad duration. */
export const DURATION_HINT = 'write a number and a unit, e.g. 90s, 15m, 2h30m, 3d or 1w (units: w d h m s)';
/** The hint for a bad `every:`. */
export const EVERY_HINT = "write days then a local time: 'weekdays 09:00', 'daily 17:30', 'weekends 10:00', 'mon,wed,fri 08:00' or 'mon-thu 18:00'";
/** The hint for a bad moment in the account. */
export const WHEN_HINT = "write a time (2025-11-02 or 2025-11-02T09:00:00Z), a duration before the start ('90d ago'), or 'never'";

/** The messages, by id. */
export const MESSAGES = {
  notAScenario: { code: 'not-a-scenario', text: 'a scenario is a YAML mapping with name, start and steps; this file holds {{what}}', hint: 'start from scenarios/contractor.yaml' },
  badTimezone: { code: 'bad-timezone', text: "unknown time zone '{{tz}}'", hint: 'an IANA name such as Europe/London, America/New_York or UTC' },
  badTime: { code: 'bad-time', text: '{{detail}}', hint: TIME_HINT },
  badWhen: { code: 'bad-time', text: '{{detail}}', hint: WHEN_HINT },
  timeGoesBack: { code: 'time-goes-back', text: 'at {{text}}{{resolved}} is before the clock ({{now}})', hint: 'the clock only moves forward: use a later time, or reorder the steps' },
  badDuration: { code: 'bad-duration', text: '{{detail}}', hint: DURATION_HINT },
  badMaxSession: { code: 'bad-duration', text: "a role's maximum session is 1h to 12h, not '{{value}}'", hint: 'e.g. maxSession: 4h' },
  badSchedule: { code: 'bad-schedule', text: '{{detail}}', hint: EVERY_HINT },
  twoKinds: { code: 'two-kinds', text: "a step does one thing, but steps[{{index}}] has both '{{a}}' and '{{b}}'", hint: 'split it into two steps' },
  emptyStep: { code: 'empty-step', text: 'steps[{{index}}] does nothing', hint: 'a step is one of {{kinds}}, or an operation such as AddUserToGroup' },
  unknownStep: { code: 'unknown-step', text: "unknown step kind or operation '{{name}}'", hint: '{{suggestion}}' },
  operationModifier: { code: 'unknown-key', text: "unknown key '{{key}}' in {{where}}", hint: 'an operation step takes only expect: ok or an IAM error code' },
  operationInputType: { code: 'wrong-type', text: "{{where}} should be a mapping of the operation's input", hint: 'e.g. {{op}}: { user: priya, … }' },
  operationInput: { code: 'bad-input', text: '{{op}}: {{detail}}{{field}}', hint: '{{hint}}' },
  unknownOperation: { code: 'unknown-operation', text: "unknown operation '{{name}}'", hint: '{{suggestion}}' },
  badOperationExpect: { code: 'wrong-value', text: "expect should be ok or an IAM error code, not '{{value}}'", hint: 'one of ok, {{codes}}' },
  accountAndImport: { code: 'account-and-import', text: 'a scenario has either account or import, not both', hint: 'keep one of them' },
  importUnavailable: { code: 'import-unavailable', text: "cannot import '{{file}}' here", hint: 'run the scenario from a file so its imports can be read' },
  importFailed: { code: 'import-failed', text: '{{file}}{{at}}: {{detail}}', hint: '{{hint}}' },
  invalidPolicy: { code: 'invalid-policy', text: 'IAM would reject this policy: {{detail}}', hint: '{{hint}}' },
  unknownReference: { code: 'unknown-{{kindId}}', text: "unknown {{kind}} '{{name}}'", hint: '{{suggestion}}' },
  unknownPolicy: { code: 'unknown-policy', text: "unknown policy '{{name}}': it is neither under account.policies nor an AWS managed policy", hint: '{{suggestion}}' },
  appWithCredential: { code: 'app-with-credential', text: "an application calls with the credential it is configured with; 'with' cannot choose another for '{{app}}'", hint: 'remove with:, or change the application\'s credential first with a SetApplicationCredential step' },
  unknownSession: { code: 'unknown-session', text: "no earlier assume-role step starts the session '{{session}}'", hint: 'add an assume-role step with role: {{role}} before this one' },
  unknownCheck: { code: 'unknown-check', text: "unknown check '{{name}}'", hint: '{{suggestion}}' },
  badIp: { code: 'bad-ip', text: "'{{value}}' is not an IP address", hint: 'e.g. 203.0.113.20 or 2001:db8::1' },
  noAccessKey: { code: 'no-access-key', text: "user '{{user}}' has no access key for the application to hold", hint: 'give {{user}} one: keys: 1' },
  unknownKey: { code: 'unknown-key', text: "unknown key '{{key}}' in {{where}}", hint: '{{suggestion}}' },
  missingKey: { code: 'missing-key', text: "{{where}} needs '{{key}}'", hint: 'add {{key}}: …' },
  wrongType: { code: 'wrong-type', text: '{{where}} should be {{wanted}}, not {{actual}}', hint: '{{hint}}' },
  notOneOf: { code: 'wrong-value', text: '{{where}} should be one of {{allowed}}, not {{actual}}', hint: '{{suggestion}}' },
  notNone: { code: 'wrong-value', text: "{{where}} should be 'none' or a list of findings, not '{{value}}'", hint: 'findings: none, or findings: [{ check: ID, resource: NAME }]' },
  badDurationText: { code: 'bad-duration', text: "bad duration '{{value}}' at {{where}}", hint: DURATION_HINT },
  badCredential: { code: 'wrong-value', text: "{{where}} should be console, key, key1, key2 or an access key id, not '{{value}}'" },
  badAppCredential: { code: 'wrong-value', text: "{{where}} should be instance-role or { key: USER }, not '{{value}}'", hint: 'instance-role: the application uses the instance profile\'s role; { key: USER }: it holds that user\'s access key' },
  badAccountId: { code: 'wrong-value', text: "{{where}} should be 12 digits, not '{{value}}'", hint: 'quote it, e.g. "111122223333"' },
  schemaRule: { code: '{{keyword}}', text: '{{where}} {{detail}}' },
  timeOfDayBad: { code: 'bad-time', text: "bad time of day '{{text}}'" },
  timeOfDayRange: { code: 'bad-time', text: "bad time of day '{{text}}': hours go to 23 and minutes to 59" },
  timeBad: { code: 'bad-time', text: "bad time '{{text}}'" },
  timeMonth: { code: 'bad-time', text: "bad time '{{text}}': month {{month}} does not exist" },
  timeDay: { code: 'bad-time', text: "bad time '{{text}}': {{month}} has {{days}} days" },
  timeRange: { code: 'bad-time', text: "bad time '{{text}}': hours go to 23, minutes and seconds to 59" },
  timeWeekday: { code: 'bad-time', text: "bad time '{{text}}': '{{day}}' is not a day of the week" },
  timeNeedsClock: { code: 'bad-time', text: "bad time '{{text}}': a time of day needs a clock to count from" },
  whenNeedsDate: { code: 'bad-time', text: "'{{text}}' is a time of day; an account's moments need a date" },
  durationEmpty: { code: 'bad-duration', text: 'empty duration' },
  durationBad: { code: 'bad-duration', text: "bad duration '{{text}}'" },
  durationLong: { code: 'bad-duration', text: "duration '{{text}}' is longer than 100 years" },
  scheduleTime: { code: 'bad-schedule', text: "bad schedule '{{text}}': {{detail}}" },
  scheduleNoDays: { code: 'bad-schedule', text: "bad schedule '{{text}}': say which days" },
  scheduleDay: { code: 'bad-schedule', text: "bad schedule '{{text}}': '{{part}}' is not a day, a day range or one of {{groups}}" },
  scheduleWeekday: { code: 'bad-schedule', text: "bad schedule '{{text}}': '{{day}}' is not a day of the week" },
  assertNoSubject: { code: 'assert-subject', text: 'an assertion names one user, group, role or policy', hint: 'split it into one assertion per subject' },
  assertManySubjects: { code: 'assert-subject', text: 'an assertion names one subject, not {{subjects}}', hint: 'split it into one assertion per subject' },
} as const satisfies Readonly<Record<string, MessageTemplate>>;

/** A message id. */
export type MessageId = keyof typeof MESSAGES;

const fill = (template: string, data: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = data[k];
    if (v === undefined) throw new Error(`message placeholder {{${k}}} has no data`);
    return String(v);
  });

/** A message rendered with its data: code, text, and hint (absent when it renders empty). */
export function say(id: MessageId, data: Readonly<Record<string, string | number>> = {}): { code: string; message: string; hint?: string } {
  const m: MessageTemplate = MESSAGES[id];
  const hint = m.hint === undefined ? '' : fill(m.hint, data);
  return { code: fill(m.code, data), message: fill(m.text, data), ...(hint !== '' ? { hint } : {}) };
}
