/**
 * `cut` (GNU coreutils src/cut.c): -f with -d, -s, --output-delimiter,
 * --complement; -c and -b (the same here: text is characters). Lines without
 * the delimiter print whole unless -s.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { readInputs, splitLines } from './input-files.ts';

const SPECS = [
  { name: 'b', short: 'b', long: 'bytes', argument: 'required' as const },
  { name: 'c', short: 'c', long: 'characters', argument: 'required' as const },
  { name: 'f', short: 'f', long: 'fields', argument: 'required' as const },
  { name: 'd', short: 'd', long: 'delimiter', argument: 'required' as const },
  { name: 's', short: 's', long: 'only-delimited' },
  { name: 'n', short: 'n' },
  { name: 'complement', long: 'complement' },
  { name: 'output-delimiter', long: 'output-delimiter', argument: 'required' as const },
];

type Range = { from: number; to: number };

/** Parses `1,3-5,7-`; returns ranges or GNU's complaint. */
function parseList(list: string, what: 'field' | 'byte/character'): Range[] | string {
  const ranges: Range[] = [];
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || item === '' || item === '-') return what === 'field' ? `invalid field value '${item}'` : `invalid byte or character range`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : from;
    if (from === 0 || to === 0) return what === 'field' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push({ from, to });
  }
  return ranges;
}

function selected(ranges: Range[], n: number, complement: boolean): boolean {
  const inside = ranges.some((r) => n >= r.from && n <= r.to);
  return inside !== complement;
}

export const cut: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const fields = lastValue(o, 'f');
  const chars = lastValue(o, 'c') ?? lastValue(o, 'b');
  if ((fields !== undefined) === (chars !== undefined)) {
    return usageError(program, fields !== undefined ? 'only one type of list may be specified' : 'you must specify a list of bytes, characters, or fields', 1);
  }
  const delimiter = lastValue(o, 'd') ?? '\t';
  if ([...delimiter].length > 1) return usageError(program, 'the delimiter must be a single character', 1);
  const ranges = parseList(fields ?? chars!, fields !== undefined ? 'field' : 'byte/character');
  if (typeof ranges === 'string') return usageError(program, ranges, 1);
  const complement = has(o, 'complement');
  const onlyDelimited = has(o, 's');
  let stdout = '';
  let stderr = '';
  for (const input of readInputs(ctx, parsed.operands)) {
    if ('error' in input) {
      stderr += `${program}: ${input.name}: ${input.error}\n`;
      continue;
    }
    for (const line of splitLines(input.text)) {
      if (chars !== undefined) {
        const cs = [...line];
        const picked: string[] = [];
        cs.forEach((c, i) => selected(ranges, i + 1, complement) && picked.push(c));
        stdout += `${picked.join('')}\n`;
        continue;
      }
      if (!line.includes(delimiter)) {
        if (!onlyDelimited) stdout += `${line}\n`;
        continue;
      }
      const parts = line.split(delimiter);
      const picked = parts.filter((_, i) => selected(ranges, i + 1, complement));
      stdout += `${picked.join(lastValue(o, 'output-delimiter') ?? delimiter)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
