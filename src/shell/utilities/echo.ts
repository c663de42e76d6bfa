/**
 * `echo` as GNU coreutils (src/echo.c) and busybox ash print it: options -n,
 * -e, -E only when a leading argument consists of those letters alone.
 */
import type { Program } from '../types.ts';
import { decodeEchoEscapes } from './backslash-escapes.ts';

export const echo: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const letter of args.shift()!.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const decoded = decodeEchoEscapes(text);
    if (decoded.stop) return { stdout: decoded.text, stderr: '', exitCode: 0 };
    text = decoded.text;
  }
  return { stdout: newline ? `${text}\n` : text, stderr: '', exitCode: 0 };
};
