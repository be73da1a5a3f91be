/** Message templates: `{{name}}` placeholders filled from a report's data (ESLint's meta.messages). */

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names a template uses, in order of first appearance. */
export function placeholders(template: string): readonly string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1] !== undefined && !names.includes(m[1])) names.push(m[1]);
  return names;
}

/** Fills a template; a placeholder without data stays as written (`{{name}}`) so the tester can catch it. */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}

/** Placeholders in `template` that `data` does not provide. */
export function missingPlaceholders(template: string, data: Readonly<Record<string, string | number>>): readonly string[] {
  return placeholders(template).filter((n) => !Object.hasOwn(data, n));
}
