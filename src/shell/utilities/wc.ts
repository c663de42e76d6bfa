/**
 * `wc` (GNU coreutils src/wc.c): -l, -w, -m, -c, -L; counts in the order
 * lines, words, characters, bytes, maximum line length. Column width: 1 when
 * one count of one input is printed, else the digits of the total size of
 * the regular files read, at least 7 when a pipe (standard input that is
 * not a redirected file) is read.
 */
import type { Program } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';
import { readInput } from './input-files.ts';

const SPECS = [
  { name: 'l', short: 'l', long: 'lines' },
  { name: 'w', short: 'w', long: 'words' },
  { name: 'm', short: 'm', long: 'chars' },
  { name: 'c', short: 'c', long: 'bytes' },
  { name: 'L', short: 'L', long: 'max-line-length' },
];

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(text: string): Counts {
  let lines = 0;
  let words = 0;
  let inWord = false;
  let maxLine = 0;
  let column = 0;
  let chars = 0;
  for (const ch of text) {
    chars++;
    if (ch === '\n') {
      lines++;
      if (column > maxLine) maxLine = column;
      column = 0;
    } else if (ch === '\t') column += 8 - (column % 8);
    else if (ch !== '\r' && ch !== '\f' && ch !== '\v') column++;
    // C-locale white space separates words.
    const white = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r';
    if (white) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  if (column > maxLine) maxLine = column;
  return { lines, words, chars, bytes: Buffer.byteLength(text), maxLine };
}

export const wc: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  let fields: Array<keyof Counts> = [];
  if (has(o, 'l')) fields.push('lines');
  if (has(o, 'w')) fields.push('words');
  if (has(o, 'm')) fields.push('chars');
  if (has(o, 'c')) fields.push('bytes');
  if (has(o, 'L')) fields.push('maxLine');
  if (fields.length === 0) fields = ['lines', 'words', 'bytes'];
  const operands = parsed.operands.length ? parsed.operands : ['-'];
  const consumed = { stdin: false };
  const rows: Array<{ name: string | undefined; counts: Counts }> = [];
  let stderr = '';
  let regularTotal = 0;
  // Standard input and directories are not regular files: they widen the columns to 7.
  let nonRegular = false;
  for (const name of operands) {
    const input = readInput(ctx, name, consumed);
    if ('error' in input) {
      stderr += `${program}: ${name}: ${input.error}\n`;
      // A directory still gets its row of zeros.
      if (input.error === 'Is a directory') {
        rows.push({ name, counts: count('') });
        nonRegular = true;
      }
      continue;
    }
    if (name === '-' && !ctx.stdinIsFile) nonRegular = true;
    else regularTotal += Buffer.byteLength(input.text);
    rows.push({ name: parsed.operands.length ? name : undefined, counts: count(input.text) });
  }
  let width = 1;
  if (!(fields.length === 1 && operands.length === 1)) {
    width = String(regularTotal).length;
    if (nonRegular && width < 7) width = 7;
  }
  if (operands.length > 1) {
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
    for (const { counts } of rows) {
      total.lines += counts.lines;
      total.words += counts.words;
      total.chars += counts.chars;
      total.bytes += counts.bytes;
      total.maxLine = Math.max(total.maxLine, counts.maxLine);
    }
    rows.push({ name: 'total', counts: total });
  }
  const stdout = rows.map(({ name, counts }) => fields.map((f) => String(counts[f]).padStart(width)).join(' ') + (name === undefined ? '' : ` ${name}`) + '\n').join('');
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};
