/**
 * The files a filter reads (cat, grep, head, wc ...): each operand is a path,
 * `-` is standard input, no operand means standard input. Errors are the GNU
 * texts: `PROG: NAME: No such file or directory`, `PROG: NAME: Is a directory`.
 */
import type { ProgramContext } from '../types.ts';

export type InputFile = { name: string; text: string } | { name: string; error: string };

/** Reads an operand; `-` reads standard input (once: a second `-` finds it empty). */
export function readInput(ctx: ProgramContext, name: string, consumed: { stdin: boolean }): InputFile {
  if (name === '-') {
    const text = consumed.stdin ? '' : ctx.stdin;
    consumed.stdin = true;
    return { name, text };
  }
  const path = ctx.fs.resolve(ctx.cwd, name);
  const text = ctx.fs.readFile(path);
  if (text !== undefined) return { name, text };
  if (ctx.fs.isDirectory(path)) return { name, error: 'Is a directory' };
  return { name, error: notFoundReason(ctx, path) };
}

/** ENOENT, or ENOTDIR when a leading component is a file. */
function notFoundReason(ctx: ProgramContext, path: string): string {
  const parts = path.split('/').filter(Boolean);
  let prefix = '';
  for (let i = 0; i < parts.length - 1; i++) {
    prefix += `/${parts[i]}`;
    if (ctx.fs.readFile(prefix) !== undefined) return 'Not a directory';
  }
  return 'No such file or directory';
}

/** Operands as input files; none means standard input. */
export function readInputs(ctx: ProgramContext, operands: readonly string[]): InputFile[] {
  const consumed = { stdin: false };
  return (operands.length ? operands : ['-']).map((name) => readInput(ctx, name, consumed));
}

/** Splits text into lines without their newlines; a last line without one is still a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
