/** `true` and `false` as programs (`env true`, `xargs false`). */
import type { Program } from '../types.ts';

export const trueProgram: Program = () => ({ stdout: '', stderr: '', exitCode: 0 });
export const falseProgram: Program = () => ({ stdout: '', stderr: '', exitCode: 1 });
