/**
 * `eval`, `.` (and ash's `source`), and `exec`. Messages (dash 0.5.12,
 * busybox 1.35 ash): dash `.: cannot open X: No such file`, ash
 * `.: line 0: can't open 'X': No such file or directory`; both exit 2.
 */
import { ExitSignal } from '../interpreter/signals.ts';
import type { Builtin } from './builtin.ts';

export const evalBuiltin: Builtin = {
  special: true,
  async run(host, argv, fds) {
    const script = argv.slice(1).join(' ');
    if (script.trim() === '') return 0;
    return host.evaluate(script, fds);
  },
};

function dot(name: string): Builtin {
  return {
    special: true,
    async run(host, argv, fds) {
      const file = argv[1];
      if (file === undefined) return 0;
      const path = host.fs.resolve(host.cwd, file);
      const text = host.fs.readFile(path);
      if (text === undefined) {
        host.builtinError(fds, name, host.dialect === 'ash' ? `can't open '${file}': No such file or directory` : `cannot open ${file}: No such file`);
        host.exitShell(2);
      }
      return host.evaluate(text!, fds);
    },
  };
}

export const dotBuiltin = dot('.');
/** ash only: dash has no `source`. */
export const sourceBuiltin = dot('source');

export const exec: Builtin = {
  special: true,
  async run(host, argv, fds) {
    // Without a command, exec's redirections would stay for the rest of the shell; we apply them to exec only.
    if (argv.length < 2) return 0;
    if (!host.describe(argv[1])) {
      host.builtinError(fds, 'exec', `${argv[1]}: not found`);
      throw new ExitSignal(127);
    }
    const status = await host.runCommand(argv.slice(1), fds, { skipFunctions: true });
    throw new ExitSignal(status);
  },
};
