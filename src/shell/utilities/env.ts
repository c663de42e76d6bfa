/**
 * `env` and `printenv` (GNU coreutils src/env.c, src/printenv.c). `env`
 * prints NAME=value lines, or runs a command with NAME=value settings, -i
 * (empty environment) and -u NAME; `printenv` prints all, or the values of
 * the names given (status 1 when one is missing).
 */
import type { CommandResult, Program } from '../types.ts';
import { usageError } from './command-line.ts';
import { commandLine, quoteWord } from './shell-words.ts';

export const printenv: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const args = ctx.argv.slice(1);
  const bad = args.find((a) => a.startsWith('-') && a !== '-0' && a !== '--null');
  if (bad) return usageError(program, bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad[1]}'`, 2);
  const terminator = args.includes('-0') || args.includes('--null') ? '\0' : '\n';
  const names = args.filter((a) => a !== '-0' && a !== '--null');
  if (names.length === 0) return { stdout: [...ctx.env].map(([k, v]) => `${k}=${v}${terminator}`).join(''), stderr: '', exitCode: 0 };
  let stdout = '';
  let missing = false;
  for (const name of names) {
    const value = ctx.env.get(name);
    if (value === undefined) missing = true;
    else stdout += value + terminator;
  }
  return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
};

export const env: Program = async (ctx): Promise<CommandResult> => {
  const program = ctx.argv[0];
  const args = ctx.argv.slice(1);
  let environment = new Map(ctx.env);
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-i' || arg === '-' || arg === '--ignore-environment') environment = new Map();
    else if (arg === '-u' || arg === '--unset') environment.delete(args[++i] ?? '');
    else if (arg.startsWith('--unset=')) environment.delete(arg.slice(8));
    else if (arg === '--') {
      i++;
      break;
    } else if (arg.startsWith('-') && arg.length > 1) return usageError(program, arg.startsWith('--') ? `unrecognized option '${arg}'` : `invalid option -- '${arg[1]}'`, 125);
    else break;
  }
  for (; i < args.length && /^[^=]+=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    environment.set(args[i].slice(0, eq), args[i].slice(eq + 1));
  }
  const command = args.slice(i);
  if (command.length === 0) return { stdout: [...environment].map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
  // The nested shell starts from our environment; unset what was removed, set what was added.
  const unsets = [...ctx.env.keys()].filter((k) => !environment.has(k));
  const sets = [...environment].filter(([k, v]) => ctx.env.get(k) !== v).map(([k, v]) => `${k}=${quoteWord(v)}`);
  const probe = `command -v ${quoteWord(command[0])} >/dev/null 2>&1 || exit 127`;
  const script = `${unsets.length ? `unset ${unsets.join(' ')}; ` : ''}${probe}\n${[...sets, commandLine(command)].join(' ')}`;
  const result = await ctx.run(script, ctx.stdin);
  if (result.exitCode === 127 && result.stdout === '' && result.stderr === '') {
    return { stdout: '', stderr: `${program}: '${command[0]}': No such file or directory\n`, exitCode: 127 };
  }
  return result;
};
