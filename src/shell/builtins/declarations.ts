/**
 * `export`, `readonly`, `unset` and `local`. Listings print `export NAME='value'`
 * with `'"'"'` for a quote inside, as dash and ash do.
 */
import { outputOf, type Descriptors } from '../interpreter/io.ts';
import { ReadonlyVariableError } from '../interpreter/variables.ts';
import { illegalOption, type Builtin, type BuiltinHost } from './builtin.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value quoted the way `set`, `export -p` and `readonly -p` print it. */
export function quoteValue(value: string): string {
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

function declare(kind: 'export' | 'readonly'): Builtin {
  return {
    special: true,
    run(host, argv, fds) {
      let args = argv.slice(1);
      let print = false;
      while (args[0]?.startsWith('-') && args[0] !== '-') {
        const option = args.shift()!;
        if (option === '--') break;
        if (option === '-p') print = true;
        else {
          illegalOption(host, fds, kind, option);
          host.exitShell(2);
        }
      }
      if (args.length === 0 || print) {
        const out = outputOf(fds, 1);
        for (const v of host.vars.entries()) {
          if (kind === 'export' ? !v.exported : !v.readonly) continue;
          out.write(v.value === undefined ? `${kind} ${v.name}\n` : `${kind} ${v.name}=${quoteValue(v.value)}\n`);
        }
        return 0;
      }
      for (const arg of args) {
        const eq = arg.indexOf('=');
        const name = eq < 0 ? arg : arg.slice(0, eq);
        if (!NAME.test(name)) {
          host.builtinError(fds, kind, `${name}: bad variable name`);
          host.exitShell(2);
        }
        try {
          if (eq >= 0) host.vars.set(name, arg.slice(eq + 1));
        } catch (error) {
          if (!(error instanceof ReadonlyVariableError)) throw error;
          readOnlyError(host, fds, kind, name);
        }
        if (kind === 'export') host.vars.markExported(name);
        else host.vars.markReadonly(name);
      }
      return 0;
    },
  };
}

function readOnlyError(host: BuiltinHost, fds: Descriptors, builtin: string, name: string): never {
  host.builtinError(fds, builtin, `${name}: is read only`);
  host.exitShell(2);
}

export const exportBuiltin = declare('export');
export const readonlyBuiltin = declare('readonly');

export const unset: Builtin = {
  special: true,
  run(host, argv, fds) {
    let functions = false;
    let args = argv.slice(1);
    while (args[0]?.startsWith('-')) {
      const option = args.shift()!;
      if (option === '--') break;
      if (option === '-f') functions = true;
      else if (option !== '-v') {
        illegalOption(host, fds, 'unset', option);
        host.exitShell(2);
      }
    }
    for (const name of args) {
      if (functions) {
        host.functions.delete(name);
        continue;
      }
      try {
        host.vars.unset(name);
      } catch (error) {
        if (!(error instanceof ReadonlyVariableError)) throw error;
        readOnlyError(host, fds, 'unset', name);
      }
    }
    return 0;
  },
};

export const local: Builtin = {
  special: false,
  run(host, argv, fds) {
    if (host.functionDepth === 0) {
      host.builtinError(fds, 'local', 'not in a function');
      host.exitShell(2);
    }
    for (const arg of argv.slice(1)) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        host.builtinError(fds, 'local', `${name}: bad variable name`);
        host.exitShell(2);
      }
      host.makeLocal(name);
      if (eq >= 0) host.vars.set(name, arg.slice(eq + 1));
    }
    return 0;
  },
};
