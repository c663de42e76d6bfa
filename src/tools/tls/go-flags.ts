/**
 * Go's flag package (flag/flag.go) as cfssl and cfssljson use it: `-name`,
 * `--name`, `-name=value`, `-name value` for non-boolean flags; parsing stops
 * at the first argument that is not a flag, or after `--`.
 */

export type GoFlagKind = 'bool' | 'string';

export type GoFlagsParse =
  | { ok: true; values: Map<string, string>; rest: string[] }
  | { ok: false; error: string };

export function parseGoFlags(args: readonly string[], spec: Readonly<Record<string, GoFlagKind>>): GoFlagsParse {
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg.length < 2 || arg[0] !== '-') break;
    if (arg === '--') {
      i++;
      break;
    }
    let name = arg.slice(arg[1] === '-' ? 2 : 1);
    if (name === '' || name[0] === '-' || name[0] === '=') return { ok: false, error: `bad flag syntax: ${arg}` };
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const kind = spec[name];
    if (kind === undefined) return { ok: false, error: `flag provided but not defined: -${name}` };
    if (kind === 'bool') {
      values.set(name, value ?? 'true');
      continue;
    }
    if (value === undefined) {
      if (i + 1 >= args.length) return { ok: false, error: `flag needs an argument: -${name}` };
      value = args[++i];
    }
    values.set(name, value);
  }
  return { ok: true, values, rest: args.slice(i) };
}
