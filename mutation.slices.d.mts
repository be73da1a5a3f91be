/** One slice of `npm run mutation`: the source files it mutates, and the only test files run against them. */
export interface MutationSlice {
  readonly name: string;
  readonly mutate: readonly string[];
  readonly tests: readonly string[];
}
export declare const slices: readonly MutationSlice[];
export declare const notMutated: readonly string[];
