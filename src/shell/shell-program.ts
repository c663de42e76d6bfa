/**
 * `sh` as a program of a place: `sh -c 'script' [name [args]]`, `sh file
 * [args]`, and `sh` or `sh -s` reading the script from standard input. Each
 * run is a new shell process: its working directory and environment come from
 * the caller, as a child process inherits them. Options -e, -u, -x, -f.
 * Messages checked with dash 0.5.12 and busybox 1.35 ash.
 */
import { Shell, type ShellOptions } from './shell.ts';
import type { Program, ProgramContext } from './types.ts';

export function shellProgram(optionsFactory: (ctx: ProgramContext) => ShellOptions): Program {
  return async (ctx) => {
    const base = optionsFactory(ctx);
    const dialect = base.dialect ?? 'ash';
    const name = ctx.argv[0].slice(ctx.argv[0].lastIndexOf('/') + 1) || 'sh';
    const args = ctx.argv.slice(1);
    const flags: string[] = [];
    let command: string | undefined;
    let fromStdin = false;
    let i = 0;
    for (; i < args.length; i++) {
      const arg = args[i];
      if (arg === '--' || arg === '-') {
        i++;
        break;
      }
      if (!/^[-+][a-zA-Z]+$/.test(arg)) break;
      for (const letter of arg.slice(1)) {
        if (letter === 'c' && arg[0] === '-') {
          if (command === undefined) command = '';
        } else if (letter === 's') fromStdin = true;
        else if ('euxf'.includes(letter)) flags.push(`${arg[0]}${letter}`);
        else if (letter !== 'i' && letter !== 'l') {
          const message = dialect === 'ash' ? `${name}: illegal option -${letter}\n` : `${name}: 0: Illegal option -${letter}\n`;
          return { stdout: '', stderr: message, exitCode: 2 };
        }
      }
    }
    let script: string;
    let scriptName = name;
    let positional: string[];
    let fromFile = false;
    if (command !== undefined) {
      if (i >= args.length) {
        const message = dialect === 'ash' ? `${name}: -c requires an argument\n` : `${name}: 0: -c requires an argument\n`;
        return { stdout: '', stderr: message, exitCode: 2 };
      }
      script = args[i];
      scriptName = args[i + 1] ?? name;
      positional = args.slice(i + 2);
    } else if (fromStdin || i >= args.length) {
      script = ctx.stdin;
      positional = args.slice(i);
    } else {
      const file = args[i];
      const text = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file));
      if (text === undefined) {
        const message = dialect === 'ash' ? `${name}: can't open '${file}': No such file or directory\n` : `${name}: 0: cannot open ${file}: No such file\n`;
        return { stdout: '', stderr: message, exitCode: 2 };
      }
      script = text;
      scriptName = file;
      fromFile = true;
      positional = args.slice(i + 1);
    }
    const shell = new Shell({ ...base, cwd: ctx.cwd, env: new Map(ctx.env), name: scriptName, args: positional, fromFile });
    if (flags.length) await shell.run(`set ${flags.join(' ')}`);
    const result = await shell.run(script, command !== undefined || fromFile ? ctx.stdin : '');
    // The process ends here: its EXIT trap runs.
    const trap = await shell.finish();
    return { stdout: result.stdout + trap.stdout, stderr: result.stderr + trap.stderr, exitCode: result.exitCode, traces: [...(result.traces ?? []), ...(trap.traces ?? [])] };
  };
}
