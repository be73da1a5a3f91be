/**
 * Loads a scenario: YAML → positions → schema (two passes) → meaning (times, durations, references, policies IAM
 * would reject). Every problem is collected and reported at once as `file:line:col: message` with a hint; the
 * loader never throws, whatever the input.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import ipaddr from 'ipaddr.js';
import { compilePolicy } from '../evaluator/parse-policy.js';
import type { PolicyDocument, PolicyKind } from '../evaluator/types.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { OPERATION_NAMES, isOperationName, validateOperationInput } from '../model/apply.js';
import { emptyAccount } from '../model/empty-account.js';
import { IAM_ERROR_CODES } from '../model/errors.js';
import type { Account, Instant } from '../model/types.js';
import { addMillis, toMillis } from '../model/time.js';
import { err, ok, type InputError, type Result } from '../result.js';
import { generate, type GenerateOptions } from '../generate/index.js';
import { ajvErrorsToInput, describePath } from './ajv-errors.js';
import { buildAccount, DEFAULT_ACCOUNT_ID, type AccountSpec } from './build-account.js';
import { isTimeZone, resolveTime } from './clock.js';
import { parseDuration } from './duration.js';
import { DEFAULT_SOURCE_IP } from './steps/caller.js';
import { mapShortKeys, POLICY_ARN_FIELDS, policyArnOf } from './operation-input.js';
import { parseRecurrence } from './schedule.js';
import { fileSchema, STEP_KINDS, STEP_MODIFIERS, stepSchema, type StepKindName } from './schema.js';
import { say } from './messages.js';
import { closest, suggestHint } from './suggest.js';
import type { Assertion, FindingRef, ScenarioOperation, Scenario, ScheduleEntry, Step, StepBody } from './types.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

/** What the loader may use besides the text. */
export interface LoadOptions {
  /** Loads an `import:` file, resolved relative to the scenario by the caller; without it imports are refused. */
  readonly importAccount?: (path: string) => Result<Account, InputError[]>;
  /** The check ids `check` and `remediate` may name (default: every registered check). */
  readonly checkIds?: readonly string[];
}

type Path = (string | number)[];
type Raw = Readonly<Record<string, unknown>>;
/** `account: { generate: {…} }` as the schema admits it. */
type GenerateSpec = Omit<GenerateOptions, 'start' | 'onProgress'>;

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
let fileValidator: ValidateFunction | undefined;
const stepValidators = new Map<StepKindName, ValidateFunction>();
const validateFile = (data: unknown): ValidateFunction => {
  fileValidator ??= ajv.compile(fileSchema());
  fileValidator(data);
  return fileValidator;
};
const validateStep = (kind: StepKindName, data: unknown): ValidateFunction => {
  let v = stepValidators.get(kind);
  if (v === undefined) {
    v = ajv.compile(stepSchema(kind));
    stepValidators.set(kind, v);
  }
  v(data);
  return v;
};

const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const names = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.map(String) : []);

/** Names the scenario defines so far: what references may point at. */
interface Known {
  readonly users: Set<string>;
  readonly groups: Set<string>;
  readonly roles: Set<string>;
  /** Customer policy name → ARN. */
  readonly policies: Map<string, string>;
  readonly sessions: Set<string>;
  readonly profiles: Set<string>;
  /** EC2 instance id → the names of its applications. */
  readonly instances: Map<string, Set<string>>;
  /** Inline policy names of any principal. */
  readonly inline: Set<string>;
}

/** Parses and checks a scenario. */
export function loadScenario(text: string, file: string, opts: LoadOptions = {}): Result<Scenario, InputError[]> {
  const { source, errors: yamlErrors } = parseYaml(text, file);
  if (yamlErrors.length > 0) return err(yamlErrors);
  return new Loader(source, opts).load();
}

class Loader {
  private readonly problems: InputError[] = [];
  private readonly checkIds: readonly string[];
  private tz = 'UTC';
  private accountId = DEFAULT_ACCOUNT_ID;
  /** With a broken account, names it defines are unknown: references are not judged. */
  private accountBroken = false;
  private brokenSteps: ReadonlySet<number> = new Set();
  private scheduleBroken = false;

