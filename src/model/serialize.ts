/**
 * Saving and loading accounts as JSON. The saved form is stable: keys in a fixed order (a priority list, then
 * alphabetical), two-space indentation, `immutable` collections written as plain objects and arrays. Loading checks
 * the JSON against schemas/account.schema.json and then cross-references (groups, policies, profiles), reporting
 * every problem with its JSON pointer and a hint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { freeze } from 'immer';
import { List, Map as IMap } from 'immutable';
import { err, ok, type InputError, type Result } from '../result.js';
import { ajvToInputError } from './apply.js';
import { managedPolicy } from './lookup.js';
import type { Account, CloudTrailEvent, Instant, LastUsed, ServiceLastAccessed } from './types.js';

/** The format version this code writes and reads. */
export const FORMAT_VERSION = 1;

/** Keys that come first, in this order; all other keys follow alphabetically. */
const KEY_ORDER = [
  'formatVersion', 'Version', 'Id', 'Statement', 'Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition',
  'id', 'name', 'kind', 'arn', 'path', 'alias', 'partition', 'created', 'organization', 'root', 'users', 'groups', 'roles', 'policies', 'instanceProfiles',
  'instances', 'resources', 'passwordPolicy', 'trails', 'sessions', 'people', 'usage', 'activity', 'seq',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a);
  const rb = RANK.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy with object keys in the fixed order; undefined properties dropped, as JSON.stringify would. */
function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort(compareKeys)) if (o[k] !== undefined) out[k] = ordered(o[k]);
  return out;
}

/** The account as plain JSON data: persistent collections become objects and arrays. */
export function accountToJson(account: Account): Record<string, unknown> {
  const u = account.usage;
  return {
    ...account,
    usage: {
      accessKeys: u.accessKeys.toObject(),
      passwords: u.passwords.toObject(),
      roles: u.roles.toObject(),
      services: Object.fromEntries([...u.services.entries()].map(([arn, m]) => [arn, m.toObject()])),
    },
    activity: account.activity.toArray(),
  };
}

/** Saves an account as stable, pretty JSON (ends with a newline). */
export function saveAccount(account: Account): string {
  return `${JSON.stringify(ordered(accountToJson(account)), null, 2)}\n`;
}

let validator: ValidateFunction | undefined;

/** The account JSON Schema, from the source tree or the build. */
export function accountSchema(): Readonly<Record<string, unknown>> {
  for (const rel of ['../../schemas/account.schema.json', '../../../schemas/account.schema.json']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  }
  throw new Error('schemas/account.schema.json not found');
}

function accountValidator(): ValidateFunction {
  if (validator === undefined) validator = new Ajv({ allErrors: true, strict: false }).compile(accountSchema());
  return validator;
}

/** Where a JSON.parse error happened, from V8's message ("at position N" or "line L column C"). */
function parseErrorPosition(text: string, message: string): { line: number; col: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  // "Unexpected end of JSON input" has no position: the problem is at the end of the text.
  const offset = pos ? Number(pos[1]) : /end of JSON input/i.test(message) ? text.length : null;
  if (offset === null) return undefined;
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, col: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** Drops oneOf noise when a more specific error is present, and errors under a path that already has a `required`/type error. */
function usefulErrors(errors: readonly ErrorObject[]): readonly ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf');
  return specific.length > 0 ? specific : errors;
}

/** A hint for a schema violation in an account file. */
function schemaHint(e: ErrorObject): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'remove the field: the account format (schemas/account.schema.json) has no such field here';
    case 'required':
      return 'add the field; saveAccount always writes it (schemas/account.schema.json)';
    case 'pattern':
      return /(created|date|enabled|launched|issued|expires|Time|Changed|Authenticated|lastReviewed)$/.test(e.instancePath)
        ? 'write instants as ISO-8601 UTC, e.g. 2025-06-01T12:00:00Z'
        : 'see the pattern in schemas/account.schema.json';
    default:
      return 'see schemas/account.schema.json';
  }
}

