/**
 * Realistic, unique user names (`first.last`, then `first.last2`, …). The pools avoid every default of
 * generic-user-name (admin, dev, team, shared, …) so a clean account has no generic names.
 */
import type { Rng } from './rng.js';

const FIRST = [
  'olivia', 'liam', 'emma', 'noah', 'amelia', 'oliver', 'ava', 'elijah', 'sophia', 'lucas', 'isabella', 'mateo', 'mia', 'levi',
  'harper', 'ethan', 'evelyn', 'james', 'luna', 'henry', 'camila', 'jack', 'gianna', 'daniel', 'aria', 'samuel', 'ella', 'owen',
  'nora', 'wyatt', 'hazel', 'julian', 'chloe', 'leo', 'zoe', 'ezra', 'lily', 'asher', 'layla', 'hudson', 'ayumi', 'kenji',
  'priya', 'arjun', 'fatima', 'omar', 'ingrid', 'lars', 'chiara', 'marco', 'zainab', 'kwame', 'mei', 'wei', 'sofia', 'diego',
  'hana', 'yusuf', 'elena', 'tomas',
] as const;

const LAST = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez', 'lopez',
  'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'perez', 'thompson', 'white',
  'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson', 'walker', 'young', 'allen', 'king', 'wright', 'scott', 'torres',
  'nguyen', 'hill', 'flores', 'green', 'adams', 'nelson', 'baker', 'hall', 'rivera', 'campbell', 'mitchell', 'carter', 'roberts',
  'tanaka', 'sato', 'patel', 'sharma', 'okafor', 'mensah', 'novak', 'kowalski', 'lindqvist', 'rossi',
] as const;

/**
 * For each set of taken names, the suffix to try first per `first.last`: every smaller suffix is taken (sets only
 * grow). Without it, 100,000 users from 3,600 base names cost about 14 probes each, growing with the size.
 */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/** A person's display name and a user name not yet in `taken` (which it joins): `first.last`, else the smallest free `first.lastN` (N ≥ 2). */
export function freshPersonName(rng: Rng, taken: Set<string>): { readonly display: string; readonly userName: string } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const display = `${first[0]!.toUpperCase()}${first.slice(1)} ${last[0]!.toUpperCase()}${last.slice(1)}`;
  const base = `${first}.${last}`;
  let userName = base;
  if (taken.has(userName)) {
    let hints = nextSuffix.get(taken);
    if (hints === undefined) {
      hints = new Map();
      nextSuffix.set(taken, hints);
    }
    let i = hints.get(base) ?? 2;
    for (userName = `${base}${i}`; taken.has(userName); ) userName = `${base}${++i}`;
    hints.set(base, i + 1);
  }
  taken.add(userName);
  return { display, userName };
}