  constructor(private readonly source: YamlSource, private readonly opts: LoadOptions) {
    this.checkIds = opts.checkIds ?? ALL_CHECKS.map((c) => c.meta.id);
  }

  private report(path: Path, said: { code: string; message: string; hint?: string }, key = false): void {
    const pos = this.source.locate(path, { key });
    this.problems.push({ ...said, path: describePath(path), file: this.source.file, line: pos.line, col: pos.col });
  }

  private result(scenario: Scenario): Result<Scenario, InputError[]> {
    if (this.problems.length === 0) return ok(scenario);
    const sorted = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
    return err(sorted);
  }

  load(): Result<Scenario, InputError[]> {
    const data = this.source.data;
    if (!isObject(data)) {
      this.report([], say('notAScenario', { what: data === null || data === undefined ? 'nothing' : Array.isArray(data) ? 'a list' : `a ${typeof data}` }));
      return err(this.problems);
    }
    this.problems.push(...ajvErrorsToInput(validateFile(data).errors, this.source));
    const rawSteps = Array.isArray(data['steps']) ? (data['steps'] as unknown[]) : [];
    rawSteps.forEach((s, i) => {
      if (isObject(s)) this.shapeOfStep(s, i);
    });
    // The meaning pass runs only where the shape is sound, so every problem is still reported at once.
    const broken = (prefix: string): boolean => this.problems.some((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
    const headerBroken = broken('start') || broken('timezone') || this.problems.some((p) => p.path === 'the scenario');
    if (headerBroken) return err(this.sorted());
    this.accountBroken = broken('account') || broken('import');
    this.brokenSteps = new Set(rawSteps.map((_, i) => i).filter((i) => broken(`steps[${i}]`)));
    this.scheduleBroken = broken('schedule') || (data['steps'] !== undefined && !Array.isArray(data['steps']));

    const tz = typeof data['timezone'] === 'string' ? data['timezone'] : 'UTC';
    if (!isTimeZone(tz)) this.report(['timezone'], say('badTimezone', { tz }));
    else this.tz = tz;
    const startText = String(data['start']);
    const start = resolveTime(startText, this.tz);
    if (!start.ok) this.report(['start'], say('badTime', { detail: start.error }));
    const startAt: Instant = start.ok ? start.value : '1970-01-01T00:00:00Z';

    const known: Known = { users: new Set(), groups: new Set(), roles: new Set(), policies: new Map(), sessions: new Set(), profiles: new Set(), instances: new Map(), inline: new Set() };
    const account = this.account(data, startAt);
    this.accountId = account.id;
    Object.keys(account.users).forEach((u) => known.users.add(u));
    Object.keys(account.groups).forEach((g) => known.groups.add(g));
    Object.keys(account.roles).forEach((r) => known.roles.add(r));
    Object.keys(account.instanceProfiles).forEach((p) => known.profiles.add(p));
    for (const i of Object.values(account.instances)) known.instances.set(i.id, new Set(i.applications.map((a) => a.name)));
    for (const p of Object.values(account.policies)) known.policies.set(p.name, p.arn);
    for (const e of [...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)]) Object.keys(e.inlinePolicies).forEach((n) => known.inline.add(n));

    const steps = this.steps(rawSteps as Raw[], startAt, known);
    const schedule = this.scheduleBroken ? [] : this.schedule(Array.isArray(data['schedule']) ? (data['schedule'] as Raw[]) : [], known);
    return this.result({
      file: this.source.file,
      name: String(data['name']),
      description: typeof data['description'] === 'string' ? data['description'].trim() : '',
      start: startAt,
      timezone: this.tz,
      seed: String(data['seed'] ?? 1),
      account,
      schedule,
      steps,
    });
  }

  private sorted(): InputError[] {
    return [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
  }

  /** Second schema pass: one kind per step, validated against that kind's schema. */
  private shapeOfStep(s: Raw, i: number): void {
    const keys = Object.keys(s);
    const kinds = keys.filter((k): k is StepKindName => (STEP_KINDS as readonly string[]).includes(k));
    const others = keys.filter((k) => !(STEP_KINDS as readonly string[]).includes(k) && !(STEP_MODIFIERS as readonly string[]).includes(k));
    const path = ['steps', i];
    if (kinds.length === 1) {
      this.problems.push(...ajvErrorsToInput(validateStep(kinds[0]!, s).errors, this.source, path));
      return;
    }
    if (kinds.length > 1) {
      this.report([...path, kinds[1]!], say('twoKinds', { index: i, a: kinds[0]!, b: kinds[1]! }), true);
      return;
    }
    if (others.length === 0) {
      this.report(path, say('emptyStep', { index: i, kinds: STEP_KINDS.join(', ') }));
      return;
    }
    const [op, ...extra] = others;
    if (!isOperationName(op!)) {
      const near = closest(op!, [...STEP_KINDS, ...OPERATION_NAMES]);
      this.report([...path, op!], say('unknownStep', { name: op!, suggestion: near !== undefined ? `did you mean '${near}'?` : `a step is one of ${STEP_KINDS.join(', ')}, or a model operation (${OPERATION_NAMES.slice(0, 6).join(', ')}, …)` }), true);
      return;
    }
    if (extra.length > 0) this.report([...path, extra[0]!], say('twoKinds', { index: i, a: op!, b: extra[0]! }), true);
    for (const k of keys) {
      if (k !== op && k !== 'expect' && (STEP_MODIFIERS as readonly string[]).includes(k)) this.report([...path, k], say('operationModifier', { key: k, where: describePath(path) }), true);
    }
    if (!isObject(s[op!])) this.report([...path, op!], say('operationInputType', { where: describePath([...path, op!]), op: op! }));
  }

  private account(data: Raw, start: Instant): Account {
    if (data['account'] !== undefined && data['import'] !== undefined) {
      this.report(['import'], say('accountAndImport'), true);
    }
    if (data['import'] !== undefined) {
      const path = String(data['import']);
      if (this.opts.importAccount === undefined) {
        this.report(['import'], say('importUnavailable', { file: path }));
        return emptyAccount(DEFAULT_ACCOUNT_ID, start);
      }
      const r = this.opts.importAccount(path);
      if (r.ok) return r.value;
      for (const e of r.error) this.report(['import'], { ...say('importFailed', { file: path, at: e.path ? ` at ${e.path}` : '', detail: e.message, hint: e.hint ?? '' }), code: e.code });
      return emptyAccount(DEFAULT_ACCOUNT_ID, start);
    }
    if (data['account'] === undefined || this.accountBroken) return emptyAccount(DEFAULT_ACCOUNT_ID, start);
    const gen = (data['account'] as { generate?: GenerateSpec }).generate;
    if (gen !== undefined) return this.generated(gen, start);
    const built = buildAccount(data['account'] as AccountSpec, start, this.tz);
    for (const p of built.problems) this.report(p.path as Path, { code: p.code, message: p.message, ...(p.hint !== undefined ? { hint: p.hint } : {}) }, p.key ?? false);
    return built.account;
  }

  /** `account: { generate: {…} }`: a seeded account (src/generate) whose activity ends at the scenario start. */
  private generated(g: GenerateSpec, start: Instant): Account {
    const days = g.days ?? 180;
    const r = generate({ ...g, days, start: `${addMillis(start, -days * 86_400_000).slice(0, 19)}Z` });
    if (r.ok) return r.value.account;
    for (const e of r.error) this.report(['account', 'generate', ...e.path.split('/').slice(1).map((x) => (/^\d+$/.test(x) ? Number(x) : x))], { code: e.code, message: e.message, ...(e.hint !== undefined ? { hint: e.hint } : {}) });
    return emptyAccount(DEFAULT_ACCOUNT_ID, start);
  }

  private checkPolicy(doc: unknown, kind: PolicyKind, path: Path, managed = false): void {
    const r = compilePolicy(doc, { id: describePath(path), kind, requireVersion2012: managed });
    if (r.ok) return;
    for (const p of r.error) {
      if (p.severity !== 'error') continue;
      const sub = p.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      this.report([...path, ...sub], say('invalidPolicy', { detail: p.message, hint: p.hint ?? '' }));
    }
  }

  private ref(kind: 'user' | 'group' | 'role' | 'policy' | 'instance profile', name: string, path: Path, known: Known): boolean {
    const set: Iterable<string> = kind === 'user' ? known.users : kind === 'group' ? known.groups : kind === 'role' ? known.roles : kind === 'policy' ? known.policies.keys() : known.profiles;
    const list = [...set];
    if (list.includes(name)) return true;
    if (this.accountBroken) return false;
    this.report(path, say('unknownReference', { kind, kindId: kind.replace(' ', '-'), name, suggestion: suggestHint(name, list, `${kind === 'policy' ? 'policie' : kind}s`) }));
    return false;
  }

  /** Instances and applications that steps launch or configure, so later `as: INSTANCE, app: NAME` can be checked. */
  private trackInstance(op: string, input: Readonly<Record<string, unknown>>, known: Known): void {
    const id = input['InstanceId'];
    if (typeof id !== 'string') return;
    if (op === 'RunInstances') {
      // Without an InstanceId the model makes one up, which no step can name.
      const apps = Array.isArray(input['Applications']) ? input['Applications'] : [];
      known.instances.set(id, new Set(apps.map((a) => (isObject(a) ? String(a['Name']) : '')).filter((n) => n !== '')));
    } else if (op === 'SetApplicationCredential' && typeof input['ApplicationName'] === 'string') {
      known.instances.get(id)?.add(input['ApplicationName']);
    }
  }

  private caller(as: string, path: Path, known: Known, app?: unknown, withPath?: { readonly given: boolean; readonly path: Path }): void {
    if (app !== undefined) {
      if (withPath?.given === true) this.report(withPath.path, say('appWithCredential', { app: String(app) }));
      const apps = known.instances.get(as);
      if (apps === undefined) {
        if (!this.accountBroken) this.report(path, say('unknownReference', { kind: 'instance', kindId: 'instance', name: as, suggestion: suggestHint(as, [...known.instances.keys()], 'instances') }));
      } else if (!apps.has(String(app))) {
        this.report([...path.slice(0, -1), 'app'], say('unknownReference', { kind: `application on ${as}`, kindId: 'application', name: String(app), suggestion: suggestHint(String(app), [...apps], 'applications') }));
      }
      return;
    }
    if (as === 'root') return;
    if (as.includes('/')) {
      const [role] = as.split('/');
      if (!known.sessions.has(as)) {
        if (known.roles.has(role!)) this.report(path, say('unknownSession', { session: as, role: role! }));
        else this.ref('role', role!, path, known);
      }
      return;
    }
    this.ref('user', as, path, known);
  }

  private ip(v: unknown, path: Path): void {
    if (typeof v === 'string' && !ipaddr.isValid(v)) this.report(path, say('badIp', { value: v }));
  }

  private duration(text: string, path: Path): number {
    const d = parseDuration(text);
    if (d.ok) return d.value;
    this.report(path, say('badDuration', { detail: d.error }));
    return 0;
  }

  private checkList(v: unknown, path: Path): readonly string[] | 'all' {
    if (v === 'all') return 'all';
    const ids = names(v);
    ids.forEach((id, i) => this.checkId(id, typeof v === 'string' ? path : [...path, i]));
    return ids;
  }

  private checkId(id: string, path: Path): void {
    if (!this.checkIds.includes(id)) this.report(path, say('unknownCheck', { name: id, suggestion: suggestHint(id, this.checkIds, 'checks') }));
  }

  private findingRefs(v: unknown, path: Path): FindingRef[] {
    if (!Array.isArray(v)) return [];
    return v.map((f: Raw, i) => {
      this.checkId(String(f['check']), [...path, i, 'check']);
      return { check: String(f['check']), ...(typeof f['resource'] === 'string' ? { resource: f['resource'] } : {}) };
    });
  }

  /** A model operation written in a scenario: short keys mapped, policy names resolved, input and references checked. */
  operation(op: string, raw: Raw, path: Path, known: Known, expectError: boolean): ScenarioOperation {
    const { input, written } = mapShortKeys(op, raw);
    const resolved: Record<string, unknown> = { ...input };
    const fieldPath = (field: string): Path => [...path, written[field] ?? field];
    for (const f of POLICY_ARN_FIELDS) {
      const v = resolved[f];
      if (typeof v !== 'string' || v.startsWith('arn:')) continue;
      const arn = policyArnOf(v, known.policies);
      if (arn !== undefined) resolved[f] = arn;
      else if (!expectError) this.ref('policy', v, fieldPath(f), known);
    }
    const call = { op, input: resolved };
    const shape = validateOperationInput(call);
    if (!shape.ok) {
      for (const e of shape.error) {
        const segs = e.path.split('/').slice(1);
        const field = segs[0] ?? '';
        if (field === 'AccessKeyId' && typeof resolved['AccessKeyId'] === 'number') continue;
        this.report(segs.length ? [...fieldPath(field), ...segs.slice(1)] : path, say('operationInput', { op, detail: e.message, field: segs.length ? ` (${written[field] ?? field})` : '', hint: e.hint ?? '' }));
      }
    }
    for (const [f, kind] of [['PolicyDocument', op === 'UpdateAssumeRolePolicy' ? 'trust' : 'identity'], ['AssumeRolePolicyDocument', 'trust']] as const) {
      if (isObject(resolved[f])) this.checkPolicy(resolved[f], kind, fieldPath(f), op === 'CreatePolicy' || op === 'CreatePolicyVersion');
    }
    if (!expectError) {
      const creates: Record<string, keyof Known> = { CreateUser: 'users', CreateGroup: 'groups', CreateRole: 'roles', CreateServiceLinkedRole: 'roles', CreateInstanceProfile: 'profiles' };
      for (const [field, kind] of [['UserName', 'user'], ['GroupName', 'group'], ['RoleName', 'role'], ['InstanceProfileName', 'instance profile']] as const) {
        const v = resolved[field];
        if (typeof v !== 'string') continue;
        const target = creates[op];
        const coll = { user: 'users', group: 'groups', role: 'roles', 'instance profile': 'profiles' }[kind];
        if (target === coll) (known[coll] as Set<string>).add(v);
        else this.ref(kind, v, fieldPath(field), known);
      }
      if (/^Put(User|Group|Role)Policy$/.test(op) && typeof resolved['PolicyName'] === 'string') known.inline.add(resolved['PolicyName']);
      this.trackInstance(op, resolved, known);
      if (op === 'CreatePolicy' && typeof resolved['PolicyName'] === 'string') {
        known.policies.set(resolved['PolicyName'], `arn:aws:iam::${this.accountId}:policy${typeof resolved['Path'] === 'string' ? resolved['Path'] : '/'}${resolved['PolicyName']}`);
      }
    }
    return call;
  }

  private opExpect(v: unknown, path: Path): string | undefined {
    if (v === undefined) return undefined;
    const s = String(v);
    if (s !== 'ok' && !(IAM_ERROR_CODES as readonly string[]).includes(s)) this.report(path, say('badOperationExpect', { value: s, codes: IAM_ERROR_CODES.join(', ') }));
    return s;
  }

  private schedule(raw: readonly Raw[], known: Known): ScheduleEntry[] {
    return raw.map((e, i) => this.scheduleEntry(e, ['schedule', i], known));
  }

  private scheduleEntry(e: Raw, path: Path, known: Known): ScheduleEntry {
    const every = parseRecurrence(String(e['every']));
    if (!every.ok) this.report([...path, 'every'], say('badSchedule', { detail: every.error }));
    const calls = (Array.isArray(e['do']) ? (e['do'] as Raw[]) : [e['do'] as Raw]).map((c, j) => {
      const p: Path = Array.isArray(e['do']) ? [...path, 'do', j] : [...path, 'do'];
      const [op] = Object.keys(c);
      if (op === undefined || !isOperationName(op)) {
        this.report(p, say('unknownOperation', { name: op ?? '', suggestion: op ? suggestHint(op, OPERATION_NAMES, 'operations') : 'e.g. { AddUserToGroup: { user: priya, group: contractors } }' }), true);
        return { op: op ?? '', input: {} };
      }
      if (!isObject(c[op])) {
        this.report([...p, op], say('operationInputType', { where: describePath([...p, op]), op }));
        return { op, input: {} };
      }
      return this.operation(op, c[op] as Raw, [...p, op], known, false);
    });
    const bound = (k: 'from' | 'until'): Instant | undefined => {
      if (typeof e[k] !== 'string') return undefined;
      const t = resolveTime(e[k], this.tz);
      if (!t.ok) this.report([...path, k], say('badTime', { detail: t.error }));
      return t.ok ? t.value : undefined;
    };
    const from = bound('from');
    const until = bound('until');
    return {
      every: every.ok ? every.value : { weekdays: [], hour: 0, minute: 0 },
      text: String(e['every']),
      ops: calls,
      ...(from !== undefined ? { from } : {}),
      ...(until !== undefined ? { until } : {}),
      ...(typeof e['note'] === 'string' ? { note: e['note'] } : {}),
      line: this.source.locate(path).line,
    };
  }

  private steps(raw: readonly Raw[], start: Instant, known: Known): Step[] {
    let now = start;
    const out: Step[] = [];
    raw.forEach((s, index) => {
      if (this.brokenSteps.has(index)) return;
      const path: Path = ['steps', index];
      const line = this.source.locate(path).line;
      const kind = Object.keys(s).find((k) => (STEP_KINDS as readonly string[]).includes(k)) as StepKindName | undefined;
      let body: StepBody;
      let time = now;
      if (kind === undefined) {
        const op = Object.keys(s).find((k) => k !== 'expect')!;
        const expect = this.opExpect(s['expect'], [...path, 'expect']);
        body = { kind: 'operation', call: this.operation(op, s[op] as Raw, [...path, op], known, expect !== undefined && expect !== 'ok'), ...(expect !== undefined ? { expect } : {}) };
      } else {
        const v = s[kind];
        const p: Path = [...path, kind];
        switch (kind) {
          case 'note':
            body = { kind, text: String(v).trim() };
            break;
          case 'advance': {
            const ms = this.duration(String(v), p);
            now = addMillis(now, ms);
            time = now;
            body = { kind, ms, text: String(v) };
            break;
          }
          case 'at': {
            const t = resolveTime(String(v), this.tz, now);
            if (!t.ok) this.report(p, say('badTime', { detail: t.error }));
            else if (toMillis(t.value) < toMillis(now)) this.report(p, say('timeGoesBack', { text: String(v), resolved: String(v) === t.value ? '' : ` (${t.value})`, now }));
            else now = t.value;
            time = now;
            body = { kind, text: String(v) };
            break;
          }
          case 'schedule':
            body = { kind, entry: this.scheduleEntry(v as Raw, p, known) };
            break;
          case 'request': {
            const r = v as Raw;
            this.caller(String(r['as']), [...p, 'as'], known, r['app'], { given: r['with'] !== undefined, path: [...p, 'with'] });
            this.ip(r['from'], [...p, 'from']);
            if (typeof s['policy'] === 'string') this.policyName(s['policy'], [...path, 'policy'], known);
            body = {
              kind,
              spec: {
                as: String(r['as']), action: String(r['action']), resource: typeof r['resource'] === 'string' ? r['resource'] : '*',
                ...pick(r, ['app', 'with', 'from', 'region']), ...(typeof r['mfa'] === 'boolean' ? { mfa: r['mfa'] } : {}),
                ...(isObject(r['context']) ? { context: r['context'] as Record<string, string | string[]> } : {}),
              },
              expect: decisionExpect(s),
            };
            break;
          }
          case 'sign-in': {
            const r = v as Raw;
            if (r['as'] !== 'root') this.ref('user', String(r['as']), [...p, 'as'], known);
            this.ip(r['from'], [...p, 'from']);
            body = { kind, spec: { as: String(r['as']), ...pick(r, ['from']), ...(typeof r['mfa'] === 'boolean' ? { mfa: r['mfa'] } : {}) }, ...(s['expect'] !== undefined ? { expect: s['expect'] as 'success' | 'failure' } : {}) };
            break;
          }
          case 'assume-role': {
            const r = v as Raw;
            this.caller(String(r['as']), [...p, 'as'], known);
            this.ip(r['from'], [...p, 'from']);
            const role = String(r['role']);
            this.ref('role', role, [...p, 'role'], known);
            const session = typeof r['session'] === 'string' ? r['session'] : String(r['as']).replace(/\//g, '-');
            known.sessions.add(`${role}/${session}`);
            if (r['policy'] !== undefined) this.checkPolicy(r['policy'], 'session', [...p, 'policy']);
            const policies = names(r['policies']).map((n, i) => {
              const pp: Path = typeof r['policies'] === 'string' ? [...p, 'policies'] : [...p, 'policies', i];
              const arn = policyArnOf(n, known.policies);
              if (arn === undefined) this.ref('policy', n, pp, known);
              return arn ?? n;
            });
            const durationMs = typeof r['duration'] === 'string' ? this.duration(r['duration'], [...p, 'duration']) : undefined;
            body = {
              kind,
              spec: {
                as: String(r['as']), role, session, ...pick(r, ['with', 'from']), ...(typeof r['mfa'] === 'boolean' ? { mfa: r['mfa'] } : {}),
                ...(durationMs !== undefined ? { durationMs } : {}), ...(isObject(r['policy']) ? { policy: r['policy'] as PolicyDocument } : {}),
                ...(policies.length ? { policies } : {}),
              },
              expect: decisionExpect(s),
            };
            break;
          }
          case 'activity': {
            const r = v as Raw;
            this.caller(String(r['as']), [...p, 'as'], known, r['app'], { given: r['with'] !== undefined, path: [...p, 'with'] });
            const ips = names(r['from']);
            ips.forEach((ip, i) => this.ip(ip, typeof r['from'] === 'string' ? [...p, 'from'] : [...p, 'from', i]));
            const overMs = this.duration(String(r['over']), [...p, 'over']);
            const e = s['expect'] as Raw | undefined;
            body = {
              kind,
              spec: {
                as: String(r['as']), ...pick(r, ['app', 'with']), count: Number(r['count']), overMs, ips: ips.length ? ips : [DEFAULT_SOURCE_IP],
                regions: names(r['region']).length ? names(r['region']) : ['us-east-1'],
                requests: (r['requests'] as Raw[]).map((q) => ({ action: String(q['action']), resource: typeof q['resource'] === 'string' ? q['resource'] : '*', weight: typeof q['weight'] === 'number' ? q['weight'] : 1 })),
              },
              ...(e !== undefined ? { expect: { ...(typeof e['allowed'] === 'number' ? { allowed: e['allowed'] } : {}), ...(typeof e['denied'] === 'number' ? { denied: e['denied'] } : {}) } } : {}),
            };
            now = addMillis(now, overMs);
            break;
          }
          case 'check': {
            const e = s['expect'] as Raw | undefined;
            const options = isObject(s['options']) ? (s['options'] as Record<string, Record<string, unknown>>) : undefined;
            if (options) Object.keys(options).forEach((id) => this.checkId(id, [...path, 'options', id]));
            body = {
              kind,
              checks: this.checkList(v, p),
              ...(options ? { options } : {}),
              ...(e !== undefined
                ? {
                    expect: {
                      ...(e['findings'] !== undefined ? { findings: this.findingRefs(e['findings'], [...path, 'expect', 'findings']) } : {}),
                      ...(e['includes'] !== undefined ? { includes: this.findingRefs(e['includes'], [...path, 'expect', 'includes']) } : {}),
                      ...(e['excludes'] !== undefined ? { excludes: this.findingRefs(e['excludes'], [...path, 'expect', 'excludes']) } : {}),
                    },
                  }
                : {}),
            };
            break;
          }
          case 'remediate': {
            const e = s['expect'] as Raw | undefined;
            const ops = e !== undefined ? names(e['operations']) : [];
            ops.forEach((o, i) => {
              if (!isOperationName(o)) this.report(typeof e?.['operations'] === 'string' ? [...path, 'expect', 'operations'] : [...path, 'expect', 'operations', i], say('unknownOperation', { name: o, suggestion: suggestHint(o, OPERATION_NAMES, 'operations') }));
            });
            body = {
              kind,
              checks: this.checkList(v, p),
              ...(e !== undefined
                ? { expect: { ...(e['fixed'] !== undefined ? { fixed: this.findingRefs(e['fixed'], [...path, 'expect', 'fixed']) } : {}), ...(e['operations'] !== undefined ? { operations: ops } : {}) } }
                : {}),
            };
            break;
          }
          case 'assert': {
            const list = Array.isArray(v) ? (v as Raw[]) : [v as Raw];
            body = { kind, assertions: list.map((a, i) => this.assertion(a, Array.isArray(v) ? [...p, i] : p, known)).filter((a): a is Assertion => a !== null) };
            break;
          }
          default: {
            const never: never = kind;
            throw new Error(`unhandled step kind ${String(never)}`);
          }
        }
      }
      out.push({ ...body, index, line, time } as Step);
    });
    return out;
  }

  private policyName(name: string, path: Path, known: Known): void {
    if (policyArnOf(name, known.policies) !== undefined) return;
    if (/^(user|group|role)\/[^/]+\/inline\/.+/.test(name) || known.inline.has(name)) return;
    this.ref('policy', name, path, known);
  }

  private assertion(a: Raw, path: Path, known: Known): Assertion | null {
    const subjects = (['user', 'group', 'role', 'policy'] as const).filter((k) => typeof a[k] === 'string');
    if (subjects.length !== 1) {
      this.report(path, subjects.length === 0 ? say('assertNoSubject') : say('assertManySubjects', { subjects: subjects.join(' and ') }));
      return null;
    }
    const kind = subjects[0]!;
    const name = String(a[kind]);
    if (kind === 'policy') this.policyName(name, [...path, kind], known);
    else this.ref(kind, name, [...path, kind], known);
    const lists = ['groups', 'members', 'policies', 'inline', 'mentions'] as const;
    const out: Record<string, unknown> = { subject: { kind, name } };
    for (const l of lists) if (a[l] !== undefined) out[l] = names(a[l]);
    for (const k of ['exists', 'mfa', 'console'] as const) if (typeof a[k] === 'boolean') out[k] = a[k];
    if (Array.isArray(a['keys'])) out['keys'] = a['keys'];
    if (isObject(a['tags'])) out['tags'] = Object.fromEntries(Object.entries(a['tags']).map(([k, x]) => [k, String(x)]));
    if (a['boundary'] !== undefined) out['boundary'] = a['boundary'];
    return out as unknown as Assertion;
  }
}

function pick(r: Raw, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof r[k] === 'string') out[k] = r[k];
  return out;
}

function decisionExpect(s: Raw): { effect?: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'; decidedBy?: never; sid?: string; policy?: string } {
  return {
    ...(typeof s['expect'] === 'string' ? { effect: s['expect'] as 'Allow' } : {}),
    ...(typeof s['decidedBy'] === 'string' ? { decidedBy: s['decidedBy'] as never } : {}),
    ...(typeof s['sid'] === 'string' ? { sid: s['sid'] } : {}),
    ...(typeof s['policy'] === 'string' ? { policy: s['policy'] } : {}),
  };
}
