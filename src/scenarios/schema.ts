/**
 * The scenario JSON Schema, built here and written to schemas/scenario.schema.json (a test keeps the file in
 * sync). The loader validates in two passes: the file with steps as plain objects, then each step against the
 * schema of its kind, so an error names the step kind rather than listing every alternative.
 */
import { DURATION_PATTERN } from './duration.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const str = (description: string): Schema => ({ type: 'string', description });
const obj = (properties: Record<string, Schema>, required: string[] = [], description?: string): Schema => ({
  type: 'object', ...(description ? { description } : {}), properties, ...(required.length ? { required } : {}), additionalProperties: false,
});
const mapOf = (value: Schema, description: string): Schema => ({ type: 'object', description, additionalProperties: value });

/** The step kinds other than model operations, in the order the docs list them. */
export const STEP_KINDS = ['note', 'advance', 'at', 'schedule', 'request', 'sign-in', 'assume-role', 'activity', 'check', 'remediate', 'assert'] as const;

/** A step kind other than an operation. */
export type StepKindName = (typeof STEP_KINDS)[number];

/** Keys that may sit beside a step's kind key. */
export const STEP_MODIFIERS = ['expect', 'decidedBy', 'sid', 'policy', 'options'] as const;

const EFFECT = { enum: ['Allow', 'ExplicitDeny', 'ImplicitDeny'], description: 'The decision you expect.' };
const DECIDED_BY = { enum: ['identity', 'resource', 'trust', 'boundary', 'scp', 'rcp', 'session', 'root', 'none'], description: 'Which policy type you expect to decide (`none`: nothing matched).' };

