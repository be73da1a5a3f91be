#!/usr/bin/env node
// `npm run mutation [-- --slice NAME] [-- --full]`: StrykerJS over src/checks
// and src/evaluator, one run per slice of mutation.slices.mjs, then one score.
// `npm run mutation -- --file src/evaluator/values/date.ts`: one file against
// its slice's tests, on one core, listing what survived with its source line.
//
// The score is Stryker's: (killed + timed out) / (killed + timed out + survived
// + no coverage). Mutants marked with a `// Stryker disable` comment are the
// ones judged equivalent; each comment says why, and they are listed in
// reports/mutation/equivalent.md. Exits 1 when the score is under 85%.
// Results are incremental: a second run retests only what changed; --full
// starts again from nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { slices } from '../mutation.slices.mjs';

const THRESHOLD = 85;
const args = process.argv.slice(2);
const only = args.includes('--slice') ? args[args.indexOf('--slice') + 1] : undefined;
const full = args.includes('--full');
const fileArg = args.includes('--file') ? args[args.indexOf('--file') + 1] : undefined;
if (only !== undefined && !slices.some((s) => s.name === only)) {
  console.error(`mutation: no slice named ${JSON.stringify(only)}; the slices are ${slices.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

/** The three glob shapes mutation.slices.mjs uses for source files: dir/**\/*.ts, dir/*.ts, and a file (each may start with ! to leave out). */
function inGlob(file, glob) {
  if (glob.endsWith('/**/*.ts')) return file.startsWith(glob.slice(0, -'**/*.ts'.length)) && file.endsWith('.ts');
  if (glob.endsWith('/*.ts')) return dirname(file) === glob.slice(0, -'/*.ts'.length) && file.endsWith('.ts');
  if (glob.includes('*')) throw new Error(`mutation.slices.mjs: unsupported glob ${glob}`);
  return file === glob;
}
function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const sources = [...walk('src/checks'), ...walk('src/evaluator')].filter((f) => f.endsWith('.ts') && !f.endsWith('/types.ts'));
const problems = [];
for (const f of sources) {
  const owners = slices
    .filter((s) => s.mutate.some((g) => !g.startsWith('!') && inGlob(f, g)) && !s.mutate.some((g) => g.startsWith('!') && inGlob(f, g.slice(1))))
    .map((s) => s.name);
  if (owners.length !== 1) problems.push(`${f} is in ${owners.length === 0 ? 'no slice' : `slices ${owners.join(', ')}`}`);
}
if (problems.length > 0) {
  console.error(`mutation: every file of src/checks and src/evaluator must be in exactly one slice of mutation.slices.mjs:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}

if (fileArg !== undefined) {
  const f = fileArg.replace(/^\.\//, '');
  const owner = slices.find((s) => s.mutate.some((g) => !g.startsWith('!') && inGlob(f, g)) && !s.mutate.some((g) => g.startsWith('!') && inGlob(f, g.slice(1))));
  if (!sources.includes(f) || owner === undefined) {
    console.error(`mutation: ${fileArg} is not a file of src/checks or src/evaluator that a slice mutates`);
    process.exit(2);
  }
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, IAMSIM_SLICE: owner.name, IAMSIM_MUTATE_FILE: f } });
  if (r.status !== 0) {
    console.error(`mutation: Stryker failed on ${f} (exit ${r.status})`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(`reports/mutation/files/file-${f.replace(/[^A-Za-z0-9]+/g, '-')}/mutation.json`, 'utf8'));
  const [, entry] = Object.entries(report.files)[0];
  const src = entry.source.split('\n');
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0 };
  for (const m of entry.mutants) {
    if (m.status in c) c[m.status]++;
    if (m.status === 'Survived' || m.status === 'NoCoverage') {
      const l = m.location.start.line;
      console.log(`${f}:${l}:${m.location.start.column} ${m.status} ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? '').slice(0, 100)}\n    | ${(src[l - 1] ?? '').trim().slice(0, 150)}`);
    }
  }
  const det = c.Killed + c.Timeout;
  const valid = det + c.Survived + c.NoCoverage;
  console.log(`${f} (slice ${owner.name}): ${det} of ${valid} detected, ${(valid ? (100 * det) / valid : 100).toFixed(2)}%; ${c.Survived} survived, ${c.NoCoverage} not covered, ${c.Ignored} ignored`);
  process.exit(0);
}

