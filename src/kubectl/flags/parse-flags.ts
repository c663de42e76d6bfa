/**
 * spf13/pflag's parser (flag.go parseArgs / parseLongArg / parseSingleShortArg)
 * as cobra runs it for kubectl: flags and arguments interspersed, `--` ends the
 * flags (cobra remembers where: ArgsLenAtDash), `--name=value`, `--name value`,
 * `-nvalue`, `-n=value`, `-n value`, combined short bools `-it`, bare bools and
 * flags with a NoOptDefVal. Errors carry pflag's exact texts.
 */
import type { FlagSpec } from './flag-spec.ts';
import { GoValueError, goQuote, parseGoBool, parseGoDuration, parseGoInt } from './go-values.ts';

/** A pflag parse failure; message is pflag's text (`unknown flag: --x`). */
export class FlagParseError extends Error {}

/** `--help` or `-h` (pflag's ErrHelp): cobra prints the help text and exits 0. */
export class HelpRequested extends Error {}

type Value = string | string[];

/** The parsed values of one command line, typed by the specs. */
export class FlagValues {
  constructor(
    private readonly specs: Map<string, FlagSpec>,
    private readonly values: Map<string, Value>,
    private readonly changedNames: Set<string>,
  ) {}

  /** Whether the user set the flag (cobra's Flags().Changed). */
  changed(name: string): boolean {
    return this.changedNames.has(name);
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }

  string(name: string): string {
    const v = this.raw(name);
    return Array.isArray(v) ? v.join(',') : v;
  }

  bool(name: string): boolean {
    return parseGoBool(this.string(name));
  }

  int(name: string): number {
    return parseGoInt(this.string(name), 64);
  }

  /** Milliseconds. */
  duration(name: string): number {
    return parseGoDuration(this.string(name));
  }

  list(name: string): string[] {
    const v = this.raw(name);
    return Array.isArray(v) ? v : v === '' ? [] : [v];
  }

  private raw(name: string): Value {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`kubectl: flag ${name} is not defined for this command`);
    return this.values.get(name) ?? defaultValue(spec);
  }
}

export interface ParsedCommandLine {
  flags: FlagValues;
  /** Positional arguments, in order, including those after `--`. */
  args: string[];
  /** cobra ArgsLenAtDash: how many positional arguments came before `--`; -1 without `--`. */
  argsLenAtDash: number;
  /** Lines pflag printed on stderr while parsing (deprecation notices). */
  notices: string[];
}

function defaultValue(spec: FlagSpec): Value {
  if (spec.type === 'stringArray' || spec.type === 'stringSlice') return [];
  if (spec.type === 'bool') return spec.default ?? 'false';
  return spec.default ?? '';
}

/** pflag's stringSlice reads each value as one CSV record. */
function splitCsv(value: string): string[] {
  if (value === '') return [];
  if (!value.includes('"')) return value.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** The name pflag puts in `invalid argument` errors: `-r, --replicas` or `--timeout`. */
function flagDisplayName(spec: FlagSpec): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

/**
 * Parses `args` (the command line after the command path) against `specs`.
 * Throws FlagParseError with pflag's message on the first bad flag.
 */
export function parseFlags(args: string[], specs: FlagSpec[]): ParsedCommandLine {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const spec of specs) {
    byName.set(spec.name, spec);
    if (spec.shorthand) byShort.set(spec.shorthand, spec);
  }
  const values = new Map<string, Value>();
  const changed = new Set<string>();
  const notices: string[] = [];
  const positional: string[] = [];
  let argsLenAtDash = -1;

  const set = (spec: FlagSpec, value: string): void => {
    try {
      switch (spec.type) {
        case 'bool':
          parseGoBool(value);
          break;
        case 'int':
        case 'int64':
          parseGoInt(value, 64);
          break;
        case 'int32':
          parseGoInt(value, 32);
          break;
        case 'duration':
          parseGoDuration(value);
          break;
      }
    } catch (e) {
      if (e instanceof GoValueError) throw new FlagParseError(`invalid argument ${goQuote(value)} for ${goQuote(flagDisplayName(spec))} flag: ${e.message}`);
      throw e;
    }
    if (spec.type === 'stringArray' || spec.type === 'stringSlice') {
      const items = spec.type === 'stringSlice' ? splitCsv(value) : [value];
      const prior = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      values.set(spec.name, [...prior, ...items]);
    } else {
      values.set(spec.name, value);
    }
    changed.add(spec.name);
    if (spec.deprecated !== undefined) notices.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
  };

  let i = 0;
  while (i < args.length) {
    const s = args[i++];
    if (s.length < 2 || s[0] !== '-') {
      positional.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positional.length;
        positional.push(...args.slice(i));
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new FlagParseError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) throw name === 'help' ? new HelpRequested() : new FlagParseError(`unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
      else if (i < args.length) value = args[i++];
      else throw new FlagParseError(`flag needs an argument: ${s}`);
      set(spec, value);
      continue;
    }
    // One or more shorthands: -it, -nfoo, -n=foo, -n foo.
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const spec = byShort.get(c);
      if (!spec) throw c === 'h' ? new HelpRequested() : new FlagParseError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        next = '';
      } else if (spec.noOptDefVal !== undefined) {
        value = spec.noOptDefVal;
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = '';
      } else if (i < args.length) {
        value = args[i++];
      } else {
        throw new FlagParseError(`flag needs an argument: '${c}' in -${shorthands}`);
      }
      set(spec, value);
      shorthands = next;
    }
  }
  return { flags: new FlagValues(byName, values, changed), args: positional, argsLenAtDash, notices };
}
