/**
 * Command-line options the way OpenSSL 3's apps parse them (apps/lib/opt.c
 * opt_next): `-name` or `--name`, a value in the next argument or after `=`,
 * options end at the first argument that does not start with `-`.
 */

export type OptionKind = 'flag' | 'value';

export interface ParsedOptions {
  /** The last value of each option. */
  values: Map<string, string>;
  /** Every value of each option, for options that may repeat (`-addext`). */
  repeated: Map<string, string[]>;
  flags: Set<string>;
  /** Every option in the order given (the print options of `x509` print in this order). */
  order: string[];
  /** The arguments after the options. */
  rest: string[];
}

export type OptionsParse = { ok: true; options: ParsedOptions } | { ok: false; stderr: string };

/**
 * Parses `args` for `program`. `unknown` decides what an option not in `spec`
 * is: 'keep' records it as a flag (digest names, which x509 accepts), or it
 * returns the complete error text.
 */
export function parseOptions(program: string, args: readonly string[], spec: Readonly<Record<string, OptionKind>>, unknown: (name: string) => 'keep' | string): OptionsParse {
  const options: ParsedOptions = { values: new Map(), repeated: new Map(), flags: new Set(), order: [], rest: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    let name = arg.replace(/^--?/, '');
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      inline = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const kind = spec[name];
    if (kind === undefined) {
      const verdict = unknown(name);
      if (verdict !== 'keep') return { ok: false, stderr: verdict };
      options.flags.add(name);
      options.order.push(name);
      continue;
    }
    if (kind === 'flag') {
      options.flags.add(name);
    } else {
      const value = inline ?? args[++i];
      if (value === undefined) return { ok: false, stderr: `${program}: Option -${name} needs a value\n${program}: Use -help for summary.\n` };
      options.values.set(name, value);
      options.repeated.set(name, [...(options.repeated.get(name) ?? []), value]);
    }
    options.order.push(name);
  }
  options.rest = args.slice(i);
  return { ok: true, options };
}

/** opt_int: a decimal number, or OpenSSL's message. */
export function parseNumber(program: string, text: string): { ok: true; value: number } | { ok: false; stderr: string } {
  if (!/^-?\d+$/.test(text)) return { ok: false, stderr: `${program}: Can't parse "${text}" as a number\n${program}: Use -help for summary.\n` };
  return { ok: true, value: Number(text) };
}
