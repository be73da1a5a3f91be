/** Memoisation for values that are expensive to make and cheap to keep, with a bound so no cache grows without limit. */

/** A bounded memo: cleared when it reaches `max` entries. */
export function boundedMemo<T>(max = 5000): { get(key: string, make: () => T): T } {
  const m = new Map<string, T>();
  return {
    get(key, make) {
      const hit = m.get(key);
      if (hit !== undefined) return hit;
      const v = make();
      if (m.size >= max) m.clear();
      m.set(key, v);
      return v;
    },
  };
}
