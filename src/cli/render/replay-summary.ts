/** The regression table of `iamsim simulate DIR`: one row per scenario file. */

/** One scenario's outcome: replayed (with counts) or invalid (with its error count). */
export type ScenarioRow =
  | { readonly file: string; readonly kind: 'replayed'; readonly steps: number; readonly expectations: number; readonly met: number; readonly failed: number; readonly ok: boolean }
  | { readonly file: string; readonly kind: 'invalid'; readonly errors: number };

/** Renders the table and a totals line. */
export function renderSummaryTable(rows: readonly ScenarioRow[], opts: { readonly color?: boolean } = {}): string {
  const paint = (code: string, s: string): string => (opts.color === true ? `\u001b[${code}m${s}\u001b[0m` : s);
  const width = Math.max(8, ...rows.map((r) => r.file.length));
  const head = `${'scenario'.padEnd(width)}  ${'steps'.padStart(5)}  ${'expectations'.padStart(12)}  ${'met'.padStart(5)}  ${'failed'.padStart(6)}  result`;
  const lines = [head, '─'.repeat(head.length)];
  for (const r of rows) {
    if (r.kind === 'invalid') {
      lines.push(`${r.file.padEnd(width)}  ${'-'.padStart(5)}  ${'-'.padStart(12)}  ${'-'.padStart(5)}  ${'-'.padStart(6)}  ${paint('31', `INVALID (${r.errors} error${r.errors === 1 ? '' : 's'})`)}`);
      continue;
    }
    lines.push(`${r.file.padEnd(width)}  ${String(r.steps).padStart(5)}  ${String(r.expectations).padStart(12)}  ${String(r.met).padStart(5)}  ${String(r.failed).padStart(6)}  ${r.ok ? paint('32', 'PASS') : paint('31', 'FAIL')}`);
  }
  const passed = rows.filter((r) => r.kind === 'replayed' && r.ok).length;
  const failed = rows.filter((r) => r.kind === 'replayed' && !r.ok).length;
  const invalid = rows.filter((r) => r.kind === 'invalid').length;
  lines.push('', `${rows.length} scenario${rows.length === 1 ? '' : 's'}: ${passed} passed, ${failed} failed, ${invalid} invalid`);
  return `${lines.join('\n')}\n`;
}
