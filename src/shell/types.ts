/**
 * The contract between the embedded POSIX shell and the programs it runs.
 *
 * The memory backend runs every command line in this shell: on the user's
 * machine (kubectl, openssl, grep ...), in a pod (the image's tools) and on a
 * node (iptables-save, curl ...). Each place supplies its own file system,
 * environment and program table; the shell itself knows no program.
 */
import type { Trace } from '../trace/trace.ts';

/** What one program run, or one whole command line, produced. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Request traces of network tools (curl, wget, nslookup ...) run by this command, in order. */
  traces?: Trace[];
}

/** A file system a shell can read and write: the scenario's work directory, a pod's or a node's root. */
export interface FileSystem {
  /** Absolute, normalised path for `path` relative to `cwd`. */
  resolve(cwd: string, path: string): string;
  readFile(path: string): string | undefined;
  /** Throws a FileSystemError with the errno-style code when the write is impossible. */
  writeFile(path: string, content: string, options?: { append?: boolean }): void;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Entry names directly under a directory, sorted; undefined when it is not a directory. */
  list(path: string): string[] | undefined;
  mkdir(path: string, options?: { recursive?: boolean }): void;
  remove(path: string, options?: { recursive?: boolean }): void;
}

export class FileSystemError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'EROFS' | 'ENOTEMPTY' | 'EACCES',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

/** Everything a program sees when it runs. */
export interface ProgramContext {
  /** argv[0] is the program name as typed. */
  argv: string[];
  stdin: string;
  /** Standard input is a regular file (`prog < file`) rather than a pipe: `wc` pads its columns differently. */
  stdinIsFile?: boolean;
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  /** The place's host name (a pod's name, a node's name), for `hostname`; undefined when the place did not say. */
  hostname?: string;
  /** Runs a nested command line in the same place (for `sh -c`, `xargs`, `watch` ...). */
  run(script: string, stdin?: string): Promise<CommandResult>;
  /** Lets virtual time pass (sleep); real seconds on real backends. */
  sleep(seconds: number): Promise<void>;
}

/** A program: a function from its context to its result. */
export type Program = (ctx: ProgramContext) => Promise<CommandResult> | CommandResult;

/** Name to program. A shell looks a command up here after its builtins. */
export type ProgramTable = ReadonlyMap<string, Program>;
