/**
 * `iamsim evaluate`: one request from flags, or a JSON Lines batch with `--input`. Reads files, compiles the policies,
 * asks the evaluator, renders the decision. Bad input is reported with the file and JSON path and exits 2.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import type { CliIo } from '../io.js';
import { EXIT, UsageError, useColor } from '../io.js';
import type { ExitBox, RegisterCommand } from '../program.js';
import type { AuthzRequest, ContextValue, Decision, Effect, PolicyProblem, PolicySet, RequestPrincipal } from '../../evaluator/types.js';
import { evaluate } from '../../evaluator/evaluate.js';
import { compilePolicySet, resourceIsTrust, type RawPolicySet } from '../../evaluator/policy-set.js';
import { parseDateValue } from '../../evaluator/values/date.js';
import { duplicateKeyProblems } from '../../evaluator/validate/duplicate-keys.js';
import { renderDecision } from '../render/decision-text.js';
import { parseYaml } from '../../scenarios/yaml-source.js';
import { decisionToJson } from '../render/decision-json.js';

const EFFECTS: readonly Effect[] = ['Allow', 'ExplicitDeny', 'ImplicitDeny'];

/** A request's action: `service:Action`, the form `account who-can` checks too. */
const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;

/** The caller an ARN (or account id, service principal, `anonymous`) stands for, or an error message. */
export function principalFromArn(text: string): { ok: true; value: RequestPrincipal } | { ok: false; error: string } {
  if (text === 'anonymous' || text === '*') return { ok: true, value: { kind: 'anonymous', arn: 'anonymous', accountId: '' } };
  if (/^\d{12}$/.test(text)) return { ok: true, value: { kind: 'root', arn: `arn:aws:iam::${text}:root`, accountId: text } };
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text)) return { ok: true, value: { kind: 'service', arn: text, accountId: '', service: text } };
  const m = /^arn:([a-z0-9-]+):(iam|sts)::(\d{12}):(.+)$/.exec(text);
  if (m === null) return { ok: false, error: `"${text}" is not a principal ARN` };
  const [, partition, service, account, rest] = m as unknown as [string, string, string, string, string];
  if (service === 'iam' && rest === 'root') return { ok: true, value: { kind: 'root', arn: text, accountId: account } };
  if (service === 'iam' && rest.startsWith('user/')) return { ok: true, value: { kind: 'user', arn: text, accountId: account } };
  if (service === 'iam' && rest.startsWith('role/')) {
    const roleName = rest.slice(rest.lastIndexOf('/') + 1);
    const serviceLinkedRole = rest.startsWith('role/aws-service-role/');
    return { ok: true, value: { kind: 'role-session', arn: `arn:${partition}:sts::${account}:assumed-role/${roleName}/iamsim`, accountId: account, roleArn: text, ...(serviceLinkedRole ? { serviceLinkedRole } : {}) } };
  }
  const session = /^assumed-role\/([^/]+)\/(.+)$/.exec(rest);
  if (service === 'sts' && session !== null) {
    return { ok: true, value: { kind: 'role-session', arn: text, accountId: account, roleArn: `arn:${partition}:iam::${account}:role/${session[1]!}` } };
  }
  if (service === 'sts' && rest.startsWith('federated-user/')) return { ok: true, value: { kind: 'federated-user', arn: text, accountId: account } };
  return { ok: false, error: `"${text}" is not a user, role, role session, federated user or root ARN` };
}

/**
 * The context keys AWS derives from the caller (sheet §4.1), added unless the request already sets them:
 * aws:PrincipalArn (the role ARN for a session), aws:PrincipalAccount, aws:PrincipalType, aws:username (users only).
 */
export function withPrincipalKeys(p: RequestPrincipal, context: Readonly<Record<string, ContextValue>>): Record<string, ContextValue> {
  const have = new Set(Object.keys(context).map((k) => k.toLowerCase()));
  const out: Record<string, ContextValue> = { ...context };
  const add = (k: string, v: string): void => {
    if (!have.has(k.toLowerCase())) out[k] = v;
  };
  const type = { root: 'Account', user: 'User', 'role-session': 'AssumedRole', 'federated-user': 'FederatedUser', service: 'Service', anonymous: 'Anonymous' }[p.kind];
  add('aws:PrincipalType', type);
  if (p.kind === 'anonymous' || p.kind === 'service') return out;
  add('aws:PrincipalArn', p.roleArn ?? p.arn);
  add('aws:PrincipalAccount', p.accountId);
  if (p.kind === 'user') add('aws:username', p.arn.slice(p.arn.lastIndexOf('/') + 1));
  return out;
}

