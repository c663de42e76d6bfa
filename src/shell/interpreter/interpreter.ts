/**
 * Runs the syntax tree (XCU 2.9): lists, pipelines, compound commands,
 * simple commands with their expansions, assignments and redirections, and
 * the search for a command name: special builtins, functions, builtins, then
 * the place's programs.
 *
 * Commands run one after the other, `&` included; a pipeline runs left to
 * right, each command reading what the previous one wrote. Each command of a
 * pipeline and each `( )` or `$( )` runs in a copy of the shell, so its
 * variable changes stay there, as in dash.
 */
import type { AndOr, Case, Command, For, If, List, Loop, Pipeline, Redirection, SimpleCommand } from '../parser/ast.ts';
import { Parser } from '../parser/parser.ts';
import { ShellSyntaxError, describeSyntaxProblem } from '../parser/syntax-error.ts';
import { expandPattern, expandToString, expandWords, type ExpansionHost } from '../expansion/expander.ts';
import { matchPattern } from '../expansion/pattern.ts';
import type { Builtin, BuiltinHost, CommandKind, ShellFlags } from '../builtins/builtin.ts';
import { BUILTINS, RESERVED_WORDS } from '../builtins/builtins.ts';
import { FileSystemError, type CommandResult, type FileSystem, type Program, type ProgramContext, type ProgramTable } from '../types.ts';
import type { Trace } from '../../trace/trace.ts';
import { BufferSink, FileSink, InputStream, NULL_SINK, inputOf, outputOf, type Descriptors } from './io.ts';
import { Diagnostics, type Dialect } from './diagnostics.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from './signals.ts';
import { ReadonlyVariableError, Variables, type SavedVariable } from './variables.ts';

/** Everything a shell needs from its place. */
export interface InterpreterSetup {
  fs: FileSystem;
  programs: ProgramTable;
  sleep(seconds: number): Promise<void>;
  dialect: Dialect;
  hostname?: string;
  /** The path `type` and `command -v` print for a program. */
  programPath(name: string): string;
  /** Shell process id, for `$$`. */
  pid: number;
  /** Ends the shell as a kill would (status 143), checked before each command and loop round. */
  abort?: AbortSignal;
}

