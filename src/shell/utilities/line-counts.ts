/**
 * Counts and line selection shared by head and tail: GNU's count syntax
 * (an optional sign, digits, and a multiplier suffix such as K or M) and the
 * first, last or all-but-last N lines of a text, newlines kept.
 */

const SUFFIXES: Record<string, number> = { b: 512, kB: 1000, K: 1024, KB: 1000, KiB: 1024, MB: 1000 ** 2, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1000 ** 3, G: 1024 ** 3, GiB: 1024 ** 3 };

/** The magnitude of `-5`, `+5`, `5`, `2K`; undefined when it is not a count. */
export function parseCount(text: string): number | undefined {
  const m = /^[-+]?(\d+)([A-Za-z]*)$/.exec(text);
  if (!m) return undefined;
  const multiplier = m[2] ? SUFFIXES[m[2]] : 1;
  if (multiplier === undefined) return undefined;
  return Number(m[1]) * multiplier;
}

/** Offsets just after each newline. */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) ends.push(i + 1);
  if (text.length && !text.endsWith('\n')) ends.push(text.length);
  return ends;
}

export function takeLines(text: string, count: number, which: 'first' | 'last' | 'all-but-last' | 'from'): string {
  const ends = lineEnds(text);
  const n = ends.length;
  switch (which) {
    case 'first':
      return count >= n ? text : text.slice(0, count === 0 ? 0 : ends[count - 1]);
    case 'all-but-last':
      return count >= n ? '' : text.slice(0, n - count === 0 ? 0 : ends[n - count - 1]);
    case 'last':
      return count >= n ? text : count === 0 ? '' : text.slice(ends[n - count - 1]);
    case 'from':
      // `tail -n +K`: from line K on (K = 0 behaves as 1).
      return count <= 1 ? text : count - 1 >= n ? '' : text.slice(ends[count - 2]);
  }
}
