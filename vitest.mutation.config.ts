import { defineConfig } from 'vitest/config';
import { slices } from './mutation.slices.mjs';
// One test thread for all mutants, its src/ modules reloaded on every run: see the file.
import './scripts/vitest-thread-reuse.mjs';

// The tests StrykerJS runs against mutants of src/checks and src/evaluator
// (`npm run mutation`): the test files of the slice named by IAMSIM_SLICE (see
// mutation.slices.mjs), or all of them. CLI, browser, import, report and scale
// suites are left out: they add minutes without killing mutants there.
const slice = slices.find((s) => s.name === process.env['IAMSIM_SLICE']);
const include = slice ? [...slice.tests] : [...new Set(slices.flatMap((s) => s.tests))];

export default defineConfig({
  test: {
    include,
    exclude: ['test/checks/**/cli-*.test.ts', 'test/checks/**/*-cli.test.ts'],
    setupFiles: ['test/mutation-setup.ts'],
    env: { IAMSIM_MUTATION: '1', CHECK_PROPERTY_RUNS: '10', PROOF_RUNS: '4', PROOF_REMEDIATION_RUNS: '2' },
    pool: 'threads',
    // One module graph per worker: Stryker switches mutants at run time, so
    // nothing needs reloading between test files, and reloading was most of
    // the cost of each mutant.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
