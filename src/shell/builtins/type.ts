/**
 * `type` and `command`. Texts (dash 0.5.12, busybox 1.35 ash):
 * `cd is a shell builtin`, `ls is /usr/bin/ls`, `f is a shell function`
 * (ash: `f is a function`), `if is a shell keyword`, `x: not found` (on
 * standard output, status 127).
 */
import { outputOf, type Descriptors } from '../interpreter/io.ts';
import type { Builtin, BuiltinHost } from './builtin.ts';

function describeLine(host: BuiltinHost, name: string): string | undefined {
  const kind = host.describe(name);
  if (!kind) return undefined;
  switch (kind.kind) {
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'special builtin':
      return host.dialect === 'dash' ? `${name} is a special shell builtin` : `${name} is a special shell builtin`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'function':
      return host.dialect === 'dash' ? `${name} is a shell function` : `${name} is a function`;
    case 'program':
      return `${name} is ${kind.path}`;
  }
}

function typeOf(host: BuiltinHost, names: string[], fds: Descriptors): number {
  const out = outputOf(fds, 1);
  let status = 0;
  for (const name of names) {
    const line = describeLine(host, name);
    if (line) out.write(`${line}\n`);
    else {
      out.write(`${name}: not found\n`);
      status = 127;
    }
  }
  return status;
}

export const type: Builtin = {
  special: false,
  run(host, argv, fds) {
    return typeOf(host, argv.slice(1), fds);
  },
};

export const command: Builtin = {
  special: false,
  async run(host, argv, fds) {
    let args = argv.slice(1);
    let mode: 'run' | 'v' | 'V' = 'run';
    while (args[0]?.startsWith('-') && args[0].length > 1) {
      const option = args.shift()!;
      if (option === '--') break;
      for (const letter of option.slice(1)) {
        if (letter === 'v') mode = 'v';
        else if (letter === 'V') mode = 'V';
        // -p (default PATH) changes nothing here: programs come from the place's table.
      }
    }
    if (args.length === 0) return 0;
    if (mode === 'V') return typeOf(host, args, fds);
    if (mode === 'v') {
      const out = outputOf(fds, 1);
      let status = 0;
      for (const name of args) {
        const kind = host.describe(name);
        if (!kind) status = 127;
        else out.write(`${kind.kind === 'program' ? kind.path : name}\n`);
      }
      return status;
    }
    return host.runCommand(args, fds, { skipFunctions: true });
  },
};
