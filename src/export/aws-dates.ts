/** Instants in the form the AWS CLI prints them: `2019-12-18T19:10:08+00:00`. */
import type { Instant } from '../model/types.js';

/** `2019-12-18T19:10:08Z` → `2019-12-18T19:10:08+00:00` (fractions kept). */
export const awsDate = (t: Instant): string => t.replace(/Z$/, '+00:00');
