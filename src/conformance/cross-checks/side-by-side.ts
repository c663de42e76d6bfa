/**
 * Differing rows shown side by side: two columns when both lines fit, the
 * reference's line above the memory backend's when they do not (iptables
 * rules are longer than half a terminal). Markdown gets a table. A known
 * difference's reason is written once per block, and its rows point to it.
 */
import type { ComparedBlock } from './comparison.ts';
import { rowIsIdentical } from './line-alignment.ts';

const ABSENT = '(no line)';

function pad(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** The distinct reasons of a block's known differences, numbered from 1 in order of appearance. */
export function reasonNumbers(block: ComparedBlock): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const row of block.rows) if (row.knownReason && !numbers.has(row.knownReason)) numbers.set(row.knownReason, numbers.size + 1);
  return numbers;
}

/** The differing rows of a block as text lines, `width` columns wide. */
export function sideBySideText(block: ComparedBlock, width = 160): string[] {
  const column = Math.floor((width - 3) / 2);
  const reasons = reasonNumbers(block);
  const out: string[] = [];
  for (const row of block.rows) {
    if (rowIsIdentical(row)) continue;
    const ref = row.reference ?? ABSENT;
    const mem = row.memory ?? ABSENT;
    const mark = row.knownReason ? `  [known ${reasons.get(row.knownReason)}]` : '';
    if (ref.length <= column && mem.length <= column) out.push(`${pad(ref, column)} | ${mem}${mark}`);
    else out.push(`reference | ${ref}`, `memory    | ${mem}${mark}`);
  }
  for (const [reason, n] of reasons) out.push(`[known ${n}] ${reason}`);
  return out;
}

function cell(s: string | undefined): string {
  return s === undefined ? `*${ABSENT}*` : `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** The differing rows of a block as a markdown table, the reasons of known ones listed under it. */
export function sideBySideMarkdown(block: ComparedBlock): string[] {
  const rows = block.rows.filter((r) => !rowIsIdentical(r));
  if (rows.length === 0) return [];
  const reasons = reasonNumbers(block);
  return [
    '| reference cluster | memory backend | |',
    '|---|---|---|',
    ...rows.map((r) => `| ${cell(r.reference)} | ${cell(r.memory)} | ${r.knownReason ? `known ${reasons.get(r.knownReason)}` : '**differs**'} |`),
    ...(reasons.size ? ['', ...[...reasons].map(([reason, n]) => `${n}. known: ${reason}`)] : []),
  ];
}