const definitions: Record<string, Schema> = {
  time: str('A time: 2026-03-02T09:00:00Z (UTC), 2026-03-02T09:00 or 2026-03-02 (local to `timezone`), 20:00 or saturday 11:00 (the next such local time).'),
  when: str('A moment before the start: an absolute or local time, `90d ago`, or `never`.'),
  duration: { type: 'string', pattern: DURATION_PATTERN, description: 'A duration: 90s, 15m, 2h30m, 3d, 1w.' },
  names: { type: ['string', 'array'], items: { type: 'string' }, description: 'One name or a list of names.' },
  tags: mapOf({ type: ['string', 'number', 'boolean'] }, 'Tags, key: value.'),
  policyDocument: {
    type: 'object',
    description: 'A policy in AWS\'s own JSON grammar, written as YAML.',
    properties: {
      Version: { enum: ['2012-10-17', '2008-10-17'] },
      Id: { type: 'string' },
      Statement: { type: ['object', 'array'], items: ref('statement') },
    },
    required: ['Statement'],
  },
  statement: {
    type: 'object',
    properties: {
      Sid: { type: 'string' }, Effect: { enum: ['Allow', 'Deny'] },
      Action: ref('names'), NotAction: ref('names'), Resource: ref('names'), NotResource: ref('names'),
      Principal: { type: ['string', 'object'] }, NotPrincipal: { type: ['string', 'object'] },
      Condition: mapOf({ type: 'object' }, 'Operator: { key: value(s) }.'),
    },
  },
  inline: mapOf(ref('policyDocument'), 'Inline policies by name.'),
  password: obj({
    length: { type: 'integer', minimum: 0 }, upper: { type: 'boolean' }, lower: { type: 'boolean' }, numbers: { type: 'boolean' },
    symbols: { type: 'boolean' }, common: { type: 'boolean' }, dictionary: { type: 'boolean' },
  }, [], 'Properties of the password (iamsim never holds a password itself). Defaults: 16 characters, every class, not common.'),
  console: {
    type: ['boolean', 'object'],
    description: '`true` for a console password with default properties, or its details.',
    properties: { password: ref('password'), lastUsed: ref('when'), changed: ref('when'), resetRequired: { type: 'boolean' } },
    additionalProperties: false,
  },
  mfa: { enum: [true, false, 'virtual', 'hardware'], description: '`true` (a virtual device), `hardware`, or `false`.' },
  key: obj({
    status: { enum: ['Active', 'Inactive'] }, created: ref('when'), lastUsed: ref('when'),
    service: { type: 'string' }, region: { type: 'string' },
  }, [], 'An access key. `created` defaults to the start; `lastUsed` to never.'),
  keys: { type: ['integer', 'array'], minimum: 0, maximum: 2, maxItems: 2, items: ref('key'), description: 'A number of active keys, or their details (at most 2).' },
  user: obj({
    path: { type: 'string' }, created: ref('when'), groups: ref('names'), policies: ref('names'), inline: ref('inline'),
    console: ref('console'), mfa: ref('mfa'), keys: ref('keys'), tags: ref('tags'), boundary: { type: 'string' },
    person: { type: 'string', description: 'The human who holds this user\'s credentials (ground truth; checks never read it).' },
  }, [], 'A user. `policies` are managed policies: customer ones by name, AWS ones by name or ARN.'),
  group: obj({ path: { type: 'string' }, created: ref('when'), policies: ref('names'), inline: ref('inline') }),
  trust: {
    type: 'object',
    description: 'A trust policy document, or a shorthand: { service: ec2.amazonaws.com } or { aws: [alice, "444455556666"] }, optionally mfa: true.',
    if: { required: ['Statement'] },
    then: ref('policyDocument'),
    else: obj({ service: ref('names'), aws: ref('names'), mfa: { type: 'boolean' } }),
  },
  role: obj({
    path: { type: 'string' }, created: ref('when'), description: { type: 'string' }, trust: ref('trust'), policies: ref('names'),
    inline: ref('inline'), tags: ref('tags'), boundary: { type: 'string' }, maxSession: ref('duration'), lastUsed: ref('when'),
  }, ['trust']),
  customerPolicy: {
    type: 'object',
    description: 'A customer managed policy: its document, or { document, path, description, lastReviewed }.',
    if: { required: ['document'] },
    then: obj({ document: ref('policyDocument'), path: { type: 'string' }, description: { type: 'string' }, created: ref('when'), lastReviewed: ref('when') }, ['document']),
    else: ref('policyDocument'),
  },
  resource: obj({ policy: ref('policyDocument'), tags: ref('tags') }),
  passwordPolicy: obj({
    MinimumPasswordLength: { type: 'integer', minimum: 6, maximum: 128 }, RequireSymbols: { type: 'boolean' }, RequireNumbers: { type: 'boolean' },
    RequireUppercaseCharacters: { type: 'boolean' }, RequireLowercaseCharacters: { type: 'boolean' }, AllowUsersToChangePassword: { type: 'boolean' },
    ExpirePasswords: { type: 'boolean' }, MaxPasswordAge: { type: 'integer', minimum: 1, maximum: 1095 },
    PasswordReusePrevention: { type: 'integer', minimum: 1, maximum: 24 }, HardExpiry: { type: 'boolean' },
  }, [], 'The account password policy, in GetAccountPasswordPolicy\'s shape; omitted fields take AWS\'s defaults.'),
  root: obj({ mfa: ref('mfa'), keys: ref('keys'), passwordLastUsed: ref('when'), password: { type: 'boolean' } }),
  organization: obj({
    id: { type: 'string' }, scps: mapOf(ref('policyDocument'), 'SCPs attached at the organization root, by name.'),
    rcps: mapOf(ref('policyDocument'), 'RCPs attached at the organization root, by name.'),
    fullAwsAccess: { type: 'boolean', description: 'Attach AWS\'s FullAWSAccess SCP at every level (default true, as AWS does).' },
  }),
  trail: obj({ region: { type: 'string' }, multiRegion: { type: 'boolean' }, logFileValidation: { type: 'boolean' }, logging: { type: 'boolean' }, bucket: { type: 'string' } }),
  instance: obj({
    region: { type: 'string' }, launched: ref('when'), profile: { type: 'string' }, tags: ref('tags'),
    apps: mapOf({ type: ['string', 'object'], pattern: '^instance-role$', properties: { key: { type: 'string' } }, required: ['key'], additionalProperties: false }, 'Applications: `instance-role`, or { key: USER } for one that holds a user\'s access key.'),
  }),
  account: obj({
    id: { type: 'string', pattern: '^\\d{12}$', description: 'The 12-digit account id, quoted.' },
    alias: { type: 'string' },
    users: mapOf(ref('user'), 'Users by name.'),
    groups: mapOf(ref('group'), 'Groups by name.'),
    roles: mapOf(ref('role'), 'Roles by name.'),
    policies: mapOf(ref('customerPolicy'), 'Customer managed policies by name.'),
    resources: mapOf(ref('resource'), 'Resources with a resource-based policy or tags, by ARN.'),
    passwordPolicy: ref('passwordPolicy'),
    root: ref('root'),
    organization: ref('organization'),
    trails: mapOf(ref('trail'), 'CloudTrail trails by name.'),
    instanceProfiles: mapOf(obj({ role: { type: 'string' } }), 'Instance profiles by name, each holding one role.'),
    instances: mapOf(ref('instance'), 'EC2 instances by id.'),
    generate: obj({
      seed: { type: ['integer', 'string'], description: 'The generator seed: the same seed gives the same account.' },
      users: { type: 'integer', minimum: 1, description: 'Human users.' },
      roles: { type: 'integer', minimum: 0 }, instances: { type: 'integer', minimum: 0 },
      days: { type: 'integer', minimum: 1, description: 'Days of activity before the scenario start (default 180).' },
      violations: { type: ['string', 'array'], items: { type: 'string' }, description: '"all" or check ids whose violations are injected.' },
    }, ['seed', 'users'], 'Start from a generated account (src/generate) whose activity ends at the scenario start, instead of listing entities.'),
  }, [], 'The initial account in a concise authoring form.'),
  operationCall: { type: 'object', minProperties: 1, maxProperties: 1, description: 'One model operation: { AddUserToGroup: { user: priya, group: contractors } }.' },
  scheduleEntry: obj({
    every: { type: 'string', description: 'Days and a local time: weekdays 09:00, daily 17:30, mon,wed 08:00, mon-thu 18:00.' },
    do: { type: ['object', 'array'], items: ref('operationCall'), description: 'One operation or a list.' },
    from: ref('time'), until: ref('time'),
    note: { type: 'string' },
  }, ['every', 'do']),
  requestSpec: obj({
    as: str('Who: a user name, `root`, or ROLE/SESSION from an earlier assume-role; with `app`, an EC2 instance id.'),
    app: str('An application on the instance named by `as`: the request is made with the credential the application is configured with (the instance role, or a user\'s access key). Not with `with`.'),
    with: { type: 'string', pattern: '^(console|key[12]?|[A-Z0-9]{16,128})$', description: 'Which credential: `console`, `key` (the first active key), `key1`, `key2`, or an access key id. Default: console when the user has a password, else the first key.' },
    action: str('The action, e.g. s3:GetObject.'),
    resource: str('The resource ARN (default `*`).'),
    from: str('The source IP address.'),
    region: str('The requested region (default us-east-1).'),
    mfa: { type: 'boolean', description: 'Whether the console session was signed in with MFA (default: whether the user has a device).' },
    context: mapOf({ type: ['string', 'array'], items: { type: 'string' } }, 'Extra request context keys.'),
  }, ['as', 'action']),
  findingRef: obj({ check: str('A check id.'), resource: str('The resource\'s name or ARN.') }, ['check']),
  findingRefs: { type: ['string', 'array'], pattern: '^none$', items: ref('findingRef'), description: '`none`, or the findings by check id and resource.' },
  assertion: obj({
    user: { type: 'string' }, group: { type: 'string' }, role: { type: 'string' }, policy: { type: 'string' },
    exists: { type: 'boolean' },
    groups: ref('names'), members: ref('names'), policies: ref('names'), inline: ref('names'),
    keys: { type: 'array', items: { enum: ['Active', 'Inactive'] }, description: 'The statuses of the user\'s keys, in order.' },
    mfa: { type: 'boolean' }, console: { type: 'boolean' }, tags: ref('tags'), boundary: { type: ['string', 'null'] },
    mentions: ref('names'),
  }, [], 'Facts about one user, group, role or customer policy. Lists compare as sets.'),
};

