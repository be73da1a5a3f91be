// How `npm run mutation` splits src/checks and src/evaluator for StrykerJS.
//
// Every mutant is run against the tests that execute it (Stryker's perTest
// coverage), but only among the test files of its own slice. Without slices a
// mutant in the action matcher reruns every checks test that happens to
// evaluate a policy, and a full run takes hours on two cores; with them it
// fits in the hour the issue allows. Each source file belongs to exactly one
// slice (scripts/mutation.mjs checks this before it starts).
export const slices = [
  {
    name: 'evaluator-match',
    mutate: ['src/evaluator/match/**/*.ts', 'src/evaluator/values/**/*.ts', 'src/evaluator/variables.ts'],
    tests: [
      'test/evaluator/glob.test.ts',
      'test/evaluator/match-*.test.ts',
      'test/evaluator/conditions/glob.test.ts',
      'test/evaluator/conditions/values.test.ts',
      'test/evaluator/conditions/variables.test.ts',
      'test/evaluator/evaluate.test.ts',
      'test/evaluator/match/**/*.test.ts',
      'test/evaluator/values/**/*.test.ts',
      'test/evaluator/variables*.test.ts',
    ],
  },
  {
    name: 'evaluator-conditions',
    mutate: ['src/evaluator/conditions/**/*.ts'],
    tests: ['test/evaluator/conditions/**/*.test.ts'],
  },
  {
    name: 'evaluator-core',
    mutate: ['src/evaluator/*.ts', '!src/evaluator/variables.ts', 'src/evaluator/validate/**/*.ts'],
    tests: ['test/evaluator/*.test.ts', 'test/evaluator/validate/**/*.test.ts', 'test/property/evaluator*.test.ts'],
  },
  {
    name: 'checks-rules',
    mutate: ['src/checks/rules/**/*.ts', 'src/checks/lib/**/*.ts', 'src/checks/anomalies/**/*.ts', 'src/checks/least-privilege/**/*.ts'],
    tests: ['test/checks/**/*.test.ts', 'test/property/checks-part2-*.test.ts'],
  },
  {
    name: 'checks-universe',
    mutate: ['src/checks/universe/**/*.ts'],
    tests: ['test/checks/**/*.test.ts', 'test/property/checks-part2-*.test.ts'],
  },
  {
    name: 'checks-framework',
    mutate: ['src/checks/*.ts'],
    tests: ['test/checks/**/*.test.ts', 'test/property/checks.test.ts', 'test/property/proof.test.ts'],
  },
];

/** Files under these are never mutated: type declarations only. */
export const notMutated = ['!src/**/types.ts'];
