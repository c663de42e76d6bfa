/**
 * The embedded POSIX shell: every command line of a scenario runs here, on
 * the user's machine, in a container or on a node. A place gives it a file
 * system, an environment and a program table; the shell brings the builtins.
 *
 * A Shell is a session: variables, functions, the working directory and
 * options set by one run() are there for the next, as in a terminal where
 * one types line after line. `exit` or a fatal error ends only the current run.
 */
import { Interpreter } from './interpreter/interpreter.ts';
import { BufferSink, InputStream, type Descriptors } from './interpreter/io.ts';
import type { Dialect } from './interpreter/diagnostics.ts';
import { ExitSignal } from './interpreter/signals.ts';
import { Variables } from './interpreter/variables.ts';
import { Parser } from './parser/parser.ts';
import { ShellSyntaxError, describeSyntaxProblem } from './parser/syntax-error.ts';
import type { List } from './parser/ast.ts';
import type { CommandResult, FileSystem, ProgramTable } from './types.ts';

export interface ShellOptions {
  fs: FileSystem;
  cwd: string;
  /** The environment: every variable in it is exported. The shell works on a copy. */
  env: Map<string, string>;
  programs: ProgramTable;
  /** Lets time pass for `sleep` (the virtual clock on the memory backend). */
  sleep(seconds: number): Promise<void>;
  /** Message wording: busybox ash (default) or dash. */
  dialect?: Dialect;
  /** The place's host name, given to programs (`hostname`). */
  hostname?: string;
  /** `$0` and the name in messages; `sh` by default. */
  name?: string;
  /** Positional parameters `$1`... */
  args?: string[];
  /** The path `type` and `command -v` print for a program; `/usr/bin/NAME` by default. */
  programPath?(name: string): string;
  /** `$$`; 1 by default (a container's shell often is PID 1). */
  pid?: number;
  /** The script comes from a file (`sh script.sh`): changes how ash words its messages. */
  fromFile?: boolean;
  /**
   * Kills the shell: once aborted it stops before its next command with status 143, as a
   * SIGTERM would. Lets a place end a script that never ends (`while true; do sleep 1; done`).
   */
  abort?: AbortSignal;
}

/** One complete command of a script and what it did. */
export interface CommandOutcome {
  /** Its source text, here-documents included. */
  command: string;
  result: CommandResult;
}

export class Shell {
  private readonly interpreter: Interpreter;

  constructor(options: ShellOptions) {
    const dialect = options.dialect ?? 'ash';
    this.interpreter = new Interpreter(
      {
        fs: options.fs,
        programs: options.programs,
        sleep: options.sleep,
        dialect,
        hostname: options.hostname,
        programPath: options.programPath ?? ((name) => `/usr/bin/${name}`),
        pid: options.pid ?? 1,
        abort: options.abort,
      },
      { vars: new Variables(options.env), cwd: options.cwd, args: options.args ?? [], name: options.name ?? 'sh', fromFile: options.fromFile === true },
    );
  }

  /** The working directory, as `cd` left it. */
  get cwd(): string {
    return this.interpreter.cwd;
  }

  /** A shell variable's value, exported or not. */
  variable(name: string): string | undefined {
    return this.interpreter.vars.get(name);
  }

  /**
   * Runs a whole script. Returns everything it wrote to standard output and
   * standard error, the status of the last command, and the traces of the
   * network tools it ran. Never throws for anything the script does.
   */
  async run(script: string, stdin?: string): Promise<CommandResult> {
    const out = new BufferSink();
    const err = new BufferSink();
    const fds: Descriptors = [new InputStream(stdin ?? ''), out, err];
    const tracesBefore = this.interpreter.traces.length;
    let exitCode: number;
    try {
      exitCode = await this.interpreter.runSource(script, fds);
    } catch (error) {
      if (!(error instanceof ExitSignal)) throw error;
      exitCode = error.status;
      await this.interpreter.runExitTrap(fds);
    }
    this.interpreter.lastStatus = exitCode;
    return { stdout: out.text, stderr: err.text, exitCode, traces: this.interpreter.traces.slice(tracesBefore) };
  }

  /** Ends the session as a process ends: runs the EXIT trap, if one is set, and returns what it wrote. */
  async finish(): Promise<CommandResult> {
    const out = new BufferSink();
    const err = new BufferSink();
    const tracesBefore = this.interpreter.traces.length;
    await this.interpreter.runExitTrap([new InputStream(''), out, err]);
    return { stdout: out.text, stderr: err.text, exitCode: this.interpreter.lastStatus, traces: this.interpreter.traces.slice(tracesBefore) };
  }

  /**
   * Runs a script and reports each complete command (a line with its
   * here-documents) on its own, so a step can show the output of its last
   * line. Stops after `exit` or an error that ends a shell.
   */
  async runEach(script: string, stdin?: string): Promise<CommandOutcome[]> {
    const interpreter = this.interpreter;
    const parser = new Parser(script, interpreter.dialect);
    const input = new InputStream(stdin ?? '');
    const outcomes: CommandOutcome[] = [];
    for (;;) {
      const out = new BufferSink();
      const err = new BufferSink();
      const fds: Descriptors = [input, out, err];
      let list: List | undefined;
      try {
        list = parser.nextCompleteCommand();
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        err.write(interpreter.diagnostics.general(error.line, describeSyntaxProblem(error.problem, interpreter.dialect)));
        interpreter.lastStatus = 2;
        outcomes.push({ command: script.slice(parser.commandStart).replace(/\n+$/, ''), result: { stdout: '', stderr: err.text, exitCode: 2, traces: [] } });
        return outcomes;
      }
      if (!list) return outcomes;
      const command = parser.commandText();
      const tracesBefore = interpreter.traces.length;
      let exitCode: number;
      let ended = false;
      try {
        exitCode = await interpreter.runList(list, fds);
      } catch (error) {
        if (!(error instanceof ExitSignal)) throw error;
        exitCode = error.status;
        interpreter.lastStatus = exitCode;
        await interpreter.runExitTrap(fds);
        ended = true;
      }
      outcomes.push({ command, result: { stdout: out.text, stderr: err.text, exitCode, traces: interpreter.traces.slice(tracesBefore) } });
      if (ended) return outcomes;
    }
  }
}
