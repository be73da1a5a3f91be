/** `npm run bench [-- --quick] [-- name…]`: runs every bench/*.bench.ts (or the named ones) and prints a table. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchRow } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
const rows: BenchRow[] = [];
const ctx: BenchContext = {
  quick,
  report(row) {
    rows.push(row);
    const ratio = row.ratio !== undefined ? `  ×${row.ratio.toFixed(2)} vs ${row.baseline}` : '';
    const target = row.target !== undefined ? `  target ${row.target}: ${row.met ? 'met' : 'NOT met'}` : '';
    const v = row.value >= 100 ? Math.round(row.value).toLocaleString('en-US') : row.value.toFixed(2);
    process.stdout.write(`${row.suite.padEnd(12)} ${row.name.padEnd(58)} ${v.padStart(14)} ${row.unit}${ratio}${target}\n`);
  },
};
process.stdout.write(`iamsim benchmarks on node ${process.version}, single thread${quick ? ' (quick sizes)' : ''}\n`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: (c: BenchContext) => Promise<void> };
  await mod.default(ctx);
}
const missed = rows.filter((r) => r.met === false);
process.stdout.write(`\n${rows.length} figures, ${rows.filter((r) => r.met === true).length} targets met, ${missed.length} missed${missed.length ? ': ' + missed.map((r) => `${r.suite}/${r.name}`).join(', ') : ''}\n`);
