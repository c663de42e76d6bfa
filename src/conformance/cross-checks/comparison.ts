/**
 * The outcome of the cross-checks: per check, blocks of aligned lines (one
 * block per command, DNS question or chain), each differing row either
 * explained by a known difference or not.
 */
import type { CheckName, KnownDifference } from './known-differences.ts';
import { explainRow } from './known-differences.ts';
import type { AlignedRow } from './line-alignment.ts';
import { rowIsIdentical } from './line-alignment.ts';

export interface ComparedRow extends AlignedRow {
  /** Why this difference is accepted (known-differences.yaml). */
  knownReason?: string;
}

export interface ComparedBlock {
  subject: string;
  rows: ComparedRow[];
}

export interface CheckResult {
  check: CheckName;
  /** What the check compares, in one line. */
  title: string;
  blocks: ComparedBlock[];
  /** What was left out and why (rules of other namespaces ...). */
  notes: string[];
  /** Set when the check could not run. */
  notRun?: string;
}

export interface CheckCounts {
  compared: number;
  identical: number;
  /** Differing rows a known difference explains. */
  explained: number;
  /** Differing rows nothing explains. */
  differing: number;
}

/** A block whose differing rows carry their known reasons. */
export function compareBlock(check: CheckName, subject: string, rows: AlignedRow[], known: readonly KnownDifference[]): ComparedBlock {
  return {
    subject,
    rows: rows.map((row) => {
      if (rowIsIdentical(row)) return row;
      const reason = explainRow(known, check, subject, row);
      return reason ? { ...row, knownReason: reason } : row;
    }),
  };
}

export function countCheck(result: CheckResult): CheckCounts {
  const rows = result.blocks.flatMap((b) => b.rows);
  const identical = rows.filter(rowIsIdentical).length;
  const explained = rows.filter((r) => !rowIsIdentical(r) && r.knownReason).length;
  return { compared: rows.length, identical, explained, differing: rows.length - identical - explained };
}
