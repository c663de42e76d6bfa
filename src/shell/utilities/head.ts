/**
 * `head` (GNU coreutils src/head.c): -n N, -N, -n -N (all but the last N),
 * -c N, -c -N, -q, -v; `==> NAME <==` headers when several files are read.
 */
import type { Program } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';
import { readInput } from './input-files.ts';
import { parseCount, takeLines } from './line-counts.ts';

const SPECS = [
  { name: 'n', short: 'n', long: 'lines', argument: 'required' as const },
  { name: 'c', short: 'c', long: 'bytes', argument: 'required' as const },
  { name: 'q', short: 'q', long: 'quiet' },
  { name: 'q', long: 'silent' },
  { name: 'v', short: 'v', long: 'verbose' },
];

export const head: Program = (ctx) => {
  const program = ctx.argv[0];
  const args = ctx.argv.slice(1).map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const parsed = parseCommandLine(args, SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const lastUnit = [...o].reverse().find((x) => x.name === 'n' || x.name === 'c');
  const unit = lastUnit?.name === 'c' ? 'bytes' : 'lines';
  const raw = lastUnit?.value ?? '10';
  const count = parseCount(raw);
  if (count === undefined) return { stdout: '', stderr: `${program}: invalid number of ${unit}: '${raw}'\n`, exitCode: 1 };
  const allBut = raw.startsWith('-');
  const operands = parsed.operands.length ? parsed.operands : ['-'];
  const headers = has(o, 'v') || (operands.length > 1 && !has(o, 'q'));
  let stdout = '';
  let stderr = '';
  const consumed = { stdin: false };
  let first = true;
  for (const name of operands) {
    const input = readInput(ctx, name, consumed);
    if ('error' in input) {
      stderr += input.error === 'Is a directory' ? `${program}: error reading '${name}': Is a directory\n` : `${program}: cannot open '${name}' for reading: ${input.error}\n`;
      if (input.error !== 'Is a directory') continue;
    }
    if (headers) {
      stdout += `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`;
    }
    first = false;
    if ('error' in input) continue;
    const text = input.text;
    if (unit === 'bytes') stdout += allBut ? text.slice(0, Math.max(0, text.length - count)) : text.slice(0, count);
    else stdout += takeLines(text, count, allBut ? 'all-but-last' : 'first');
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
