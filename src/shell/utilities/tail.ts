/**
 * `tail` (GNU coreutils src/tail.c): -n N, -N, +N, -n +N, -c N, -c +N, -q,
 * -v. `-f` is accepted and prints what is there: a scenario's files do not
 * grow while a command runs.
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
  { name: 'f', short: 'f', long: 'follow', argument: 'optional' as const },
  { name: 'F', short: 'F' },
  { name: 's', short: 's', long: 'sleep-interval', argument: 'required' as const },
  { name: 'pid', long: 'pid', argument: 'required' as const },
  { name: 'retry', long: 'retry' },
];

export const tail: Program = (ctx) => {
  const program = ctx.argv[0];
  // The obsolete forms `tail -5` and `tail +5` as the first argument.
  const args = ctx.argv.slice(1).map((a, i) => (i === 0 && /^[-+]\d+$/.test(a) ? `-n${a[0] === '+' ? a : a.slice(1)}` : a));
  const parsed = parseCommandLine(args, SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const lastUnit = [...o].reverse().find((x) => x.name === 'n' || x.name === 'c');
  const unit = lastUnit?.name === 'c' ? 'bytes' : 'lines';
  const raw = lastUnit?.value ?? '10';
  const count = parseCount(raw);
  if (count === undefined) return { stdout: '', stderr: `${program}: invalid number of ${unit}: '${raw}'\n`, exitCode: 1 };
  const from = raw.startsWith('+');
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
    if (headers) stdout += `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`;
    first = false;
    if ('error' in input) continue;
    const text = input.text;
    if (unit === 'bytes') stdout += from ? text.slice(Math.max(0, count - 1)) : count === 0 ? '' : text.slice(-count);
    else stdout += takeLines(text, count, from ? 'from' : 'last');
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