const steps: Record<StepKindName, Schema> = {
  note: obj({ note: str('Narration shown to the audience.') }, ['note']),
  advance: obj({ advance: ref('duration') }, ['advance'], 'Move the clock forward; scheduled operations fire as it passes them.'),
  at: obj({ at: ref('time') }, ['at'], 'Move the clock to a time (never backwards).'),
  schedule: obj({ schedule: ref('scheduleEntry') }, ['schedule'], 'Adds a recurring operation from this step on (like an entry of the top-level schedule).'),
  request: obj({ request: ref('requestSpec'), expect: EFFECT, decidedBy: DECIDED_BY, sid: str('The Sid of the deciding statement.'), policy: str('The name of the deciding policy.') }, ['request']),
  'sign-in': obj({
    'sign-in': obj({ as: str('The user.'), from: str('The source IP.'), mfa: { type: 'boolean', description: 'Whether the person enters an MFA code (default: when the user has a device).' } }, ['as']),
    expect: { enum: ['success', 'failure'] },
  }, ['sign-in']),
  'assume-role': obj({
    'assume-role': obj({
      as: str('Who assumes: a user name or ROLE/SESSION.'), role: str('The role name.'), session: str('The session name (default: the caller\'s name).'),
      with: { type: 'string', pattern: '^(console|key[12]?|[A-Z0-9]{16,128})$', description: 'Which credential: `console`, `key` (the first active key), `key1`, `key2`, or an access key id.' }, from: str('The source IP.'), mfa: { type: 'boolean' },
      duration: ref('duration'), policy: ref('policyDocument'), policies: ref('names'),
    }, ['as', 'role']),
    expect: EFFECT, decidedBy: DECIDED_BY, sid: { type: 'string' }, policy: { type: 'string' },
  }, ['assume-role']),
  activity: obj({
    activity: obj({
      as: str('Who makes the requests: a user name, `root`, or ROLE/SESSION; with `app`, an EC2 instance id.'),
      app: str('An application on the instance named by `as`, calling with its configured credential. Not with `with`.'),
      with: { type: 'string', pattern: '^(console|key[12]?|[A-Z0-9]{16,128})$', description: 'Which credential: `console`, `key` (the first active key), `key1`, `key2`, or an access key id.' }, count: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      over: ref('duration'), from: ref('names'), region: ref('names'),
      requests: { type: 'array', minItems: 1, items: obj({ action: { type: 'string' }, resource: { type: 'string' }, weight: { type: 'number', minimum: 0 } }, ['action']) },
    }, ['as', 'count', 'over', 'requests']),
    expect: obj({ allowed: { type: 'integer', minimum: 0 }, denied: { type: 'integer', minimum: 0 } }),
  }, ['activity']),
  check: obj({
    check: ref('names'),
    options: mapOf({ type: 'object' }, 'Options per check id.'),
    expect: obj({ findings: ref('findingRefs'), includes: { type: 'array', items: ref('findingRef') }, excludes: { type: 'array', items: ref('findingRef') } }),
  }, ['check']),
  remediate: obj({
    remediate: ref('names'),
    expect: obj({ fixed: ref('findingRefs'), operations: ref('names') }),
  }, ['remediate']),
  assert: obj({ assert: { type: ['object', 'array'], if: { type: 'array' }, then: { items: ref('assertion') }, else: ref('assertion') } }, ['assert']),
};

