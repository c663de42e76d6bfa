/**
 * `uniq` (GNU coreutils src/uniq.c): -c (count in 7 columns), -d, -D, -u,
 * -i, -f N, -s N, -w N; an optional output file after the input.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { readInput, splitLines } from './input-files.ts';

const SPECS = [
  { name: 'c', short: 'c', long: 'count' },
  { name: 'd', short: 'd', long: 'repeated' },
  { name: 'D', short: 'D', long: 'all-repeated', argument: 'optional' as const },
  { name: 'u', short: 'u', long: 'unique' },
  { name: 'i', short: 'i', long: 'ignore-case' },
  { name: 'f', short: 'f', long: 'skip-fields', argument: 'required' as const },
  { name: 's', short: 's', long: 'skip-chars', argument: 'required' as const },
  { name: 'w', short: 'w', long: 'check-chars', argument: 'required' as const },
];

export const uniq: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  if (parsed.operands.length > 2) return usageError(program, `extra operand '${parsed.operands[2]}'`, 1);
  const input = readInput(ctx, parsed.operands[0] ?? '-', { stdin: false });
  if ('error' in input) return { stdout: '', stderr: `${program}: ${input.name}: ${input.error}\n`, exitCode: 1 };
  const skipFields = Number(lastValue(o, 'f') ?? 0);
  const skipChars = Number(lastValue(o, 's') ?? 0);
  const checkChars = lastValue(o, 'w') === undefined ? Infinity : Number(lastValue(o, 'w'));
  const ignoreCase = has(o, 'i');
  const key = (line: string) => {
    let rest = line;
    for (let f = 0; f < skipFields; f++) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
    rest = rest.slice(skipChars);
    if (checkChars !== Infinity) rest = rest.slice(0, checkChars);
    return ignoreCase ? rest.toLowerCase() : rest;
  };
  const lines = splitLines(input.text);
  const groups: string[][] = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last && key(last[0]) === key(line)) last.push(line);
    else groups.push([line]);
  }
  const onlyRepeated = has(o, 'd');
  const allRepeated = has(o, 'D');
  const onlyUnique = has(o, 'u');
  let stdout = '';
  for (const group of groups) {
    if ((onlyRepeated || allRepeated) && group.length < 2) continue;
    if (onlyUnique && group.length > 1) continue;
    if (allRepeated) {
      for (const line of group) stdout += `${line}\n`;
      continue;
    }
    stdout += has(o, 'c') ? `${String(group.length).padStart(7)} ${group[0]}\n` : `${group[0]}\n`;
  }
  if (parsed.operands[1] !== undefined) {
    ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, parsed.operands[1]), stdout);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  return { stdout, stderr: '', exitCode: 0 };
};