/** Cross-reference checks the schema cannot express. */
function referenceProblems(a: Account): InputError[] {
  const out: InputError[] = [];
  const add = (path: string, message: string, hint: string): void => void out.push({ code: 'dangling-reference', message, path, hint });
  const checkArn = (arn: string, path: string): void => {
    if (managedPolicy(a, arn) === undefined) add(path, `policy ${arn} is neither a customer managed policy of this account nor a known AWS managed policy`, 'add the policy under "policies" or fix the ARN');
  };
  for (const [n, u] of Object.entries(a.users)) {
    const p = `/users/${escapePointer(n)}`;
    if (u.name !== n) add(`${p}/name`, `user keyed ${n} is named ${u.name}`, 'the key must equal the name');
    u.groups.forEach((g, i) => {
      if (!Object.hasOwn(a.groups, g)) add(`${p}/groups/${i}`, `group ${g} does not exist`, 'add it under "groups" or remove the membership');
    });
    u.attachedPolicies.forEach((arn, i) => checkArn(arn, `${p}/attachedPolicies/${i}`));
    if (u.boundary !== null) checkArn(u.boundary, `${p}/boundary`);
  }
  for (const [n, g] of Object.entries(a.groups)) {
    if (g.name !== n) add(`/groups/${escapePointer(n)}/name`, `group keyed ${n} is named ${g.name}`, 'the key must equal the name');
    g.attachedPolicies.forEach((arn, i) => checkArn(arn, `/groups/${escapePointer(n)}/attachedPolicies/${i}`));
  }
  for (const [n, r] of Object.entries(a.roles)) {
    const p = `/roles/${escapePointer(n)}`;
    if (r.name !== n) add(`${p}/name`, `role keyed ${n} is named ${r.name}`, 'the key must equal the name');
    r.attachedPolicies.forEach((arn, i) => checkArn(arn, `${p}/attachedPolicies/${i}`));
    if (r.boundary !== null) checkArn(r.boundary, `${p}/boundary`);
  }
  for (const [arn, pol] of Object.entries(a.policies)) {
    const p = `/policies/${escapePointer(arn)}`;
    if (pol.arn !== arn) add(`${p}/arn`, `policy keyed ${arn} has ARN ${pol.arn}`, 'the key must equal the ARN');
    if (!pol.versions.some((v) => v.id === pol.defaultVersion)) add(`${p}/defaultVersion`, `default version ${pol.defaultVersion} is not among the versions`, 'set defaultVersion to one of the version ids');
  }
  for (const [n, ip] of Object.entries(a.instanceProfiles)) {
    ip.roles.forEach((r, i) => {
      if (!Object.hasOwn(a.roles, r)) add(`/instanceProfiles/${escapePointer(n)}/roles/${i}`, `role ${r} does not exist`, 'add the role or remove it from the profile');
    });
  }
  for (const [id, inst] of Object.entries(a.instances)) {
    if (inst.instanceProfile !== null && !Object.hasOwn(a.instanceProfiles, inst.instanceProfile)) {
      add(`/instances/${escapePointer(id)}/instanceProfile`, `instance profile ${inst.instanceProfile} does not exist`, 'add it under "instanceProfiles" or set null');
    }
  }
  if (a.organization !== null) {
    a.organization.levels.forEach((l, i) => {
      [...l.scps, ...l.rcps].forEach((pid) => {
        if (!Object.hasOwn(a.organization!.policies, pid)) add(`/organization/levels/${i}`, `organization policy ${pid} is not defined`, 'add it under "organization/policies"');
      });
    });
  }
  return out;
}

/** Builds the in-memory account from validated JSON: persistent collections restored, everything frozen. */
function fromJson(data: Record<string, unknown>): Account {
  const usage = data['usage'] as {
    accessKeys: Record<string, LastUsed>;
    passwords: Record<string, Instant>;
    roles: Record<string, LastUsed>;
    services: Record<string, Record<string, ServiceLastAccessed>>;
  };
  const plain = { ...data, usage: undefined, activity: undefined };
  freeze(plain, true);
  return {
    ...(plain as unknown as Account),
    usage: {
      accessKeys: IMap(usage.accessKeys),
      passwords: IMap(usage.passwords),
      roles: IMap(usage.roles),
      services: IMap(Object.entries(usage.services).map(([k, v]) => [k, IMap(v)] as const)),
    },
    activity: List(freeze(data['activity'] as CloudTrailEvent[], true)),
  } as Account;
}

/**
 * Loads an account from JSON text. Every problem is reported: JSON syntax (with line and column), schema violations
 * (with JSON pointers), unsupported format versions, and dangling references.
 */
export function loadAccount(text: string, file?: string): Result<Account, InputError[]> {
  const where = file !== undefined ? { file } : {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err([{ code: 'json-syntax', message: `not valid JSON: ${message}`, path: '', hint: 'an account file is the JSON written by saveAccount or `iamsim generate`', ...where, ...parseErrorPosition(text, message) }]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err([{ code: 'type', message: 'an account must be a JSON object', path: '', ...where }]);
  }
  const version = (data as Record<string, unknown>)['formatVersion'];
  if (version !== FORMAT_VERSION) {
    return err([{
      code: 'format-version',
      message: `unsupported formatVersion ${JSON.stringify(version)}; this iamsim reads version ${FORMAT_VERSION}`,
      path: '/formatVersion',
      hint: 'save the account again with this version of iamsim',
      ...where,
    }]);
  }
  const v = accountValidator();
  if (!v(data)) {
    return err(usefulErrors(v.errors ?? []).map((e) => ({ ...ajvToInputError(e), hint: schemaHint(e), ...where })));
  }
  const account = fromJson(data as Record<string, unknown>);
  const refs = referenceProblems(account);
  if (refs.length > 0) return err(refs.map((r) => ({ ...r, ...where })));
  return ok(account);
}
