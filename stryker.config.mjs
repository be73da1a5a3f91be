// StrykerJS over the check logic and the evaluator. Run it with
// `npm run mutation` (scripts/mutation.mjs), which runs this configuration once
// per slice of mutation.slices.mjs, with IAMSIM_SLICE naming the slice, and
// sums the scores. Not part of `npm test`; docs/mutation-testing.md has the
// score and the surviving mutants judged equivalent.
import { slices, notMutated } from './mutation.slices.mjs';

const name = process.env['IAMSIM_SLICE'];
const slice = slices.find((s) => s.name === name);
// `npm run mutation -- --file F` mutates F alone, against its slice's tests,
// into a report of its own that leaves the slice's results alone.
const file = process.env['IAMSIM_MUTATE_FILE'];
const tag = file ? `file-${file.replace(/[^A-Za-z0-9]+/g, '-')}` : slice ? slice.name : 'all';
const out = file ? `reports/mutation/files/${tag}` : `reports/mutation/${tag}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: file ? [file] : [...(slice ? slice.mutate : ['src/checks/**/*.ts', 'src/evaluator/**/*.ts']), ...notMutated],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: file ? 1 : 2,
  timeoutMS: 10_000,
  // Stryker rewrites the tsconfig it copies into its sandbox through the
  // TypeScript 5 JavaScript API, which TypeScript 7 (native) no longer has.
  // Ours needs no rewriting (no `extends` or references outside the project),
  // so point Stryker at a file that does not exist and it leaves tsconfig.json
  // as it is.
  tsconfigFile: 'tsconfig.stryker-does-not-rewrite.json',
  reporters: ['progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  thresholds: { high: 90, low: 85, break: null },
  incremental: !file,
  incrementalFile: `${out}/incremental.json`,
  tempDirName: `.stryker-tmp/${tag}`,
  // Never copy other runs' sandboxes, reports or builds into this run's sandbox: a run next to another one would copy
  // files that vanish mid-copy.
  ignorePatterns: ['/.stryker-tmp', '/reports', '/dist', '/.tmp', '/coverage'],
  cleanTempDir: 'always',
};
