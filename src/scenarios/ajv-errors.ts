/** Turns ajv's errors on a scenario into messages for people, each at the YAML position of the offending node. */
import type { ErrorObject } from 'ajv';
import type { InputError } from '../result.js';
import { say } from './messages.js';
import { closest } from './suggest.js';
import type { YamlSource } from './yaml-source.js';

type Path = (string | number)[];

/** `steps[3].request.from` from a path. */
export function describePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' || /^\d+$/.test(String(seg)) ? `[${seg}]` : out === '' ? String(seg) : `.${String(seg)}`;
  return out === '' ? 'the scenario' : out;
}

const splitPointer = (p: string): Path =>
  p === '' ? [] : p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : typeof v === 'string' ? `the text '${v}'` : `${typeof v} ${String(v)}`);

const wanted = (t: unknown): string => {
  const names: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'null' };
  const list = (Array.isArray(t) ? t : [t]).map((x) => names[String(x)] ?? String(x));
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0] ?? 'something else';
};

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** One ajv error as an InputError at its YAML position. `prefix` is where the validated value sits in the file. */
export function ajvErrorToInput(e: ErrorObject, source: YamlSource, prefix: Path = []): InputError | null {
  const path = [...prefix, ...splitPointer(e.instancePath)];
  const where = describePath(path);
  const params = e.params as Record<string, unknown>;
  const at = (p: Path, key = false): Pick<InputError, 'file' | 'line' | 'col' | 'path'> => {
    const pos = source.locate(p, { key });
    return { file: source.file, line: pos.line, col: pos.col, path: describePath(p) };
  };
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'if':
    case 'anyOf':
      return null;
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const allowed = Object.keys((parent?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const near = closest(key, allowed);
      return { ...say('unknownKey', { key, where, suggestion: near !== undefined ? `did you mean '${near}'?` : allowed.length ? `allowed here: ${allowed.join(', ')}` : 'remove it' }), ...at([...path, key], true) };
    }
    case 'required':
      return { ...say('missingKey', { where, key: String(params['missingProperty']) }), ...at(path, path.length > 0) };
    case 'type': {
      const value = valueAt(source.data, path);
      const hint = typeof value === 'number' && wanted(params['type']) === 'text' ? 'quote it, e.g. "111122223333"' : '';
      return { ...say('wrongType', { where, wanted: wanted(params['type']), actual: typeName(value), hint }), ...at(path) };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((x) => String(x));
      const value = valueAt(source.data, path);
      const near = typeof value === 'string' ? closest(value, allowed) : undefined;
      return { ...say('notOneOf', { where, allowed: allowed.join(', '), actual: typeName(value), suggestion: near !== undefined ? `did you mean '${near}'?` : '' }), ...at(path) };
    }
    case 'pattern': {
      const value = String(valueAt(source.data, path));
      const description = String(parent?.['description'] ?? '');
      if (parent?.['pattern'] === '^none$') return { ...say('notNone', { where, value }), ...at(path) };
      if (description.startsWith('A duration')) return { ...say('badDurationText', { where, value }), ...at(path) };
      if (description.startsWith('Which credential')) return { ...say('badCredential', { where, value }), ...at(path) };
      if (parent?.['pattern'] === '^instance-role$') return { ...say('badAppCredential', { where, value }), ...at(path) };
      if (String(parent?.['pattern']).includes('\\d{12}')) return { ...say('badAccountId', { where, value }), ...at(path) };
      return { ...say('schemaRule', { keyword: 'wrong-value', where, detail: e.message ?? 'does not match' }), ...at(path) };
    }
    default:
      return { ...say('schemaRule', { keyword: e.keyword, where, detail: e.message ?? `fails ${e.keyword}` }), ...at(path) };
  }
}

/** Every ajv error mapped, deduplicated and in file order. */
export function ajvErrorsToInput(errors: readonly ErrorObject[] | null | undefined, source: YamlSource, prefix: Path = []): InputError[] {
  const out: InputError[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const m = ajvErrorToInput(e, source, prefix);
    if (m === null) continue;
    const id = `${m.line}:${m.col}:${m.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(m);
  }
  return out;
}
