/**
 * What a builtin utility sees: the shell's state, which it may change (cd,
 * export, set ...), unlike a program, which sees only a ProgramContext.
 */
import type { Command } from '../parser/ast.ts';
import type { Descriptors } from '../interpreter/io.ts';
import type { Variables } from '../interpreter/variables.ts';
import type { Dialect } from '../interpreter/diagnostics.ts';
import type { FileSystem, ProgramContext } from '../types.ts';

/** `set` options. */
export interface ShellFlags {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  noglob: boolean;
}

/** What a command name stands for, as `type` and `command -v` tell it. */
export type CommandKind =
  | { kind: 'keyword' }
  | { kind: 'special builtin' }
  | { kind: 'builtin' }
  | { kind: 'function' }
  | { kind: 'program'; path: string };

export interface BuiltinHost {
  readonly dialect: Dialect;
  readonly fs: FileSystem;
  readonly vars: Variables;
  readonly flags: ShellFlags;
  readonly functions: Map<string, Command>;
  cwd: string;
  /** $1, $2 ... */
  args: string[];
  /** `$?` before this builtin ran. */
  readonly lastStatus: number;
  readonly functionDepth: number;
  readonly loopDepth: number;
  /** Writes `sh: NAME: MESSAGE` in the dialect's form to the command's standard error. */
  builtinError(fds: Descriptors, builtin: string, message: string): void;
  /** Ends the shell: what a non-interactive shell does on an error in a special builtin (XCU 2.8.1). */
  exitShell(status: number): never;
  /** Runs a script in the current shell (eval, dot). */
  evaluate(script: string, fds: Descriptors): Promise<number>;
  /** Runs a command by name, skipping functions when asked (`command`, `exec`). */
  runCommand(argv: string[], fds: Descriptors, options: { skipFunctions: boolean }): Promise<number>;
  describe(name: string): CommandKind | undefined;
  /** Actions set by `trap`, by condition name (EXIT, INT ...). */
  readonly traps: Map<string, string>;
  /** `local NAME`: saves NAME to restore when the function returns. */
  makeLocal(name: string): void;
  /** A program context for a builtin that is also a utility (echo, printf). */
  programContext(argv: string[], fds: Descriptors): ProgramContext;
}

export interface Builtin {
  /** POSIX special builtins: assignments before them persist, and their errors end the shell. */
  special: boolean;
  run(host: BuiltinHost, argv: string[], fds: Descriptors): Promise<number> | number;
}

/** `sh: set: Illegal option -Z` (dash) or `sh: set: line 0: illegal option -Z` (ash): status 2. */
export function illegalOption(host: BuiltinHost, fds: Descriptors, builtin: string, option: string): number {
  host.builtinError(fds, builtin, `${host.dialect === 'ash' ? 'illegal' : 'Illegal'} option ${option}`);
  return 2;
}

/**
 * A count argument of exit, return, shift, break and continue: a non-negative
 * decimal (break and continue also refuse 0); anything else ends the shell
 * with `Illegal number: X`, as in both dash and ash.
 */
export function parseCount(host: BuiltinHost, fds: Descriptors, builtin: string, text: string, options: { positive?: boolean } = {}): number {
  if (/^[0-9]+$/.test(text)) {
    const value = Number(text);
    if (!options.positive || value > 0) return value;
  }
  host.builtinError(fds, builtin, `Illegal number: ${text}`);
  host.exitShell(2);
}
