/**
 * A small XML well-formedness checker for the JUnit tests (no XML library is installed): tags nest and close,
 * attributes are quoted and unique, entities are the predefined five or numeric, text holds no raw `<` or `&`.
 * Returns the element tree so tests can check required attributes.
 */

/** An element of the parsed tree. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(s: string, where: string): string {
  if (/&/.test(s.replace(ENTITY, ''))) throw new Error(`bad entity in ${where}: ${s.slice(0, 80)}`);
  return s.replace(ENTITY, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? '?');
}

/** Parses `xml` or throws with the first problem. */
export function parseXml(xml: string): XmlNode {
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (text.trim() !== '') {
      const top = stack[stack.length - 1];
      if (top === undefined) throw new Error(`text outside the root element: ${text.slice(0, 40)}`);
      top.text += decode(text, `<${top.name}> text`);
    }
    if (lt < 0) break;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open === undefined || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s]+)([\s\S]*)$/.exec(body);
    if (!m || !NAME.test(m[1]!)) throw new Error(`bad tag <${tag.slice(0, 40)}>`);
    const attrs: Record<string, string> = {};
    let rest = m[2]!.trim();
    while (rest !== '') {
      const a = /^([A-Za-z_][\w.:-]*)="([^"<]*)"\s*/.exec(rest);
      if (!a) throw new Error(`bad attribute in <${m[1]}>: ${rest.slice(0, 60)}`);
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} in <${m[1]}>`);
      attrs[a[1]!] = decode(a[2]!, `${m[1]}@${a[1]}`);
      rest = rest.slice(a[0].length);
    }
    const node: XmlNode = { name: m[1]!, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (root) throw new Error('more than one root element');
    else root = node;
    if (!selfClosing) stack.push(node);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/**
 * Checks the JUnit structure CI servers read (the Jenkins/Ant JUnit schema's required parts): testsuites > testsuite
 * (name, tests, failures, errors) > testcase (name, classname) whose children are failure/error (message) or skipped,
 * system-out or system-err; and the counts agree with the cases. Returns the problems.
 */
export function junitProblems(root: XmlNode): string[] {
  const p: string[] = [];
  const int = (n: XmlNode, a: string): number => {
    const v = n.attrs[a];
    if (v === undefined || !/^\d+$/.test(v)) p.push(`<${n.name} name="${n.attrs.name ?? ''}"> needs integer ${a}`);
    return Number(v);
  };
  if (root.name !== 'testsuites') p.push(`root is <${root.name}>, not <testsuites>`);
  let tests = 0;
  let failures = 0;
  for (const s of root.children) {
    if (s.name !== 'testsuite') {
      p.push(`<testsuites> holds <${s.name}>`);
      continue;
    }
    if (!s.attrs.name) p.push('testsuite without name');
    const cases = s.children.filter((c) => c.name === 'testcase');
    const f = cases.filter((c) => c.children.some((x) => x.name === 'failure')).length;
    const e = cases.filter((c) => c.children.some((x) => x.name === 'error')).length;
    if (int(s, 'tests') !== cases.length) p.push(`testsuite ${s.attrs.name}: tests=${s.attrs.tests} but ${cases.length} cases`);
    if (int(s, 'failures') !== f) p.push(`testsuite ${s.attrs.name}: failures=${s.attrs.failures} but ${f} failing cases`);
    if (int(s, 'errors') !== e) p.push(`testsuite ${s.attrs.name}: errors=${s.attrs.errors} but ${e}`);
    tests += cases.length;
    failures += f;
    for (const c of s.children) {
      if (c.name === 'system-out' || c.name === 'system-err' || c.name === 'properties') continue;
      if (c.name !== 'testcase') p.push(`<testsuite> holds <${c.name}>`);
      if (!c.attrs.name || !c.attrs.classname) p.push(`testcase without name or classname in ${s.attrs.name}`);
      for (const x of c.children) {
        if (!['failure', 'error', 'skipped', 'system-out', 'system-err'].includes(x.name)) p.push(`<testcase> holds <${x.name}>`);
        if ((x.name === 'failure' || x.name === 'error') && x.attrs.message === undefined) p.push(`<${x.name}> without message in ${c.attrs.name}`);
      }
    }
  }
  if (root.attrs.tests !== undefined && Number(root.attrs.tests) !== tests) p.push(`testsuites tests=${root.attrs.tests} but ${tests}`);
  if (root.attrs.failures !== undefined && Number(root.attrs.failures) !== failures) p.push(`testsuites failures=${root.attrs.failures} but ${failures}`);
  return p;
}
