/**
 * `cd` and `pwd`. Messages (dash 0.5.12, busybox 1.35 ash on this machine):
 * dash `cd: can't cd to X`; ash `cd: can't cd to X: No such file or directory`
 * (or `: Not a directory`); both exit 2.
 */
import { outputOf } from '../interpreter/io.ts';
import type { Builtin } from './builtin.ts';

export const cd: Builtin = {
  special: false,
  run(host, argv, fds) {
    const operands = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
    let target: string | undefined = operands[0];
    let print = false;
    if (target === undefined) {
      target = host.vars.get('HOME');
      if (target === undefined || target === '') return 0;
    } else if (target === '-') {
      target = host.vars.get('OLDPWD') ?? host.cwd;
      print = true;
    } else if (target === '') return 0;
    const path = host.fs.resolve(host.cwd, target);
    if (!host.fs.isDirectory(path)) {
      const reason = host.fs.exists(path) ? 'Not a directory' : 'No such file or directory';
      host.builtinError(fds, 'cd', host.dialect === 'ash' ? `can't cd to ${target}: ${reason}` : `can't cd to ${target}`);
      return 2;
    }
    const old = host.cwd;
    host.cwd = path;
    // PWD and OLDPWD follow the directory; a read-only one is left as it is.
    if (!host.vars.isReadonly('OLDPWD')) host.vars.set('OLDPWD', old);
    if (!host.vars.isReadonly('PWD')) host.vars.set('PWD', path);
    if (print) outputOf(fds, 1).write(`${path}\n`);
    return 0;
  },
};

export const pwd: Builtin = {
  special: false,
  run(host, _argv, fds) {
    outputOf(fds, 1).write(`${host.cwd}\n`);
    return 0;
  },
};
