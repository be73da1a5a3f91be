/** XML text helpers for the JUnit report: escaping for text and attributes, with characters XML 1.0 forbids removed. */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for an XML element body or a double-quoted attribute, dropping characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element with attributes (in the given order) and raw, already escaped inner XML; self-closing when empty. */
export function xmlElement(name: string, attrs: Readonly<Record<string, string | number>>, inner = ''): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
  return inner === '' ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
}
