// StrykerJS over the check logic and the evaluator. Run it with
// `npm run mutation` (scripts/mutation.mjs), which runs this configuration once
// per slice of mutation.slices.mjs, with IAMSIM_SLICE naming the slice, and
// sums the scores. Not part of `npm test`; docs/mutation-testing.md has the
// score and the surviving mutants judged equivalent.
import { slices, notMutated } from './mutation.slices.mjs';

const name = process.env['IAMSIM_SLICE'];
const slice = slices.find((s) => s.name === name);
const out = `reports/mutation/${slice ? slice.name : 'all'}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [...(slice ? slice.mutate : ['src/checks/**/*.ts', 'src/evaluator/**/*.ts']), ...notMutated],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
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
  incremental: true,
  incrementalFile: `${out}/incremental.json`,
  tempDirName: `.stryker-tmp/${slice ? slice.name : "all"}`,
  cleanTempDir: 'always',
};
