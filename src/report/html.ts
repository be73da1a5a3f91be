/** HTML text helpers shared by the story and audit pages: escaping, and JSON safe to embed in a script element. */

/** Escapes text for an HTML element body or a double-quoted attribute. */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON for a `<script type="application/json">` element: `<`, `>`, `&` and line separators escaped so no text closes it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A complete, self-contained HTML page: inline CSS and JS, and a Content-Security-Policy that forbids every network request. */
export function page(o: { readonly title: string; readonly css: string; readonly body: string; readonly script?: string; readonly bodyClass?: string }): string {
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="iamsim">
<title>${esc(o.title)}</title>
<style>${o.css}</style>
</head>
<body${o.bodyClass ? ` class="${esc(o.bodyClass)}"` : ''}>
${o.body}
${o.script !== undefined ? `<script>${o.script}</script>` : ''}
</body>
</html>
`;
}
