/**
 * Go's text/tabwriter as kubectl configures it for its own tables
 * (printers.GetNewTabWriter: minwidth 0, tabwidth 8, padding 3, padchar ' ',
 * no flags): each column as wide as its widest cell plus 3, the last column
 * not padded.
 */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - [...cell].length + 3))).join('') + '\n')
    .join('');
}
