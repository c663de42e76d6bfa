/** The parity table as text for the terminal and as Markdown for reports/. */
import type { ParityCounts, ScenarioParity } from './parity.ts';

function sideBySide(memory: string, reference: string, width: number): string[] {
  const a = memory.split('\n');
  const b = reference.split('\n');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && lines.length < 40; i++) {
    const l = (a[i] ?? '').slice(0, width).padEnd(width);
    const r = (b[i] ?? '').slice(0, width);
    lines.push(`${(a[i] ?? '') === (b[i] ?? '') ? ' ' : '≠'} ${l} │ ${r}`);
  }
  return lines;
}

export function summaryLine(c: ParityCounts, total: number): string {
  return `${total} scenarios: ${c.identical} identical, ${c.explained} differing with a recorded reason, ${c.differing} differing, ${c.notRunnable} not runnable on the reference cluster${c.missing ? `, ${c.missing} missing from one run` : ''}`;
}

/** The table and, below it, each differing step's two outputs side by side. */
export function renderParityText(rows: ScenarioParity[], counts: ParityCounts): string {
  const w1 = Math.min(90, Math.max(8, ...rows.map((r) => r.key.length)));
  const out: string[] = [];
  out.push(`${'scenario'.padEnd(w1)}  ${'memory'.padEnd(8)}  ${'reference'.padEnd(9)}  verdict`);
  for (const r of rows) {
    const key = r.key.length > w1 ? `…${r.key.slice(-(w1 - 1))}` : r.key.padEnd(w1);
    out.push(`${key}  ${r.memory.padEnd(8)}  ${r.reference.padEnd(9)}  ${r.verdict}${r.reason ? ` (${r.reason})` : ''}`);
  }
  for (const r of rows.filter((x) => x.differences.length > 0 && x.verdict !== 'explained')) {
    out.push('', `── ${r.key}`);
    for (const d of r.differences) {
      out.push(`   step: ${d.step}${d.knownReason ? `   [known: ${d.knownReason}]` : ''}`);
      out.push(`   ${'memory'.padEnd(60)}   reference`);
      out.push(...sideBySide(d.memory, d.reference, 60).map((l) => `  ${l}`));
    }
  }
  out.push('', summaryLine(counts, rows.length));
  return out.join('\n');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function renderParityMarkdown(rows: ScenarioParity[], counts: ParityCounts, title: string): string {
  const out = [`# ${title}`, '', summaryLine(counts, rows.length), '', '| scenario | memory | reference | verdict |', '|---|---|---|---|'];
  for (const r of rows) out.push(`| ${cell(r.key)} | ${r.memory} | ${r.reference} | ${r.verdict}${r.reason ? `: ${cell(r.reason)}` : ''} |`);
  for (const r of rows.filter((x) => x.differences.length > 0)) {
    out.push('', `## ${r.key}`);
    for (const d of r.differences) {
      out.push('', `Step: \`${d.step}\`${d.knownReason ? ` (known: ${d.knownReason})` : ''}`, '', 'memory:', '```', d.memory, '```', 'reference:', '```', d.reference, '```');
    }
  }
  return out.join('\n') + '\n';
}
