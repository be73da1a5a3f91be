/**
 * A parsed YAML file that remembers where every value came from, so a JSON pointer into the data maps back to
 * `line:col` in the text (eemeli/yaml's LineCounter and node ranges).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { InputError } from '../result.js';

/** A YAML file parsed to plain data, with positions. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Position of the value at a JSON-pointer-like path (array of keys and indices); `key: true` points at the key. */
  locate(path: readonly (string | number)[], opts?: { key?: boolean }): { line: number; col: number };
}

/** Parses YAML text. Syntax errors come back as InputErrors with positions; this never throws. */
export function parseYaml(text: string, file: string): { source: YamlSource; errors: InputError[] } {
  const lineCounter = new LineCounter();
  const errors: InputError[] = [];
  let doc: Document.Parsed | undefined;
  let data: unknown = null;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
    for (const e of [...doc.errors]) {
      const pos = lineCounter.linePos(e.pos[0]);
      errors.push({ code: 'yaml-syntax', message: e.message.split('\n')[0] ?? e.message, path: '', file, line: pos.line, col: pos.col, hint: yamlHint(e.code) });
    }
    if (errors.length === 0) data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push({ code: 'yaml-syntax', message: `the YAML could not be read: ${e instanceof Error ? e.message : String(e)}`, path: '', file, line: 1, col: 1 });
  }
  const root = doc?.contents ?? null;
  const locate = (path: readonly (string | number)[], opts?: { key?: boolean }): { line: number; col: number } => {
    let node: unknown = root;
    let keyNode: unknown = null;
    let last: unknown = root;
    for (const seg of path) {
      keyNode = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)];
        if (item === undefined) break;
        node = item;
      } else break;
      last = node ?? keyNode;
    }
    const target = (opts?.key && keyNode ? keyNode : last) as Node | null;
    const offset = target && 'range' in target && target.range ? target.range[0] : 0;
    return lineCounter.linePos(offset);
  };
  return { source: { file, data, locate }, errors };
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY': return 'each key may appear once in a mapping; merge the two or rename one';
    case 'TAB_AS_INDENT': return 'indent with spaces, not tabs';
    case 'BAD_INDENT': return 'check the indentation: items of one list or mapping line up';
    default: return undefined;
  }
}
