/**
 * A utility that the shells build in (printf): it runs as the program would,
 * with the shell's descriptors.
 */
import { outputOf } from '../interpreter/io.ts';
import type { Program } from '../types.ts';
import type { Builtin } from './builtin.ts';

export function programBuiltin(program: Program): Builtin {
  return {
    special: false,
    async run(host, argv, fds) {
      const result = await program(host.programContext(argv, fds));
      if (result.stdout) outputOf(fds, 1).write(result.stdout);
      if (result.stderr) outputOf(fds, 2).write(result.stderr);
      return result.exitCode;
    },
  };
}
