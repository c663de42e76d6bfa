/**
 * `sleep` (GNU coreutils src/sleep.c): the sum of its arguments, each a
 * number with an optional s, m, h or d suffix, or `infinity`. Time passes
 * through ProgramContext.sleep: on the memory backend the virtual clock.
 */
import type { CommandResult, Program } from '../types.ts';
import { usageError } from './command-line.ts';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

export const sleep: Program = async (ctx): Promise<CommandResult> => {
  const program = ctx.argv[0];
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length === 0) return usageError(program, 'missing operand', 1);
  let seconds = 0;
  const invalid: string[] = [];
  for (const arg of args) {
    if (/^inf(inity)?$/i.test(arg)) {
      seconds = Infinity;
      continue;
    }
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(arg);
    if (!m) invalid.push(arg);
    else seconds += Number(m[1]) * UNITS[m[2]];
  }
  if (invalid.length) {
    return { stdout: '', stderr: `${invalid.map((a) => `${program}: invalid time interval '${a}'\n`).join('')}Try '${program} --help' for more information.\n`, exitCode: 1 };
  }
  await ctx.sleep(seconds);
  return { stdout: '', stderr: '', exitCode: 0 };
};