/** Directories whose programs a path like `/usr/bin/env` names. */
const PROGRAM_DIRECTORIES = new Set(['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

export class Interpreter implements ExpansionHost, BuiltinHost {
  readonly dialect: Dialect;
  readonly fs: FileSystem;
  readonly functions: Map<string, Command>;
  readonly flags: ShellFlags;
  readonly diagnostics: Diagnostics;
  vars: Variables;
  cwd: string;
  args: string[];
  lastStatus = 0;
  functionDepth = 0;
  loopDepth = 0;
  /** Traces of the programs run, shared with subshells. */
  traces: Trace[];
  /** `trap` actions; a subshell starts with none. */
  readonly traps = new Map<string, string>();
  /** The line of the command being run, for messages. */
  private line = 1;
  /** The descriptors of the command being expanded: where a `$( )` writes its errors. */
  private currentFds: Descriptors = [];
  /** The status of the last command substitution of the current command: `$?` of `x=$(false)`. */
  private substitutionStatus: number | undefined;
  /** Depth of `if`/`while` conditions, `!` and non-final `&&`/`||` parts, where `set -e` does not apply. */
  private conditionDepth = 0;
  /** Per function call: variables made local, to restore. */
  private localFrames: SavedVariable[][] = [];

  constructor(
    readonly setup: InterpreterSetup,
    state: { vars: Variables; cwd: string; args: string[]; name: string; fromFile: boolean; functions?: Map<string, Command>; flags?: ShellFlags; traces?: Trace[] },
  ) {
    this.dialect = setup.dialect;
    this.fs = setup.fs;
    this.vars = state.vars;
    this.cwd = state.cwd;
    this.args = state.args;
    this.functions = state.functions ?? new Map();
    this.flags = state.flags ?? { errexit: false, nounset: false, xtrace: false, noglob: false };
    this.traces = state.traces ?? [];
    this.diagnostics = new Diagnostics(setup.dialect, state.name, state.fromFile);
  }

  /** A copy for a subshell: same place, copied state, shared traces. */
  subshell(): Interpreter {
    const copy = new Interpreter(this.setup, {
      vars: this.vars.clone(),
      cwd: this.cwd,
      args: this.args.slice(),
      name: this.diagnostics.name,
      fromFile: this.diagnostics.fromFile,
      functions: new Map(this.functions),
      flags: { ...this.flags },
      traces: this.traces,
    });
    copy.lastStatus = this.lastStatus;
    copy.line = this.line;
    copy.functionDepth = this.functionDepth;
    return copy;
  }

  /**
   * Parses and runs a script one complete command at a time, as dash does:
   * a syntax error stops the script after the commands before it ran.
   * Throws ExitSignal.
   */
  async runSource(source: string, fds: Descriptors, firstLine = 1): Promise<number> {
    const parser = new Parser(source, this.dialect, firstLine);
    for (;;) {
      let list: List | undefined;
      try {
        list = parser.nextCompleteCommand();
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error;
        outputOf(fds, 2).write(this.diagnostics.general(error.line, describeSyntaxProblem(error.problem, this.dialect)));
        throw new ExitSignal(2);
      }
      if (!list) return this.lastStatus;
      await this.runList(list, fds);
    }
  }

  /** Runs the EXIT trap, once, when the shell ends. */
  async runExitTrap(fds: Descriptors): Promise<void> {
    const action = this.traps.get('EXIT');
    if (action === undefined) return;
    this.traps.delete('EXIT');
    const status = this.lastStatus;
    await this.runIsolated(() => this.runSource(action, fds));
    this.lastStatus = status;
  }

  /** Runs `body` as a subshell would: `exit` and fatal errors end only it. */
  async runIsolated(body: () => Promise<number>): Promise<number> {
    try {
      return await body();
    } catch (error) {
      if (error instanceof ExitSignal || error instanceof ReturnSignal) return error.status;
      if (error instanceof LoopSignal) return 0;
      throw error;
    }
  }

  async runList(list: List, fds: Descriptors): Promise<number> {
    for (const item of list.items) await this.runAndOr(item.command, fds);
    return this.lastStatus;
  }

  private async runAndOr(andOr: AndOr, fds: Descriptors): Promise<number> {
    let status = await this.runPipeline(andOr.first, fds, andOr.rest.length > 0);
    for (let i = 0; i < andOr.rest.length; i++) {
      const { op, pipeline } = andOr.rest[i];
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.runPipeline(pipeline, fds, i < andOr.rest.length - 1);
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, fds: Descriptors, inCondition: boolean): Promise<number> {
    const quiet = inCondition || pipeline.negated;
    if (quiet) this.conditionDepth++;
    let status: number;
    try {
      const commands = pipeline.commands;
      if (commands.length === 1) status = await this.execute(commands[0], fds);
      else {
        let input = inputOf(fds, 0);
        status = 0;
        for (let i = 0; i < commands.length; i++) {
          const last = i === commands.length - 1;
          const pipe = last ? undefined : new BufferSink();
          const childFds = [input, pipe ?? fds[1], ...fds.slice(2)];
          const child = this.subshell();
          status = await child.runIsolated(() => child.execute(commands[i], childFds));
          if (pipe) input = new InputStream(pipe.text);
        }
      }
    } finally {
      if (quiet) this.conditionDepth--;
    }
    if (pipeline.negated) status = status === 0 ? 1 : 0;
    this.lastStatus = status;
    if (status !== 0 && this.flags.errexit && !quiet && this.conditionDepth === 0) throw new ExitSignal(status);
    return status;
  }

  private async execute(command: Command, fds: Descriptors): Promise<number> {
    if (command.type === 'simple') return this.runSimple(command, fds);
    if (command.type === 'function') {
      this.functions.set(command.name, command.body);
      return (this.lastStatus = 0);
    }
    let inner = fds;
    if (command.redirections.length) {
      this.currentFds = fds;
      const redirected = await this.redirect(command.redirections, fds);
      if (!redirected) return (this.lastStatus = this.redirectionFailureStatus());
      inner = redirected;
    }
    switch (command.type) {
      case 'group':
        return this.runList(command.body, inner);
      case 'subshell': {
        const child = this.subshell();
        return (this.lastStatus = await child.runIsolated(() => child.runList(command.body, inner)));
      }
      case 'if':
        return this.runIf(command, inner);
      case 'for':
        return this.runFor(command, inner);
      case 'loop':
        return this.runLoop(command, inner);
      case 'case':
        return this.runCase(command, inner);
    }
  }

  private async runCondition(list: List, fds: Descriptors): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.runList(list, fds);
    } finally {
      this.conditionDepth--;
    }
  }

  private async runIf(command: If, fds: Descriptors): Promise<number> {
    for (const clause of command.clauses) {
      if ((await this.runCondition(clause.condition, fds)) === 0) return this.runList(clause.body, fds);
    }
    if (command.elseBody) return this.runList(command.elseBody, fds);
    return (this.lastStatus = 0);
  }

  /** Runs a loop body; returns 'break' or 'continue' when a signal for this loop arrived. */
  private async runBody(body: List, fds: Descriptors): Promise<'break' | 'continue' | undefined> {
    try {
      await this.runList(body, fds);
      return undefined;
    } catch (error) {
      if (!(error instanceof LoopSignal)) throw error;
      if (error.levels > 1) {
        error.levels--;
        throw error;
      }
      return error.kind;
    }
  }

  private async runFor(command: For, fds: Descriptors): Promise<number> {
    this.currentFds = fds;
    const items = command.items ? await expandWords(command.items, this) : this.args.slice();
    let status = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        this.assign(command.variable, item);
        const signal = await this.runBody(command.body, fds);
        status = this.lastStatus;
        if (signal === 'break') {
          status = 0;
          break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return (this.lastStatus = status);
  }

  private async runLoop(command: Loop, fds: Descriptors): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        this.checkAbort();
        const condition = await this.runCondition(command.condition, fds);
        if ((condition === 0) === command.until) break;
        const signal = await this.runBody(command.body, fds);
        status = this.lastStatus;
        if (signal === 'break') {
          status = 0;
          break;
        }
      }
    } finally {
      this.loopDepth--;
    }
    return (this.lastStatus = status);
  }

  private async runCase(command: Case, fds: Descriptors): Promise<number> {
    this.currentFds = fds;
    const subject = await expandToString(command.subject, this);
    for (const item of command.items) {
      for (const patternWord of item.patterns) {
        if (matchPattern(await expandPattern(patternWord, this), subject)) {
          if (!item.body) return (this.lastStatus = 0);
          return this.runList(item.body, fds);
        }
      }
    }
    return (this.lastStatus = 0);
  }

  /** A killed shell stops before its next command, as SIGTERM ends a process (128 + 15). */
  private checkAbort(): void {
    if (this.setup.abort?.aborted) throw new ExitSignal(143);
  }

  private async runSimple(command: SimpleCommand, fds: Descriptors): Promise<number> {
    this.checkAbort();
    this.line = command.line;
    this.currentFds = fds;
    this.substitutionStatus = undefined;
    const argv = command.words.length ? await expandWords(command.words, this) : [];
    const name = argv[0];
    const builtin = name !== undefined ? BUILTINS.get(name) : undefined;
    const permanent = name === undefined || builtin?.special === true;

    // Assignments: permanent with no command or a special builtin, else for this command only.
    const saved: SavedVariable[] = [];
    const assigned: string[] = [];
    for (const assignment of command.assignments) {
      const value = await expandToString(assignment.value, this);
      if (!permanent) saved.push(this.vars.save(assignment.name));
      try {
        this.vars.set(assignment.name, value, { export: !permanent });
      } catch (error) {
        if (!(error instanceof ReadonlyVariableError)) throw error;
        this.restoreAll(saved);
        this.fail(`${assignment.name}: is read only`);
      }
      assigned.push(`${assignment.name}=${value}`);
    }
    try {
      if (this.flags.xtrace && (assigned.length || argv.length)) outputOf(fds, 2).write(this.xtraceLine(assigned, argv));
      let commandFds = fds;
      if (command.redirections.length) {
        const redirected = await this.redirect(command.redirections, fds);
        if (!redirected) {
          if (builtin?.special) throw new ExitSignal(this.redirectionFailureStatus());
          return (this.lastStatus = this.redirectionFailureStatus());
        }
        commandFds = redirected;
      }
      if (name === undefined) return (this.lastStatus = this.substitutionStatus ?? 0);
      if (name === 'exec' && argv.length === 1 && commandFds !== fds) {
        // `exec >file` with no command: the redirections stay for the rest of the shell.
        (fds as Descriptors[number][]).splice(0, fds.length, ...commandFds);
        return (this.lastStatus = 0);
      }
      return (this.lastStatus = await this.invoke(argv, commandFds, { skipFunctions: false, builtin }));
    } finally {
      this.restoreAll(saved);
    }
  }

  private restoreAll(saved: SavedVariable[]): void {
    for (let i = saved.length - 1; i >= 0; i--) this.vars.restore(saved[i]);
  }

  private xtraceLine(assigned: string[], argv: string[]): string {
    // dash prints words as they are; busybox ash quotes reserved words and words with characters
    // outside its safe set (checked with `busybox sh -c 'set -x; echo if a=b [ ] ...'`).
    const show = this.dialect === 'ash' ? (w: string) => (w === '' || (/^[A-Za-z0-9_@+:,./\]-]+$/.test(w) && !RESERVED_WORDS.has(w)) ? w : `'${w.replace(/'/g, `'"'"'`)}'`) : (w: string) => w;
    return `+ ${[...assigned, ...argv.map(show)].join(' ')}\n`;
  }

  /** Finds and runs a command by name. */
  private async invoke(argv: string[], fds: Descriptors, options: { skipFunctions: boolean; builtin?: Builtin }): Promise<number> {
    const name = argv[0];
    const builtin = options.builtin ?? BUILTINS.get(name);
    if (builtin?.special) return builtin.run(this, argv, fds);
    const fn = options.skipFunctions ? undefined : this.functions.get(name);
    if (fn) return this.callFunction(fn, argv, fds);
    if (builtin) return builtin.run(this, argv, fds);
    const program = this.findProgram(name);
    if (program) return this.runProgram(name, program, argv, fds);
    if (name.includes('/')) return this.runScriptFile(argv, fds);
    outputOf(fds, 2).write(this.diagnostics.notFound(this.line, name));
    return 127;
  }

  private findProgram(name: string): Program | undefined {
    const direct = this.setup.programs.get(name);
    if (direct) return name.includes('/') ? undefined : direct;
    const slash = name.lastIndexOf('/');
    if (slash < 0) return undefined;
    const directory = slash === 0 ? '/' : name.slice(0, slash);
    if (!PROGRAM_DIRECTORIES.has(directory)) return undefined;
    return this.setup.programs.get(name.slice(slash + 1));
  }

  private async callFunction(body: Command, argv: string[], fds: Descriptors): Promise<number> {
    const savedArgs = this.args;
    this.args = argv.slice(1);
    this.functionDepth++;
    const frame: SavedVariable[] = [];
    this.localFrames.push(frame);
    try {
      return await this.execute(body, fds);
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.localFrames.pop();
      this.restoreAll(frame);
      this.functionDepth--;
      this.args = savedArgs;
    }
  }

  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (frame && !frame.some((s) => s.name === name)) frame.push(this.vars.save(name));
  }

  programContext(argv: string[], fds: Descriptors): ProgramContext {
    const env = this.vars.environment();
    const input = inputOf(fds, 0);
    let stdin: string | undefined;
    return {
      argv,
      // Read lazily: a program that does not read its input leaves it for the next command (`while read`).
      get stdin() {
        if (stdin === undefined) stdin = input.readAll();
        return stdin;
      },
      stdinIsFile: input.fromFile,
      env,
      cwd: this.cwd,
      fs: this.fs,
      hostname: this.setup.hostname,
      run: (script, stdinText) => this.runNested(script, stdinText, env),
      sleep: (seconds) => this.setup.sleep(seconds),
    };
  }

  private async runProgram(name: string, program: Program, argv: string[], fds: Descriptors): Promise<number> {
    const ctx = this.programContext(argv, fds);
    let result: CommandResult;
    try {
      result = await program(ctx);
    } catch (error) {
      // A program that throws is a bug of ours; the user sees one line, never a stack trace.
      const message = error instanceof Error ? error.message : String(error);
      outputOf(fds, 2).write(this.diagnostics.general(this.line, `${name}: internal error: ${message}`));
      return 1;
    }
    if (result.stdout) outputOf(fds, 1).write(result.stdout);
    if (result.stderr) outputOf(fds, 2).write(result.stderr);
    if (result.traces) this.traces.push(...result.traces);
    return result.exitCode & 255;
  }

  /** `./script.sh`: a file of the place run by a new shell; a missing one is "not found". */
  private async runScriptFile(argv: string[], fds: Descriptors): Promise<number> {
    const path = this.fs.resolve(this.cwd, argv[0]);
    const text = this.fs.readFile(path);
    if (text === undefined) {
      if (this.fs.isDirectory(path)) {
        outputOf(fds, 2).write(this.diagnostics.general(this.line, `${argv[0]}: Permission denied`));
        return 126;
      }
      outputOf(fds, 2).write(this.diagnostics.notFound(this.line, argv[0]));
      return 127;
    }
    const child = new Interpreter(this.setup, { vars: new Variables(this.vars.environment()), cwd: this.cwd, args: argv.slice(1), name: argv[0], fromFile: true, traces: this.traces });
    return child.runIsolated(() => child.runSource(text, fds));
  }

  /** ProgramContext.run: a new shell in the same place with the program's environment. */
  async runNested(script: string, stdin: string | undefined, env: ReadonlyMap<string, string>): Promise<CommandResult> {
    const child = new Interpreter(this.setup, { vars: new Variables(env), cwd: this.cwd, args: [], name: 'sh', fromFile: false });
    const out = new BufferSink();
    const err = new BufferSink();
    const status = await child.runIsolated(() => child.runSource(script, [new InputStream(stdin ?? ''), out, err]));
    return { stdout: out.text, stderr: err.text, exitCode: status, traces: child.traces };
  }

  // ---- redirections ----

  private redirectionFailureStatus(): number {
    // ash: 1; dash: 2 (checked with `echo > /no/x; echo $?`).
    return this.dialect === 'ash' ? 1 : 2;
  }

  /** Applies redirections to a copy of `fds`; undefined (after the message) when one fails. */
  private async redirect(redirections: readonly Redirection[], fds: Descriptors): Promise<Descriptors | undefined> {
    const out = fds.slice();
    for (const r of redirections) {
      const fd = r.fd ?? (r.op[0] === '<' ? 0 : 1);
      if (r.heredoc) {
        const body = r.heredoc.quoted ? (r.heredoc.body.parts[0]?.type === 'quoted' ? r.heredoc.body.parts[0].value : '') : await expandToString(r.heredoc.body, this);
        out[fd] = new InputStream(body);
        continue;
      }
      const target = await expandToString(r.target, this);
      if (r.op === '>&' || r.op === '<&') {
        if (target === '-') {
          out[fd] = undefined;
          continue;
        }
        const source = /^\d+$/.test(target) ? out[Number(target)] : undefined;
        if (!source) {
          outputOf(fds, 2).write(this.diagnostics.general(this.line, `${target}: Bad file descriptor`));
          return undefined;
        }
        out[fd] = source;
        continue;
      }
      const opened = this.open(r.op, target, out);
      if (typeof opened === 'string') {
        outputOf(fds, 2).write(this.diagnostics.general(this.line, opened));
        return undefined;
      }
      out[fd] = opened;
    }
    return out;
  }

  /** Opens a file for a redirection, or returns the error message. */
  private open(op: Redirection['op'], target: string, fds: Descriptors): InputStream | BufferSink | FileSink | typeof NULL_SINK | string {
    // Device files every Linux place has, whether or not its file system holds them.
    if (target === '/dev/null') return op === '<' ? new InputStream('') : NULL_SINK;
    if (op !== '<' && (target === '/dev/stdout' || target === '/dev/stderr')) return outputOf(fds, target === '/dev/stdout' ? 1 : 2);
    const path = this.fs.resolve(this.cwd, target);
    const ash = this.dialect === 'ash';
    if (op === '<') {
      const content = this.fs.readFile(path);
      if (content !== undefined) return new InputStream(content, true);
      if (this.fs.isDirectory(path)) return new InputStream('');
      return ash ? `can't open ${target}: no such file` : `cannot open ${target}: No such file`;
    }
    try {
      if (op === '<>') {
        const content = this.fs.readFile(path);
        if (content === undefined) this.fs.writeFile(path, '');
        return new InputStream(content ?? '');
      }
      this.fs.writeFile(path, '', { append: op === '>>' });
      return new FileSink(this.fs, path);
    } catch (error) {
      if (!(error instanceof FileSystemError)) throw error;
      return ash ? `can't create ${target}: ${createErrorText(error.code, 'ash')}` : `cannot create ${target}: ${createErrorText(error.code, 'dash')}`;
    }
  }

  // ---- ExpansionHost ----

  get nounset(): boolean {
    return this.flags.nounset;
  }

  get noglob(): boolean {
    return this.flags.noglob;
  }

  getVariable(name: string): string | undefined {
    return this.vars.get(name);
  }

  setVariable(name: string, value: string): void {
    this.assign(name, value);
  }

  private assign(name: string, value: string): void {
    try {
      this.vars.set(name, value);
    } catch (error) {
      if (error instanceof ReadonlyVariableError) this.fail(`${name}: is read only`);
      throw error;
    }
  }

  positional(): readonly string[] {
    return this.args;
  }

  special(name: string): string {
    switch (name) {
      case '?':
        return String(this.lastStatus);
      case '$':
        return String(this.setup.pid);
      case '!':
        return '';
      case '0':
        return this.diagnostics.name;
      case '-': {
        // Letters in the order each shell lists them (dash: uxfe; busybox ash: uxcfe, c for `sh -c`).
        const on: Record<string, boolean> = { u: this.flags.nounset, x: this.flags.xtrace, c: this.dialect === 'ash' && !this.diagnostics.fromFile, f: this.flags.noglob, e: this.flags.errexit };
        return ['u', 'x', 'c', 'f', 'e'].filter((letter) => on[letter]).join('');
      }
      default:
        return '';
    }
  }

  async commandSubstitution(body: List): Promise<string> {
    const out = new BufferSink();
    const fds = this.currentFds;
    const child = this.subshell();
    const status = await child.runIsolated(() => child.runList(body, [inputOf(fds, 0), out, ...fds.slice(2)]));
    this.substitutionStatus = status;
    this.currentFds = fds;
    return out.text;
  }

  fail(message: string): never {
    outputOf(this.currentFds, 2).write(this.diagnostics.general(this.line, message));
    throw new ExitSignal(2);
  }

  // ---- BuiltinHost ----

  builtinError(fds: Descriptors, builtin: string, message: string): void {
    outputOf(fds, 2).write(this.diagnostics.builtin(this.line, builtin, message));
  }

  exitShell(status: number): never {
    throw new ExitSignal(status);
  }

  async evaluate(script: string, fds: Descriptors): Promise<number> {
    const line = this.line;
    const status = await this.runSource(script, fds, line);
    this.line = line;
    return status;
  }

  runCommand(argv: string[], fds: Descriptors, options: { skipFunctions: boolean }): Promise<number> {
    return this.invoke(argv, fds, options);
  }

  describe(name: string): CommandKind | undefined {
    if (RESERVED_WORDS.has(name)) return { kind: 'keyword' };
    const builtin = BUILTINS.get(name);
    if (builtin?.special) return { kind: 'special builtin' };
    if (this.functions.has(name)) return { kind: 'function' };
    if (builtin) return { kind: 'builtin' };
    if (this.findProgram(name)) return { kind: 'program', path: name.includes('/') ? name : this.setup.programPath(name) };
    if (name.includes('/') && this.fs.readFile(this.fs.resolve(this.cwd, name)) !== undefined) return { kind: 'program', path: name };
    return undefined;
  }
}

/** strerror texts, with each shell's own wording for a missing directory. */
function createErrorText(code: FileSystemError['code'], dialect: Dialect): string {
  switch (code) {
    case 'ENOENT':
      return dialect === 'ash' ? 'nonexistent directory' : 'Directory nonexistent';
    case 'EISDIR':
      return 'Is a directory';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'EROFS':
      return 'Read-only file system';
    case 'EACCES':
      return 'Permission denied';
    default:
      return 'File exists';
  }
}
