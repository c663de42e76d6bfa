/**
 * The text utilities of a Linux place, by name: GNU coreutils, grep and sed
 * as on a Debian machine or a kind node, a small awk, and `sh` from
 * `shellProgram()`. A place builds its ProgramTable from `textUtilities()`
 * and adds its own programs (kubectl, curl ...).
 */
import type { Program } from '../types.ts';
import { awk } from './awk.ts';
import { base64 } from './base64.ts';
import { cat } from './cat.ts';
import { cut } from './cut.ts';
import { dateProgram } from './date.ts';
import { echo } from './echo.ts';
import { env, printenv } from './env.ts';
import { mkdir, rm, rmdir, touch } from './files.ts';
import { grep } from './grep.ts';
import { head } from './head.ts';
import { hostname, whoami } from './identity.ts';
import { ls } from './ls.ts';
import { printf } from './printf.ts';
import { sed } from './sed.ts';
import { seq } from './seq.ts';
import { sleep } from './sleep.ts';
import { sort } from './sort.ts';
import { falseProgram, trueProgram } from './status.ts';
import { tail } from './tail.ts';
import { tee } from './tee.ts';
import { tr } from './tr.ts';
import { uniq } from './uniq.ts';
import { wc } from './wc.ts';
import { which } from './which.ts';
import { withArguments } from './with-arguments.ts';
import { xargs } from './xargs.ts';

export { shellProgram } from '../shell-program.ts';

export interface TextUtilityOptions {
  /** Milliseconds since the epoch for `date` (the virtual clock); without it there is no `date`. */
  now?: () => number;
}

/** A fresh table of the utilities; the caller may add to it or replace entries. */
export function textUtilities(options: TextUtilityOptions = {}): Map<string, Program> {
  const table = new Map<string, Program>([
    ['awk', awk],
    ['base64', base64],
    ['cat', cat],
    ['cut', cut],
    ['echo', echo],
    ['egrep', (ctx) => grep(withArguments(ctx, ['grep', '-E', ...ctx.argv.slice(1)]))],
    ['env', env],
    ['false', falseProgram],
    ['fgrep', (ctx) => grep(withArguments(ctx, ['grep', '-F', ...ctx.argv.slice(1)]))],
    ['grep', grep],
    ['head', head],
    ['hostname', hostname],
    ['ls', ls],
    ['mkdir', mkdir],
    ['printenv', printenv],
    ['printf', printf],
    ['rm', rm],
    ['rmdir', rmdir],
    ['sed', sed],
    ['seq', seq],
    ['sleep', sleep],
    ['sort', sort],
    ['tail', tail],
    ['tee', tee],
    ['touch', touch],
    ['tr', tr],
    ['true', trueProgram],
    ['uniq', uniq],
    ['wc', wc],
    ['which', which],
    ['whoami', whoami],
    ['xargs', xargs],
  ]);
  if (options.now) table.set('date', dateProgram(options.now));
  return table;
}
