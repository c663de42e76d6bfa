/** `:`, `true` and `false`: builtins of dash and ash. */
import type { Builtin } from './builtin.ts';

export const colon: Builtin = { special: true, run: () => 0 };
export const trueBuiltin: Builtin = { special: false, run: () => 0 };
export const falseBuiltin: Builtin = { special: false, run: () => 1 };
