/** "Did you mean …?" for misspelt names: the closest candidate by edit distance, when it is close enough. */

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** The candidate closest to `word` (case-insensitive), if within a third of its length (at least 2 edits). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** A hint naming the closest candidate, or listing a few of them. */
export function suggestHint(word: string, candidates: readonly string[], what: string): string {
  const c = closest(word, candidates);
  if (c !== undefined) return `did you mean '${c}'?`;
  if (candidates.length === 0) return `there are no ${what} defined here`;
  const shown = candidates.slice(0, 8).join(', ');
  return `known ${what}: ${shown}${candidates.length > 8 ? `, … (${candidates.length} in all)` : ''}`;
}