/** A policy file as read: its name as given and its text (kept to turn JSON pointers into line:col). */
interface PolicyFile {
  readonly file: string;
  readonly text: string;
}

/** Reads and parses a JSON file; a missing file or invalid JSON becomes a UsageError naming the file (with line:col). */
async function readJson(io: CliIo, file: string, flag: string): Promise<{ data: unknown; text: string }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the file given to ${flag}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`, 'check the path; it is resolved against the current directory');
  }
  try {
    return { data: JSON.parse(text) as unknown, text };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(message);
    const offset = at !== null ? Number(at[1]) : /end of JSON input/.test(message) ? text.length : null;
    const where = offset === null ? '' : (() => {
      const before = text.slice(0, offset);
      return `:${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
    })();
    throw new UsageError(`${file}${where}: invalid JSON: ${message}`, `${flag} expects a policy document in AWS's JSON grammar`);
  }
}

/** Decodes a JSON pointer into its segments (`~1` is `/`, `~0` is `~`). */
function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `line:col` of a character offset in a text. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
}

/**
 * Offset of the second `"key":` directly inside the object that starts at `start` (the duplicate a duplicate-key
 * problem names; the YAML source map would only find the first), or null.
 */
function secondKeyOffset(text: string, start: number, key: string): number | null {
  let depth = 0;
  let seen = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(j + 1, j + 40)) && JSON.parse(text.slice(i, j + 1)) === key && ++seen === 2) return i;
      i = j;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return null;
    }
  }
  return null;
}

/**
 * `file:line:col` of the value a JSON pointer names (JSON is YAML 1.2, so the YAML source map locates it); for a
 * duplicate key, of its second occurrence.
 */
function locate(f: PolicyFile, pointer: string, code?: string): string {
  const { source } = parseYaml(f.text, f.file);
  const segments = pointerSegments(pointer);
  const key = segments[segments.length - 1];
  if (code === 'duplicate-key' && key !== undefined) {
    const parent = source.locate(segments.slice(0, -1));
    const lines = f.text.split('\n');
    const start = lines.slice(0, parent.line - 1).reduce((n, l) => n + l.length + 1, 0) + parent.col - 1;
    const at = secondKeyOffset(f.text, f.text.indexOf('{', start), key);
    if (at !== null) return `${f.file}:${lineCol(f.text, at)}`;
  }
  const { line, col } = source.locate(segments);
  return `${f.file}:${line}:${col}`;
}

/**
 * Formats policy problems for stderr as `file:line:col: severity: message (at /json/pointer)` plus a hint, mapping the
 * set's paths (`/identity/1/Statement/0/Effect`) back to the file each document came from.
 */
function problemsText(problems: readonly PolicyProblem[], files: ReadonlyMap<string, PolicyFile>): string {
  const prefixes = [...files.keys()].sort((a, b) => b.length - a.length);
  return problems
    .map((p) => {
      const prefix = prefixes.find((k) => p.path === k || p.path.startsWith(`${k}/`));
      const f = prefix === undefined ? undefined : files.get(prefix);
      const rel = prefix === undefined ? p.path : p.path.slice(prefix.length);
      const where = f === undefined ? 'policies' : locate(f, rel, p.code);
      return `${where}: ${p.severity}: ${p.message} (at ${rel === '' ? '/' : rel})${p.hint ? `\n  hint: ${p.hint}` : ''}\n`;
    })
    .join('');
}

/** The warnings of every compiled policy, with paths in the policy-set shape (`/identity/0/Statement/…`) like errors have. */
function warningsOf(set: PolicySet): PolicyProblem[] {
  const at = (id: string): string => `/${id.replace(/\[(\d+)\]/g, '/$1')}`;
  const all = [...set.identity, ...(set.resource ? [set.resource] : []), ...(set.boundary ? [set.boundary] : []), ...(set.session ?? []), ...(set.scp ?? []).flat(), ...(set.rcp ?? []).flat()];
  return all.flatMap((p) => p.warnings.map((w) => ({ ...w, path: `${at(p.id)}${w.path}` })));
}

