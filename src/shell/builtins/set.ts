/**
 * `set` (options and positional parameters) and `shift`. Options: -e
 * errexit, -u nounset, -x xtrace, -f noglob, also by name with -o/+o. With no
 * arguments `set` lists every variable as `NAME='value'`.
 */
import { outputOf } from '../interpreter/io.ts';
import { illegalOption, parseCount, type Builtin, type ShellFlags } from './builtin.ts';
import { quoteValue } from './declarations.ts';

const LETTERS: Record<string, keyof ShellFlags> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob' };
const NAMES = new Set<string>(['errexit', 'nounset', 'xtrace', 'noglob']);

export const set: Builtin = {
  special: true,
  run(host, argv, fds) {
    const args = argv.slice(1);
    if (args.length === 0) {
      const out = outputOf(fds, 1);
      for (const v of host.vars.entries()) if (v.value !== undefined) out.write(`${v.name}=${quoteValue(v.value)}\n`);
      return 0;
    }
    let i = 0;
    for (; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--') {
        host.args = args.slice(i + 1);
        return 0;
      }
      if (arg === '-') {
        // `set -` ends the options (and, in dash, turns -x and -v off).
        host.flags.xtrace = false;
        i++;
        break;
      }
      const sign = arg[0];
      if ((sign !== '-' && sign !== '+') || arg.length < 2) break;
      const on = sign === '-';
      if (arg.slice(1) === 'o') {
        const name = args[++i];
        if (name === undefined) {
          // `set -o` lists the options; `set +o` prints commands that restore them.
          const out = outputOf(fds, 1);
          for (const option of NAMES) out.write(on ? `${option.padEnd(16)}${host.flags[option as keyof ShellFlags] ? 'on' : 'off'}\n` : `set ${host.flags[option as keyof ShellFlags] ? '-' : '+'}o ${option}\n`);
          return 0;
        }
        if (!NAMES.has(name)) return failOption(`${sign}o ${name}`);
        host.flags[name as keyof ShellFlags] = on;
        continue;
      }
      for (const letter of arg.slice(1)) {
        const flag = LETTERS[letter];
        if (!flag) return failOption(`${sign}${letter}`);
        host.flags[flag] = on;
      }
    }
    if (i < args.length) host.args = args.slice(i);
    return 0;

    // dash ends the shell on a bad option; ash reports it and goes on with status 1 (`set -o nosuch`) or 2 (`set -Z`).
    function failOption(option: string): number {
      illegalOption(host, fds, 'set', option);
      if (host.dialect === 'dash') host.exitShell(2);
      return option.includes('o ') ? 1 : 2;
    }
  },
};

export const shift: Builtin = {
  special: true,
  run(host, argv, fds) {
    const count = argv[1] === undefined ? 1 : parseCount(host, fds, 'shift', argv[1]);
    if (count > host.args.length) {
      // dash: an error that ends the shell; ash: status 1, silently.
      if (host.dialect === 'ash') return 1;
      host.builtinError(fds, 'shift', "can't shift that many");
      host.exitShell(2);
    }
    host.args = host.args.slice(count);
    return 0;
  },
};
