/**
 * Lines of the reference cluster's output against the memory backend's: an
 * ordered alignment (longest common subsequence, so one extra line does not
 * make every following line differ) and an unordered one for outputs whose
 * order a real cluster does not fix (a multiset of lines).
 */

/** One row of an alignment: a line on both sides, or on one side only (undefined on the other). */
export interface AlignedRow {
  reference?: string;
  memory?: string;
}

export function rowIsIdentical(row: AlignedRow): boolean {
  return row.reference !== undefined && row.reference === row.memory;
}

/**
 * Aligns two lists of lines in order. Runs of lines between common lines are
 * paired up side by side (a changed line), the surplus shown on one side only.
 */
export function alignOrdered(reference: readonly string[], memory: readonly string[]): AlignedRow[] {
  const n = reference.length;
  const m = memory.length;
  // lcs[i][j]: length of the longest common subsequence of reference[i..] and memory[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = reference[i] === memory[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const rows: AlignedRow[] = [];
  let pendingRef: string[] = [];
  let pendingMem: string[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(pendingRef.length, pendingMem.length); k++) rows.push({ reference: pendingRef[k], memory: pendingMem[k] });
    pendingRef = [];
    pendingMem = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && reference[i] === memory[j]) {
      flush();
      rows.push({ reference: reference[i], memory: memory[j] });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) pendingRef.push(reference[i++]);
    else pendingMem.push(memory[j++]);
  }
  flush();
  return rows;
}

/** Aligns two lists as multisets: common lines first (sorted), then the rest of each side, sorted and paired. */
export function alignUnordered(reference: readonly string[], memory: readonly string[]): AlignedRow[] {
  const left = [...reference].sort();
  const right = [...memory].sort();
  const remaining = new Map<string, number>();
  for (const line of right) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  const common: string[] = [];
  const onlyRef: string[] = [];
  for (const line of left) {
    const count = remaining.get(line) ?? 0;
    if (count > 0) {
      common.push(line);
      remaining.set(line, count - 1);
    } else onlyRef.push(line);
  }
  const onlyMem: string[] = [];
  for (const [line, count] of remaining) for (let k = 0; k < count; k++) onlyMem.push(line);
  onlyMem.sort();
  // The unmatched lines go through the ordered alignment so that similar lines pair up.
  return [...common.map((line) => ({ reference: line, memory: line })), ...alignOrdered(onlyRef, onlyMem)];
}
