/**
 * `xargs` (GNU findutils): reads blank- or newline-separated items (quotes
 * and backslashes group them) and runs the command (default `echo`) with
 * them: -n MAX per run, -I REPLACE once per line, -L MAX lines per run, -0,
 * -d DELIM, -r (nothing to run on empty input), -t (print each command).
 * Status 123 when a run failed with 1-125, 127 when the command is missing.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { commandLine, quoteWord } from './shell-words.ts';

const SPECS = [
  { name: 'n', short: 'n', long: 'max-args', argument: 'required' as const },
  { name: 'I', short: 'I', argument: 'required' as const },
  { name: 'i', short: 'i', long: 'replace', argument: 'optional' as const },
  { name: 'L', short: 'L', long: 'max-lines', argument: 'required' as const },
  { name: '0', short: '0', long: 'null' },
  { name: 'd', short: 'd', long: 'delimiter', argument: 'required' as const },
  { name: 'r', short: 'r', long: 'no-run-if-empty' },
  { name: 't', short: 't', long: 'verbose' },
  { name: 'P', short: 'P', long: 'max-procs', argument: 'required' as const },
  { name: 's', short: 's', long: 'max-chars', argument: 'required' as const },
  { name: 'x', short: 'x', long: 'exit' },
];

/** Items as xargs reads them by default: blanks separate, quotes and backslashes keep together. */
function splitItems(text: string): string[] | { error: string } {
  const items: string[] = [];
  let current = '';
  let inItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inItem) items.push(current);
      current = '';
      inItem = false;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end)) {
        return { error: `unmatched ${c === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option` };
      }
      current += text.slice(i + 1, end);
      inItem = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inItem = true;
    } else {
      current += c;
      inItem = true;
    }
  }
  if (inItem) items.push(current);
  return items;
}

export const xargs: Program = async (ctx): Promise<CommandResult> => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS, { stopAtOperand: true });
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const command = parsed.operands.length ? parsed.operands : ['echo'];
  const input = ctx.stdin;
  const replace = lastValue(o, 'I') ?? (has(o, 'i') ? (lastValue(o, 'i') ?? '{}') : undefined);
  let items: string[];
  if (has(o, '0')) items = input.split('\0').filter((x, i, all) => !(i === all.length - 1 && x === ''));
  else if (lastValue(o, 'd') !== undefined) {
    const delimiter = lastValue(o, 'd')!.replace('\\n', '\n').replace('\\t', '\t');
    items = input.split(delimiter).filter((x, i, all) => !(i === all.length - 1 && (x === '' || x === '\n')));
  } else if (replace !== undefined) items = input.split('\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
  else {
    const split = splitItems(input);
    if ('error' in split) return { stdout: '', stderr: `${program}: ${split.error}\n`, exitCode: 1 };
    items = split;
  }
  const batches: string[][] = [];
  const maxLines = lastValue(o, 'L');
  if (replace !== undefined) for (const item of items) batches.push(command.map((w) => w.split(replace).join(item)));
  else if (maxLines !== undefined) {
    // -L: the items of N non-blank input lines per run.
    const lines = input.split('\n').filter((l) => l.trim() !== '');
    const size = Math.max(1, Number(maxLines));
    for (let i = 0; i < lines.length; i += size) {
      const split = splitItems(lines.slice(i, i + size).join('\n'));
      if ('error' in split) return { stdout: '', stderr: `${program}: ${split.error}\n`, exitCode: 1 };
      batches.push([...command, ...split]);
    }
    if (lines.length === 0 && !has(o, 'r')) batches.push(command);
  } else {
    const max = lastValue(o, 'n');
    const size = max === undefined ? Infinity : Math.max(1, Number(max));
    if (items.length === 0) {
      if (!has(o, 'r')) batches.push(command);
    } else for (let i = 0; i < items.length; i += size) batches.push([...command, ...items.slice(i, i + size)]);
  }
  let stdout = '';
  let stderr = '';
  let status = 0;
  const traces = [];
  for (const words of batches) {
    if (has(o, 't')) stderr += `${words.join(' ')}\n`;
    const probe = `command -v ${quoteWord(words[0])} >/dev/null 2>&1 || exit 127`;
    const result = await ctx.run(`${probe}\n${commandLine(words)}`);
    if (result.exitCode === 127 && result.stdout === '' && result.stderr === '') {
      return { stdout, stderr: `${stderr}xargs: ${words[0]}: No such file or directory\n`, exitCode: 127, traces };
    }
    stdout += result.stdout;
    stderr += result.stderr;
    traces.push(...(result.traces ?? []));
    if (result.exitCode === 255) return { stdout, stderr: `${stderr}xargs: ${words[0]}: exited with status 255; aborting\n`, exitCode: 124, traces };
    if (result.exitCode !== 0) status = result.exitCode >= 1 && result.exitCode <= 125 ? 123 : result.exitCode;
  }
  return { stdout, stderr, exitCode: status, traces };
};
