/**
 * The cross-check's summary: per check the compared, identical and differing
 * lines; per differing block its rows side by side; the notes on what was
 * left out. As text for the terminal and as markdown for reports/cross-check.md.
 */
import type { CheckCounts, CheckResult } from './comparison.ts';
import { countCheck } from './comparison.ts';
import { rowIsIdentical } from './line-alignment.ts';
import { producerOf } from './memory-sources.ts';
import { sideBySideMarkdown, sideBySideText } from './side-by-side.ts';

export interface ReportHeader {
  title: string;
  /** Lines under the title: versions, seed, fixture. */
  details: string[];
}

function summaryRow(r: CheckResult, c: CheckCounts): string[] {
  return r.notRun ? [r.check, '-', '-', '-', '-', `not run: ${r.notRun}`] : [r.check, String(c.compared), String(c.identical), String(c.differing), String(c.explained), ''];
}

/** Whether the run passes: every check ran and every difference is explained. */
export function crossCheckPassed(results: CheckResult[]): boolean {
  return results.every((r) => !r.notRun && countCheck(r).differing === 0);
}

function blockLine(subject: string, rows: number, identical: number): string {
  return `${subject}: ${rows} lines, ${identical} identical, ${rows - identical} differing`;
}

export function renderText(header: ReportHeader, results: CheckResult[]): string {
  const out = [header.title, ...header.details, ''];
  const table = [['check', 'compared', 'identical', 'differing', 'known', ''], ...results.map((r) => summaryRow(r, countCheck(r)))];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) out.push(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  for (const r of results) {
    const differing = r.blocks.filter((b) => b.rows.some((row) => !rowIsIdentical(row)));
    if (differing.length === 0 && r.notes.length === 0) continue;
    out.push('', `== ${r.check}: ${r.title}`);
    for (const note of r.notes) out.push(`   note: ${note}`);
    // Blocks that differ only where a known difference says so are named, not shown: the markdown report shows them.
    const knownOnly = differing.filter((b) => b.rows.every((row) => rowIsIdentical(row) || row.knownReason));
    if (knownOnly.length) out.push(`   known differences only: ${knownOnly.map((b) => `${b.subject} (${b.rows.filter((row) => !rowIsIdentical(row)).length})`).join(', ')}`);
    for (const b of differing.filter((blk) => !knownOnly.includes(blk))) {
      out.push('', `-- ${blockLine(b.subject, b.rows.length, b.rows.filter(rowIsIdentical).length)}`);
      const producer = producerOf(r.check, b.subject);
      if (producer && b.rows.some((row) => !rowIsIdentical(row) && !row.knownReason)) out.push(`   memory output from: ${producer}`);
      out.push(...sideBySideText(b).map((l) => `   ${l}`));
    }
  }
  out.push('', crossCheckPassed(results) ? 'cross-check: every difference is known' : 'cross-check: unexplained differences (the reference cluster is right)');
  return out.join('\n');
}

export function renderMarkdown(header: ReportHeader, results: CheckResult[]): string {
  const out = [`# ${header.title}`, '', ...header.details.map((d) => `- ${d}`), ''];
  out.push('| check | compared lines | identical | differing | known differences | |', '|---|---:|---:|---:|---:|---|');
  for (const r of results) out.push(`| ${summaryRow(r, countCheck(r)).join(' | ')} |`);
  for (const r of results) {
    out.push('', `## ${r.check}`, '', r.title, '');
    if (r.notes.length) out.push(...r.notes.map((note) => `- ${note}`), '');
    if (r.notRun) out.push(`Not run: ${r.notRun}`, '');
    out.push('| subject | lines | identical | differing |', '|---|---:|---:|---:|');
    for (const b of r.blocks) {
      const identical = b.rows.filter(rowIsIdentical).length;
      out.push(`| \`${b.subject.replace(/\|/g, '\\|')}\` | ${b.rows.length} | ${identical} | ${b.rows.length - identical} |`);
    }
    for (const b of r.blocks.filter((blk) => blk.rows.some((row) => !rowIsIdentical(row)))) {
      out.push('', `### ${r.check}: \`${b.subject}\``, '');
      const producer = producerOf(r.check, b.subject);
      if (producer && b.rows.some((row) => !rowIsIdentical(row) && !row.knownReason)) out.push(`Memory output from: ${producer}`, '');
      out.push(...sideBySideMarkdown(b));
    }
  }
  out.push('', crossCheckPassed(results) ? '**Every difference is known.**' : '**Unexplained differences: the reference cluster is right.**', '');
  return out.join('\n');
}
