/**
 * The builtins of our sh: POSIX special builtins (XCU 2.14) and the regular
 * builtins that dash and busybox ash both have. A name here is found before
 * any program of the place (`echo` is the shell's, not /bin/echo).
 */
import { printf } from '../utilities/printf.ts';
import type { Builtin } from './builtin.ts';
import { cd, pwd } from './cd.ts';
import { breakBuiltin, continueBuiltin, exit, returnBuiltin } from './control.ts';
import { exportBuiltin, local, readonlyBuiltin, unset } from './declarations.ts';
import { echoBuiltin } from './echo.ts';
import { dotBuiltin, evalBuiltin, exec, sourceBuiltin } from './evaluation.ts';
import { programBuiltin } from './program-builtin.ts';
import { read } from './read.ts';
import { set, shift } from './set.ts';
import { colon, falseBuiltin, trueBuiltin } from './status.ts';
import { bracket, test } from './test.ts';
import { trap, wait } from './trap.ts';
import { command, type } from './type.ts';

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', colon],
  ['.', dotBuiltin],
  ['break', breakBuiltin],
  ['continue', continueBuiltin],
  ['eval', evalBuiltin],
  ['exec', exec],
  ['exit', exit],
  ['export', exportBuiltin],
  ['readonly', readonlyBuiltin],
  ['return', returnBuiltin],
  ['set', set],
  ['shift', shift],
  ['trap', trap],
  ['unset', unset],
  ['cd', cd],
  ['pwd', pwd],
  ['echo', echoBuiltin],
  ['printf', programBuiltin(printf)],
  ['true', trueBuiltin],
  ['false', falseBuiltin],
  ['test', test],
  ['[', bracket],
  ['read', read],
  ['local', local],
  ['type', type],
  ['command', command],
  ['wait', wait],
  ['source', sourceBuiltin],
]);

/** Reserved words (XCU 2.4), for `type`. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(['!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'if', 'in', 'then', 'until', 'while']);
