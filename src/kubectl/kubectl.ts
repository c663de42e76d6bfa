/**
 * `kubectl` of the memory backend: a Program bound to one cluster. It finds the
 * command the way cobra's Command.Find does (stripFlags, then subcommand names),
 * parses flags as pflag does, checks the global options kubectl checks before
 * any request, runs the command and turns any error into kubectl's text and
 * exit status (errors.ts).
 */
import type { CommandResult, Program, ProgramContext } from '../shell/types.ts';
import type { CommandSpec, Invocation } from './command.ts';
import { ROOT_COMMAND } from './command-table.ts';
import { FlagError, KubectlError, PreformattedError, formatError } from './errors.ts';
import { GLOBAL_FLAGS, type FlagSpec } from './flags/flag-spec.ts';
import { FlagParseError, HelpRequested, parseFlags } from './flags/parse-flags.ts';
import type { KubectlHost } from './host.ts';
import { Output } from './output.ts';
import { suggestionsFor } from './suggestions.ts';

function takesValue(arg: string, flags: FlagSpec[]): boolean {
  const long = arg.startsWith('--');
  const name = long ? arg.slice(2) : arg.slice(1);
  const spec = flags.find((f) => (long ? f.name === name : f.shorthand === name));
  return !spec || spec.noOptDefVal === undefined;
}

/** cobra stripFlags: the words that are not flags nor flag values, up to `--`. */
function nonFlagWords(args: string[], flags: FlagSpec[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && takesValue(s, flags);
    const shortWithValue = s.startsWith('-') && !s.startsWith('--') && !s.includes('=') && s.length === 2 && takesValue(s, flags);
    if (longWithValue || shortWithValue) {
      // cobra breaks off when at most the flag's value is left.
      if (args.length - i - 1 <= 1) break;
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

function matches(cmd: CommandSpec, word: string): boolean {
  return cmd.name === word || (cmd.aliases ?? []).includes(word);
}

/** cobra Find: the deepest command named by the leading words, and the arguments left for it. */
function findCommand(args: string[]): { path: CommandSpec[]; rest: string[] } {
  const path = [ROOT_COMMAND];
  let rest = args;
  for (;;) {
    const cmd = path[path.length - 1];
    const words = nonFlagWords(rest, [...cmd.flags, ...GLOBAL_FLAGS]);
    const next = words.length > 0 ? (cmd.subcommands ?? []).find((c) => matches(c, words[0])) : undefined;
    if (!next) {
      if (path.length === 1 && words.length > 0) {
        throw new PreformattedError(`error: unknown command "${words[0]}" for "kubectl"${suggestionsFor(words[0], ROOT_COMMAND)}`);
      }
      return { path, rest };
    }
    const at = rest.indexOf(words[0]);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    path.push(next);
  }
}

/** The checks kubectl's config loading makes before any command runs. */
function checkGlobalOptions(inv: Invocation): void {
  const { flags, host } = inv;
  const context = flags.string('context');
  if (context !== '' && context !== host.currentContext) {
    throw new PreformattedError(`Error in configuration: context was not found for specified context: ${context}`);
  }
  // rest.Config timeout parsing (genericclioptions ConfigFlags.ToRESTConfig).
  const timeout = flags.string('request-timeout');
  if (!/^(\d+|(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+)$/.test(timeout)) {
    throw new KubectlError('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  }
}

async function runCommandLine(host: KubectlHost, ctx: ProgramContext, out: Output): Promise<void> {
  const { path, rest } = findCommand(ctx.argv.slice(1));
  const cmd = path[path.length - 1];
  const commandPath = ['kubectl', ...path.slice(1).map((c) => c.name)].join(' ');
  let parsed;
  try {
    parsed = parseFlags(rest, [...cmd.flags, ...GLOBAL_FLAGS]);
  } catch (e) {
    if (e instanceof HelpRequested) {
      out.out(`Usage:\n  ${commandPath} [flags] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`);
      return;
    }
    if (e instanceof FlagParseError) throw new FlagError(e.message, commandPath);
    throw e;
  }
  for (const notice of parsed.notices) out.err(notice + '\n');
  const missing = (cmd.requiredFlags ?? []).filter((name) => !parsed.flags.changed(name)).sort();
  if (missing.length > 0) throw new KubectlError(`required flag(s) "${missing.join('", "')}" not set`);
  const inv: Invocation = { host, ctx, flags: parsed.flags, args: parsed.args, argsLenAtDash: parsed.argsLenAtDash, out, commandPath };
  checkGlobalOptions(inv);
  if (!cmd.run) {
    // cmdutil.DefaultSubCommandRun: help without arguments, an unknown subcommand with them.
    if (inv.args.length > 0) throw new KubectlError(`unknown command "${inv.args.join(' ')}"\nSee '${commandPath} -h' for help and examples`);
    const names = (cmd.subcommands ?? []).map((c) => c.name).sort();
    out.out(`Available Commands:\n${names.map((n) => `  ${n}`).join('\n')}\n\nUsage:\n  ${commandPath} SUBCOMMAND [options]\n`);
    throw new PreformattedError('');
  }
  await cmd.run(inv);
}

/** Creates the kubectl program for one cluster. */
export function createKubectl(host: KubectlHost): Program {
  return async (ctx: ProgramContext): Promise<CommandResult> => {
    const out = new Output();
    try {
      await runCommandLine(host, ctx, out);
      return { stdout: out.stdout, stderr: out.stderr, exitCode: 0 };
    } catch (e) {
      const { stderr, exitCode } = formatError(e);
      return { stdout: out.stdout, stderr: out.stderr + stderr, exitCode };
    }
  };
}
