/**
 * `iamsim.config.yaml`: a preset, per-check options, and suppressions. Validated with ajv against
 * schemas/config.schema.json; every problem comes back with file:line:col (from yaml's LineCounter) and a hint.
 */
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { LineCounter, parseDocument, isNode, isPair, visit, type Node as YamlNode } from 'yaml';
import schema from '../../schemas/config.schema.json' with { type: 'json' };
import { err, ok, type InputError, type Result } from '../result.js';
import { closest } from '../scenarios/suggest.js';
import type { Severity } from './types.js';

/** One suppression: findings of `check` (or every check, `*`) on a resource matching the ARN glob or carrying the tag. */
export interface Suppression {
  readonly check: string;
  readonly resource?: string;
  /** `key` or `key=value`. */
  readonly tag?: string;
  readonly reason: string;
  /** A date (`2026-12-31`) or instant; after it the suppression no longer applies. */
  readonly expires?: string;
}

/** Settings for one check. */
export interface CheckSettings {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The parsed config. */
export interface Config {
  readonly preset?: string;
  readonly failOn?: Severity;
  readonly checks?: Readonly<Record<string, CheckSettings>>;
  readonly suppressions?: readonly Suppression[];
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The JSON pointer's segments, unescaped. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Finds the YAML node for a JSON pointer (or the key node of `key` under it) and returns its offset. */
function offsetOf(doc: ReturnType<typeof parseDocument>, segments: readonly string[], key?: string): number {
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as YamlNode | undefined | null;
  if (node && key !== undefined && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
    for (const item of (node as { items: unknown[] }).items) {
      if (isPair(item) && isNode(item.key) && String((item.key as { value?: unknown }).value) === key) return item.key.range?.[0] ?? 0;
    }
  }
  if (node && isNode(node)) return node.range?.[0] ?? 0;
  return 0;
}

function hintFor(e: ErrorObject): string | undefined {
  switch (e.keyword) {
    case 'additionalProperties':
      return `remove '${String((e.params as { additionalProperty: string }).additionalProperty)}' or check its spelling; allowed here: see schemas/config.schema.json`;
    case 'enum':
      return `use one of: ${((e.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    case 'required':
      return `add '${String((e.params as { missingProperty: string }).missingProperty)}'`;
    case 'anyOf':
      // The schema has two anyOfs: a suppression's resource-or-tag, and its expires' date-or-instant.
      return e.instancePath.endsWith('/expires')
        ? 'write a date like 2026-12-31 or an instant like 2026-12-31T00:00:00Z'
        : "a suppression needs 'resource' (an ARN glob) or 'tag' (key or key=value)";
    case 'format':
      return 'write a date like 2026-12-31 or an instant like 2026-12-31T00:00:00Z';
    default:
      return undefined;
  }
}

/** What loadConfig may check names against. */
export interface LoadConfigOptions {
  /** Known check ids: a check id in `checks` or `suppressions` that is not one of them is an error ("did you mean"). */
  readonly checkIds?: readonly string[];
  /** Checks one check's options (layered over its defaults by the caller); returns the problems as text. */
  readonly optionProblems?: (checkId: string, options: Readonly<Record<string, unknown>>) => readonly string[];
}

/** Parses and validates a config file's text. All problems are returned, each with file:line:col and a hint. */
export function loadConfig(text: string, file: string, opts: LoadConfigOptions = {}): Result<Config> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  if (doc.errors.length > 0) {
    return err(doc.errors.map((e): InputError => {
      const { line, col } = at(e.pos[0]);
      // Stryker disable next-line LogicalOperator: with prettyErrors false yaml's messages are one line, so the first line is the whole message
      return { code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, path: '', file, line, col, hint: 'fix the YAML syntax (indentation, quotes, colons)' };
    }));
  }
  // yaml finds an alias to an anchor not defined before it, and an alias expansion too large, only when converting.
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch (e) {
    let unresolved: number | undefined;
    visit(doc, { Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      // Stryker disable next-line OptionalChaining,LogicalOperator: a parsed alias always has a source range
      unresolved = node.range?.[0] ?? 0;
      return visit.BREAK;
    } });
    const { line, col } = at(unresolved ?? 0);
    const hint = unresolved !== undefined ? 'define the anchor (&name) before the alias (*name) that refers to it' : 'write the values out instead of nesting aliases';
    return err([{ code: 'yaml-syntax', message: (e as Error).message, path: '', file, line, col, hint }]);
  }
  if (!validate(value)) {
    const problems = (validate.errors ?? [])
      .filter((e) => e.keyword === 'anyOf' || !(validate.errors ?? []).some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath))
      .map((e): InputError => {
        const segs = pointerSegments(e.instancePath);
        const key = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
        const { line, col } = at(offsetOf(doc, segs, key));
        const where = e.instancePath || '/';
        const message = key !== undefined
          ? `unknown property '${key}' at ${where}`
          : e.keyword === 'anyOf'
            ? (where.endsWith('/expires') ? `${where} is not a date or instant` : `${where} names neither a resource nor a tag`)
            : `${where} ${e.message ?? 'is invalid'}`;
        const hint = hintFor(e);
        return { code: `config-${e.keyword}`, message, path: e.instancePath, file, line, col, ...(hint ? { hint } : {}) };
      });
    return err(problems);
  }
  const config = value as Config;
  if (opts.checkIds !== undefined) {
    const known = new Set(opts.checkIds);
    const unknown = (id: string, segs: string[], key?: string): InputError => {
      const { line, col } = at(offsetOf(doc, segs, key));
      const guess = closest(id, opts.checkIds ?? []);
      return { code: 'config-unknown-check', message: `unknown check '${id}'`, path: `/${[...segs, ...(key ? [key] : [])].join('/')}`, file, line, col, hint: guess ? `did you mean '${guess}'?` : 'run `iamsim checks` to list the check ids' };
    };
    const problems: InputError[] = [];
    for (const id of Object.keys(config.checks ?? {})) if (!known.has(id)) problems.push(unknown(id, ['checks'], id));
    for (const [i, sup] of (config.suppressions ?? []).entries()) if (sup.check !== '*' && !known.has(sup.check)) problems.push(unknown(sup.check, ['suppressions', String(i), 'check']));
    if (problems.length > 0) return err(problems);
  }
  if (opts.optionProblems !== undefined) {
    const problems: InputError[] = [];
    for (const [id, settings] of Object.entries(config.checks ?? {})) {
      if (settings.options === undefined) continue;
      for (const text of opts.optionProblems(id, settings.options)) {
        const { line, col } = at(offsetOf(doc, ['checks', id, 'options']));
        problems.push({ code: 'config-options', message: text, path: `/checks/${id}/options`, file, line, col, hint: 'run `iamsim checks --format json` to see each check\'s options and defaults' });
      }
    }
    if (problems.length > 0) return err(problems);
  }
  return ok(config);
}

/** Whether a suppression still applies at `now` (no expiry, or expiry not yet passed; a date expires at the end of that day, UTC). */
export function suppressionActive(s: Suppression, now: string): boolean {
  if (s.expires === undefined) return true;
  const end = /^\d{4}-\d{2}-\d{2}$/.test(s.expires) ? Date.parse(`${s.expires}T23:59:59.999Z`) : Date.parse(s.expires);
  return Date.parse(now) <= end;
}