/** Parses `--context key=value` flags; a repeated key becomes multivalued. */
function parseContextFlags(pairs: readonly string[]): Record<string, ContextValue> {
  const out: Record<string, string[]> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context ${pair}: expected key=value`, 'e.g. --context aws:SourceIp=203.0.113.9 (repeat a key for a multivalued key)');
    (out[pair.slice(0, eq)] ??= []).push(pair.slice(eq + 1));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** `--at TIME` as the two time keys: aws:CurrentTime (ISO, UTC) and aws:EpochTime (seconds). */
function timeKeys(at: string): Record<string, string> {
  const ms = parseDateValue(at);
  if (ms === null) throw new UsageError(`--at ${at}: not a date`, 'use ISO 8601 such as 2026-03-01T09:00:00Z, or epoch seconds');
  return { 'aws:CurrentTime': new Date(ms).toISOString().replace('.000Z', 'Z'), 'aws:EpochTime': String(Math.floor(ms / 1000)) };
}

interface FlagOptions {
  identity: string[];
  resourcePolicy?: string;
  trustPolicy?: string;
  boundary?: string;
  sessionPolicy?: string;
  scp: string[];
  rcp: string[];
  resourceMustAllow?: boolean;
  principal?: string;
  action?: string;
  resource?: string;
  resourceAccount?: string;
  context: string[];
  at?: string;
  explain?: boolean;
  expect?: Effect;
  format: 'text' | 'json';
  input?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/** One request from flags: read the files, compile, evaluate, render, compare with --expect. */
async function runSingle(opts: FlagOptions, io: CliIo): Promise<number> {
  for (const [flag, v] of [['--principal', opts.principal], ['--action', opts.action], ['--resource', opts.resource]] as const) {
    if (v === undefined) throw new UsageError(`${flag} is required (or use --input FILE for a batch)`, 'e.g. iamsim evaluate --identity policy.json --principal arn:aws:iam::111122223333:user/alice --action s3:GetObject --resource arn:aws:s3:::bucket/key');
  }
  if (!ACTION.test(opts.action!)) throw new UsageError(`--action: "${opts.action!}" is not an action`, 'write it as service:Action, e.g. s3:GetObject');
  const principal = principalFromArn(opts.principal!);
  if (!principal.ok) throw new UsageError(`--principal: ${principal.error}`, 'use a user, role, assumed-role session, federated-user or root ARN, a 12-digit account id, a service principal, or "anonymous"');
  const files = new Map<string, PolicyFile>();
  const raw: { -readonly [K in keyof RawPolicySet]: RawPolicySet[K] } = {};
  // JSON.parse keeps the last of two equal keys silently, so the text is checked for them (compilePolicy can only do so given text).
  const duplicates: PolicyProblem[] = [];
  const load = async (file: string, flag: string, path: string): Promise<unknown> => {
    const { data, text } = await readJson(io, file, flag);
    files.set(path, { file, text });
    for (const p of duplicateKeyProblems(text)) duplicates.push({ ...p, path: `${path}${p.path}` });
    return data;
  };
  if (opts.identity.length > 0) raw.identity = await Promise.all(opts.identity.map((f, i) => load(f, '--identity', `/identity/${i}`)));
  if (opts.resourcePolicy !== undefined && opts.trustPolicy !== undefined) {
    throw new UsageError('--resource-policy and --trust-policy both name the resource-side policy', 'give a role trust policy with --trust-policy, any other resource-based policy (e.g. a KMS key policy) with --resource-policy');
  }
  if (opts.resourcePolicy !== undefined) raw.resource = await load(opts.resourcePolicy, '--resource-policy', '/resource');
  if (opts.trustPolicy !== undefined) raw.trust = await load(opts.trustPolicy, '--trust-policy', '/trust');
  if (opts.boundary !== undefined) raw.boundary = await load(opts.boundary, '--boundary', '/boundary');
  if (opts.sessionPolicy !== undefined) raw.session = await load(opts.sessionPolicy, '--session-policy', '/session');
  if (opts.scp.length > 0) raw.scp = await Promise.all(opts.scp.map(async (f, i) => [await load(f, '--scp', `/scp/${i}/0`)]));
  if (opts.rcp.length > 0) raw.rcp = await Promise.all(opts.rcp.map(async (f, i) => [await load(f, '--rcp', `/rcp/${i}/0`)]));
  if (opts.resourceMustAllow === true) raw.resourceMustAllow = true;
  const compiled = compilePolicySet(raw, '', { action: opts.action! });
  if (!compiled.ok || duplicates.length > 0) {
    io.err(problemsText([...duplicates, ...(compiled.ok ? [] : compiled.error)], files));
    return EXIT.badInput;
  }
  io.err(problemsText(warningsOf(compiled.value), files));
  let context = parseContextFlags(opts.context);
  if (opts.at !== undefined) context = { ...context, ...timeKeys(opts.at) };
  const request: AuthzRequest = {
    principal: principal.value,
    action: opts.action!,
    resource: opts.resource!,
    ...(opts.resourceAccount !== undefined ? { resourceAccount: opts.resourceAccount } : {}),
    context: withPrincipalKeys(principal.value, context),
  };
  // Traced even without --explain: the text says which statement nearly allowed an implicit deny, and why not.
  const decision = evaluate(request, compiled.value, { trace: opts.explain === true || opts.format !== 'json' });
  if (opts.format === 'json') io.out(`${JSON.stringify(decisionToJson(decision, { trace: opts.explain === true }), null, 2)}\n`);
  else io.out(renderDecision(decision, { explain: opts.explain === true, color: useColor(io), action: request.action }));
  if (opts.expect !== undefined && decision.effect !== opts.expect) {
    io.err(`expected ${opts.expect}, got ${decision.effect}\n`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/** A batch line's request: principal as an ARN string or a full principal object. */
function requestFromLine(raw: unknown): { ok: true; value: AuthzRequest } | { ok: false; error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: '/request must be an object' };
  const r = raw as Record<string, unknown>;
  let principal: RequestPrincipal;
  if (typeof r.principal === 'string') {
    const p = principalFromArn(r.principal);
    if (!p.ok) return { ok: false, error: `/request/principal: ${p.error}` };
    principal = p.value;
  } else if (r.principal !== null && typeof r.principal === 'object' && typeof (r.principal as Record<string, unknown>).kind === 'string' && typeof (r.principal as Record<string, unknown>).arn === 'string') {
    principal = r.principal as RequestPrincipal;
  } else return { ok: false, error: '/request/principal must be an ARN string or a principal object' };
  if (typeof r.action !== 'string') return { ok: false, error: '/request/action must be a string' };
  if (!ACTION.test(r.action)) return { ok: false, error: `/request/action: "${r.action}" is not an action; write it as service:Action, e.g. s3:GetObject` };
  if (typeof r.resource !== 'string') return { ok: false, error: '/request/resource must be a string' };
  if (r.resourceAccount !== undefined && typeof r.resourceAccount !== 'string') return { ok: false, error: '/request/resourceAccount must be a string' };
  const context: Record<string, ContextValue> = {};
  if (r.context !== undefined) {
    if (r.context === null || typeof r.context !== 'object' || Array.isArray(r.context)) return { ok: false, error: '/request/context must be an object' };
    for (const [k, v] of Object.entries(r.context)) {
      if (typeof v === 'string') context[k] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') context[k] = String(v);
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) context[k] = v as string[];
      else return { ok: false, error: `/request/context/${k} must be a string or an array of strings` };
    }
  }
  return {
    ok: true,
    value: { principal, action: r.action, resource: r.resource, ...(typeof r.resourceAccount === 'string' ? { resourceAccount: r.resourceAccount } : {}), context: withPrincipalKeys(principal, context) },
  };
}

/** Compiled policy sets of a batch, keyed by their JSON text: batch files often repeat one set on many lines. Bounded. */
export type PolicySetCache = Map<string, ReturnType<typeof compilePolicySet>>;

const CACHE_LIMIT = 256;

/** The JSON result of one batch line. `cache` (optional) reuses compiled policy sets across lines. */
export function evaluateBatchLine(text: string, line: number, cache?: PolicySetCache): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { line, error: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { line, error: 'a line must be an object {"policies": {...}, "request": {...}}' };
  const obj = parsed as Record<string, unknown>;
  const policies = obj.policies ?? {};
  const r = obj.request;
  const action = r !== null && typeof r === 'object' && typeof (r as Record<string, unknown>).action === 'string' ? ((r as Record<string, unknown>).action as string) : undefined;
  const compileOpts = action === undefined ? {} : { action };
  // The same policies compile differently when the resource policy is a trust policy (sts:AssumeRole*), so that is part of the key.
  const key = cache === undefined ? '' : `${resourceIsTrust(policies, compileOpts) ? 'trust' : 'resource'} ${JSON.stringify(policies)}`;
  let compiled = cache?.get(key);
  if (compiled === undefined) {
    compiled = compilePolicySet(policies, '/policies', compileOpts);
    if (cache !== undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, compiled);
    }
  }
  const duplicates = duplicateKeyProblems(text);
  const inPolicies = duplicates.filter((p) => p.path.startsWith('/policies/'));
  if (!compiled.ok || inPolicies.length > 0) {
    const problems = [...inPolicies, ...(compiled.ok ? [] : compiled.error.filter((p) => p.severity === 'error'))];
    return { line, error: 'invalid policy', problems: problems.map((p) => ({ path: p.path, message: p.message, ...(p.hint ? { hint: p.hint } : {}) })) };
  }
  const elsewhere = duplicates[0];
  if (elsewhere !== undefined) return { line, error: `${elsewhere.path}: the key appears twice (JSON keeps only the last)` };
  const request = requestFromLine(obj.request);
  if (!request.ok) return { line, error: request.error };
  return { line, ...decisionToJson(evaluate(request.value, compiled.value as PolicySet), { trace: false }) };
}

/**
 * Batch mode: JSON Lines in, one JSON result per line out, streamed (memory does not grow with the line count). Every
 * line is evaluated; exit 2 at the end when some line was malformed, 0 otherwise.
 */
async function runBatch(file: string, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, file);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = await new Promise<NodeJS.ErrnoException | null>((res) => {
    stream.once('open', () => res(null));
    stream.once('error', (e) => res(e));
  });
  if (opened !== null) throw new UsageError(`${file}: cannot read the file given to --input${opened.code === 'ENOENT' ? ' (no such file)' : ` (${opened.code ?? opened.message})`}`, 'check the path; --input expects JSON Lines, one {"policies": …, "request": …} per line');
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const cache: PolicySetCache = new Map();
  let n = 0;
  let bad = 0;
  for await (const text of lines) {
    n++;
    if (text.trim() === '') continue;
    const result = evaluateBatchLine(text, n, cache);
    if ('error' in result) bad++;
    io.out(`${JSON.stringify(result)}\n`);
  }
  if (bad === 0) return EXIT.ok;
  io.err(`${file}: ${bad} of the lines could not be evaluated (see their "error" results)\n`);
  return EXIT.badInput;
}

/** Registers `iamsim evaluate`. */
export const registerEvaluate: RegisterCommand = (program: Command, io: CliIo, box: ExitBox) => {
  program
    .command('evaluate')
    .description('Evaluate one request against policies (like AWS would), or a JSON Lines batch with --input')
    .option('--identity <file>', 'identity policy document (repeatable)', collect, [])
    .option('--resource-policy <file>', 'resource-based policy on the target')
    .option('--boundary <file>', 'permissions boundary')
    .option('--session-policy <file>', 'session policy')
    .option('--scp <file>', 'SCP, one per level from the root down to the account (repeatable)', collect, [])
    .option('--rcp <file>', 'RCP, one per level from the root down to the account (repeatable)', collect, [])
    .option('--trust-policy <file>', 'role trust policy (no Resource element); it must itself allow, as for sts:AssumeRole')
    .option('--resource-must-allow', 'the resource policy must itself allow (KMS key policies; with an sts:AssumeRole* action it is read as a trust policy)')
    .option('--principal <arn>', 'the caller: user, role, assumed-role session, federated-user or root ARN, account id, service principal')
    .option('--action <action>', 'e.g. s3:GetObject')
    .option('--resource <arn>', 'the target resource ARN, or * for actions without resource-level permissions')
    .option('--resource-account <id>', 'the account that owns the resource (default: from the ARN, else the caller\'s)')
    .option('--context <key=value>', 'a request context value (repeatable; a repeated key is multivalued)', collect, [])
    .option('--at <time>', 'the request time: sets aws:CurrentTime and aws:EpochTime')
    .option('--explain', 'show every statement considered and every condition with request vs policy values')
    .addOption(new Option('--expect <effect>', 'exit 1 unless the effect is this').choices(EFFECTS))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--input <file>', 'JSON Lines batch: {"policies": {...}, "request": {...}} per line; prints one JSON result per line')
    .action(async (opts: FlagOptions) => {
      box.code = opts.input !== undefined ? await runBatch(opts.input, io) : await runSingle(opts, io);
    });
};