const minutes = (ms) => (ms / 60_000).toFixed(1);
const timings = {};
const started = Date.now();
for (const slice of slices) {
  if (only !== undefined && slice.name !== only) continue;
  const out = `reports/mutation/${slice.name}`;
  if (full) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  console.log(`\n== slice ${slice.name}: ${slice.mutate.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, IAMSIM_SLICE: slice.name } });
  timings[slice.name] = Date.now() - t0;
  if (r.status !== 0) {
    console.error(`mutation: Stryker failed on slice ${slice.name} (exit ${r.status}); see its output above`);
    process.exit(1);
  }
}
const wall = Date.now() - started;

// One table over every slice that has a report (the ones run now and the ones before).
const rows = [];
const equivalent = [];
const survivors = [];
const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
for (const slice of slices) {
  const file = `reports/mutation/${slice.name}/mutation.json`;
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  for (const [path, f] of Object.entries(report.files)) {
    const rel = relative(process.cwd(), path) || path;
    for (const m of f.mutants) {
      const k = m.status in c ? m.status : 'other';
      c[k]++;
      total[k]++;
      const where = `${rel}:${m.location.start.line}:${m.location.start.column}`;
      if (m.status === 'Ignored' && m.statusReason && !/static/i.test(m.statusReason)) equivalent.push(`| ${where} | ${m.mutatorName} | ${m.statusReason.replace(/\|/g, '\\|')} |`);
      if (m.status === 'Survived' || m.status === 'NoCoverage') survivors.push(`${where} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}`);
    }
  }
  rows.push({ slice: slice.name, ...c });
}
const score = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
};
const line = (name, c) => `| ${name} | ${c.Killed + c.Timeout + c.Survived + c.NoCoverage} | ${c.Killed} | ${c.Timeout} | ${c.Survived} | ${c.NoCoverage} | ${c.Ignored} | ${score(c).toFixed(2)}% | ${timings[name] === undefined ? '' : minutes(timings[name])} |`;
const table = [
  '| slice | mutants tested | killed | timed out | survived | no coverage | ignored (equivalent or static) | score | minutes this run |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => line(r.slice, r)),
  line('**all**', total),
].join('\n');
const summary = `# Mutation testing: src/checks and src/evaluator\n\n${table}\n\nThis run: ${minutes(wall)} minutes wall on ${process.env['HOSTNAME'] ?? 'this machine'}${only ? ` (slice ${only} only)` : ''}${full ? ', full (not incremental)' : ''}.\n`;
mkdirSync('reports/mutation', { recursive: true });
const write = (p, text) => {
  writeFileSync(`${p}.tmp`, text);
  renameSync(`${p}.tmp`, p);
};
write('reports/mutation/summary.md', summary);
write('reports/mutation/equivalent.md', `# Surviving mutants judged equivalent\n\n| where | mutator | why |\n|---|---|---|\n${equivalent.join('\n')}\n`);
write('reports/mutation/survivors.txt', `${survivors.join('\n')}\n`);
console.log(`\n${summary}`);
console.log(`Equivalent mutants: ${equivalent.length} (reports/mutation/equivalent.md). Survivors: ${survivors.length} (reports/mutation/survivors.txt).`);
const s = score(total);
if (s < THRESHOLD) {
  console.error(`mutation: score ${s.toFixed(2)}% is under ${THRESHOLD}%`);
  process.exit(1);
}
console.log(`mutation: score ${s.toFixed(2)}% (at least ${THRESHOLD}%)`);
