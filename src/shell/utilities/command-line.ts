/**
 * Command-line parsing as GNU getopt_long does it for coreutils and grep:
 * clustered short options (`-nv`), values attached or separate (`-n5`,
 * `-n 5`, `--lines=5`, `--lines 5`), unambiguous long prefixes (`--lin`),
 * operands mixed with options unless `stopAtOperand`, and `--`. Error texts
 * are glibc's (posix/getopt.c), checked with the tools on this machine.
 */
import type { CommandResult } from '../types.ts';

export interface OptionSpec {
  /** The key the parsed option is reported under. */
  name: string;
  short?: string;
  long?: string;
  argument?: 'required' | 'optional';
}

export interface ParsedOption {
  name: string;
  value?: string;
}

export type ParsedCommandLine = { options: ParsedOption[]; operands: string[] } | { error: string };

export function parseCommandLine(args: readonly string[], specs: readonly OptionSpec[], settings: { stopAtOperand?: boolean } = {}): ParsedCommandLine {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const typed = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.find((s) => s.long === typed);
      const candidates = exact ? [exact] : specs.filter((s) => s.long?.startsWith(typed));
      const distinct = [...new Set(candidates.map((c) => c.long))];
      if (candidates.length === 0) return { error: `unrecognized option '${arg}'` };
      if (distinct.length > 1) return { error: `option '--${typed}' is ambiguous; possibilities:${distinct.map((d) => ` '--${d}'`).join('')}` };
      const spec = candidates[0];
      if (eq >= 0) {
        if (!spec.argument) return { error: `option '--${spec.long}' doesn't allow an argument` };
        options.push({ name: spec.name, value: arg.slice(eq + 1) });
      } else if (spec.argument === 'required') {
        if (i + 1 >= args.length) return { error: `option '--${spec.long}' requires an argument` };
        options.push({ name: spec.name, value: args[++i] });
      } else options.push({ name: spec.name });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const spec = specs.find((s) => s.short === letter);
        if (!spec) return { error: `invalid option -- '${letter}'` };
        if (!spec.argument) {
          options.push({ name: spec.name });
          continue;
        }
        const attached = arg.slice(j + 1);
        if (attached) options.push({ name: spec.name, value: attached });
        else if (spec.argument === 'optional') options.push({ name: spec.name });
        else if (i + 1 < args.length) options.push({ name: spec.name, value: args[++i] });
        else return { error: `option requires an argument -- '${letter}'` };
        break;
      }
      continue;
    }
    operands.push(arg);
    if (settings.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return { options, operands };
}

/**
 * A usage error as GNU tools print it: `PROG: MESSAGE`, an optional usage
 * line (grep prints one), then `Try 'PROG --help' for more information.`
 */
export function usageError(program: string, message: string, exitCode: number, usage?: string): CommandResult {
  const usageLine = usage ? `${usage}\n` : '';
  return { stdout: '', stderr: `${program}: ${message}\n${usageLine}Try '${program} --help' for more information.\n`, exitCode };
}

/** The last value given for an option, if any. */
export function lastValue(options: readonly ParsedOption[], name: string): string | undefined {
  for (let i = options.length - 1; i >= 0; i--) if (options[i].name === name) return options[i].value;
  return undefined;
}

export function has(options: readonly ParsedOption[], name: string): boolean {
  return options.some((o) => o.name === name);
}
