/**
 * `cat` (GNU coreutils src/cat.c): -n, -b, -s, -E, -T, -v, -A, -e, -t.
 * Numbering runs on across files, as the files are one stream to cat.
 */
import type { Program } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';
import { readInputs } from './input-files.ts';

const SPECS = [
  { name: 'A', short: 'A', long: 'show-all' },
  { name: 'b', short: 'b', long: 'number-nonblank' },
  { name: 'e', short: 'e' },
  { name: 'E', short: 'E', long: 'show-ends' },
  { name: 'n', short: 'n', long: 'number' },
  { name: 's', short: 's', long: 'squeeze-blank' },
  { name: 't', short: 't' },
  { name: 'T', short: 'T', long: 'show-tabs' },
  { name: 'u', short: 'u' },
  { name: 'v', short: 'v', long: 'show-nonprinting' },
];

/** ^X and M-X notation for control characters (cat -v). */
function showNonprinting(line: string, tabs: boolean): string {
  let out = '';
  for (const ch of line) {
    const code = ch.charCodeAt(0);
    if (ch === '\t' && !tabs) out += ch;
    else if (code < 32) out += `^${String.fromCharCode(code + 64)}`;
    else if (code === 127) out += '^?';
    else out += ch;
  }
  return out;
}

export const cat: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const all = has(o, 'A');
  const nonprinting = all || has(o, 'v') || has(o, 'e') || has(o, 't');
  const ends = all || has(o, 'E') || has(o, 'e');
  const tabs = all || has(o, 'T') || has(o, 't');
  const numberNonblank = has(o, 'b');
  const number = numberNonblank || has(o, 'n');
  const squeeze = has(o, 's');
  let stderr = '';
  let text = '';
  for (const input of readInputs(ctx, parsed.operands)) {
    if ('error' in input) stderr += `${program}: ${input.name}: ${input.error}\n`;
    else text += input.text;
  }
  if (!(number || squeeze || ends || tabs || nonprinting)) return { stdout: text, stderr, exitCode: stderr ? 1 : 0 };
  const lines = text.split('\n');
  const last = lines.pop()!;
  let out = '';
  let counter = 0;
  let blankRun = 0;
  const render = (line: string, terminated: boolean) => {
    const blank = line === '';
    if (squeeze && blank && terminated) {
      blankRun++;
      if (blankRun > 1) return;
    } else blankRun = 0;
    let shown = nonprinting ? showNonprinting(line, tabs) : tabs ? line.replace(/\t/g, '^I') : line;
    if (number && !(numberNonblank && blank)) shown = `${String(++counter).padStart(6)}\t${shown}`;
    out += shown + (terminated ? (ends ? '$\n' : '\n') : '');
  };
  for (const line of lines) render(line, true);
  if (last !== '') render(last, false);
  return { stdout: out, stderr, exitCode: stderr ? 1 : 0 };
};
