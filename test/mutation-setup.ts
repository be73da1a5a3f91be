// Loaded only by vitest.mutation.config.ts: one seed for every property, so
// that StrykerJS sees the same tests kill the same mutants on every run.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261129 });
