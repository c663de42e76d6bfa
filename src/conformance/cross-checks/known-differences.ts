/**
 * Differences between the reference cluster and the memory backend that are
 * understood and accepted, each with its reason (known-differences.yaml).
 * Everything else a cross-check finds is a fault of the memory backend: the
 * real cluster is right.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AlignedRow } from './line-alignment.ts';

/** The project's file of known differences, beside this module. */
export const KNOWN_DIFFERENCES_FILE = new URL('./known-differences.yaml', import.meta.url).pathname;

export type CheckName = 'kubectl' | 'dns' | 'dig-noall' | 'iptables';
export const CHECK_NAMES: readonly CheckName[] = ['kubectl', 'dns', 'dig-noall', 'iptables'];

export interface KnownDifference {
  check: CheckName;
  /** Substring of the subject (the command, the DNS question, the chain); absent: any. */
  subject?: string;
  /** Regular expression the reference line matches ('' when the reference has no line); absent: any. */
  reference?: string;
  /** The same for the memory backend's line. */
  memory?: string;
  reason: string;
}

/** Reads and checks the file: a mistyped entry is an error, not a silently unused one. */
export function loadKnownDifferences(path: string): KnownDifference[] {
  const data = (parse(readFileSync(path, 'utf8')) as unknown) ?? [];
  if (!Array.isArray(data)) throw new Error(`${path}: expected a list of differences`);
  return data.map((entry: Record<string, unknown>, i) => {
    const where = `${path}, entry ${i + 1}`;
    if (!CHECK_NAMES.includes(entry.check as CheckName)) throw new Error(`${where}: check must be one of ${CHECK_NAMES.join(', ')}`);
    if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new Error(`${where}: a reason is required`);
    for (const key of ['subject', 'reference', 'memory']) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string') throw new Error(`${where}: ${key} must be a string`);
    }
    for (const key of ['reference', 'memory'] as const) if (typeof entry[key] === 'string') new RegExp(entry[key] as string);
    return entry as unknown as KnownDifference;
  });
}

/** The reason a differing row is accepted, if one entry covers it. */
export function explainRow(known: readonly KnownDifference[], check: CheckName, subject: string, row: AlignedRow): string | undefined {
  return known.find(
    (k) =>
      k.check === check &&
      (k.subject === undefined || subject.includes(k.subject)) &&
      (k.reference === undefined || new RegExp(k.reference).test(row.reference ?? '')) &&
      (k.memory === undefined || new RegExp(k.memory).test(row.memory ?? '')),
  )?.reason;
}
