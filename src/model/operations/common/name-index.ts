/**
 * IAM names of users, groups and roles are unique case-insensitively ("you cannot create users named both TESTUSER
 * and testuser", IAM User Guide, IAM identifiers). A lowercase index per record object (a frozen record, or the same
 * draft proxy for a whole batch) keeps the check O(1) per call inside a batch; recipes that add or remove names keep
 * the index of a draft current. A hit is confirmed against the record, so a stale index never invents a conflict.
 */
const indexes = new WeakMap<object, Map<string, string>>();

function indexOf(record: Readonly<Record<string, unknown>>): Map<string, string> {
  let idx = indexes.get(record);
  if (idx === undefined) {
    idx = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
    indexes.set(record, idx);
  }
  return idx;
}

/** The existing name that equals `name` ignoring case, or undefined. */
export function nameTaken(record: Readonly<Record<string, unknown>>, name: string): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  const idx = indexOf(record);
  const hit = idx.get(name.toLowerCase());
  if (hit === undefined) return undefined;
  if (Object.hasOwn(record, hit)) return hit;
  indexes.delete(record);
  const again = indexOf(record).get(name.toLowerCase());
  return again !== undefined && Object.hasOwn(record, again) ? again : undefined;
}

/** Records that a recipe added `name` to the (draft) record. */
export function nameAdded(record: object, name: string): void {
  indexes.get(record)?.set(name.toLowerCase(), name);
}

/** Records that a recipe removed `name` from the (draft) record. */
export function nameRemoved(record: object, name: string): void {
  indexes.get(record)?.delete(name.toLowerCase());
}