const top = (stepItems: Schema, doItems: Schema): Schema => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://iamsim.dev/schemas/scenario.schema.json',
  title: 'iamsim scenario',
  description: 'A story on a virtual clock: an account, things that happen, requests people make, and what must be true. See docs/scenario-format.md.',
  type: 'object',
  properties: {
    name: str('The title shown to the audience.'),
    description: str('What the scenario shows, written for the audience.'),
    start: ref('time'),
    timezone: str('An IANA time zone for local times and the schedule (default UTC), e.g. Europe/London.'),
    seed: { type: ['integer', 'string'], description: 'Seeds the random activity (default 1).' },
    account: ref('account'),
    import: str('A saved account JSON file, relative to this file (instead of `account`).'),
    schedule: { type: 'array', items: doItems, description: 'Recurring operations. Not AWS semantics: IAM conditions cannot express time-of-day windows, so real accounts run a scheduler.' },
    steps: { type: 'array', items: stepItems, description: 'What happens, in order.' },
  },
  required: ['name', 'start', 'steps'],
  additionalProperties: false,
});

/** The editor-facing schema (schemas/scenario.schema.json): steps are any of the kinds, or one operation. */
export function scenarioSchema(operations: Readonly<Record<string, readonly string[]>> = {}): Schema {
  const names = Object.keys(operations);
  const operation: Schema = {
    type: 'object',
    description: 'A model operation with its input, e.g. { AttachUserPolicy: { user: bob, policy: ReadOnlyAccess } }; `expect: ok` or an IAM error code.',
    minProperties: 1,
    properties: {
      ...Object.fromEntries(names.map((n) => [n, { type: 'object', description: operations[n]!.length ? `Input fields: ${operations[n]!.join(', ')} (or short keys: user, group, role, policy, document, key, status, tags).` : 'No input: write {}.' }])),
      expect: { type: 'string', description: 'ok, or the IAM error code the operation should fail with.' },
    },
    ...(names.length ? { additionalProperties: false } : {}),
  };
  return {
    ...top({ anyOf: [...STEP_KINDS.map((k) => ref(`step-${k}`)), ref('step-operation')] }, ref('scheduleEntry')),
    definitions: {
      ...definitions,
      ...Object.fromEntries(STEP_KINDS.map((k) => [`step-${k}`, steps[k]])),
      'step-operation': operation,
    },
  };
}

/** The text of schemas/scenario.schema.json, with every model operation listed. */
export function scenarioSchemaText(operations: Readonly<Record<string, readonly string[]>>): string {
  return `${JSON.stringify(scenarioSchema(operations), null, 2)}\n`;
}

/** The loader's first-pass schema: the file with every step as a plain object. */
export function fileSchema(): Schema {
  return { ...top({ type: 'object' }, ref('scheduleEntry')), definitions };
}

/** The loader's second-pass schema for one step kind. */
export function stepSchema(kind: StepKindName): Schema {
  return { ...steps[kind], definitions };
}
