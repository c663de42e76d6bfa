/**
 * Where a shell's own messages start. Checked on this machine against busybox
 * 1.35 ash and dash 0.5.12, for `sh -c` and for a script file:
 *
 *   | message              | ash -c                      | ash file                       | dash                    |
 *   | general              | sh: MSG                     | s.sh: line 2: MSG              | sh: 2: MSG              |
 *   | not found            | sh: x: not found            | s.sh: line 2: x: not found     | sh: 2: x: not found     |
 *   | builtin              | sh: cd: line 1: MSG         | s.sh: cd: line 2: MSG          | sh: 2: cd: MSG          |
 *
 * ash counts lines of a `-c` string from 0 in builtin messages.
 */
export type Dialect = 'ash' | 'dash';

export class Diagnostics {
  constructor(
    readonly dialect: Dialect,
    /** `$0`: `sh`, or the script's name. */
    readonly name: string,
    /** The script came from a file rather than `-c`. */
    readonly fromFile: boolean,
  ) {}

  /** A message of the shell itself: syntax, redirection and expansion errors. */
  general(line: number, message: string): string {
    if (this.dialect === 'dash') return `${this.name}: ${line}: ${message}\n`;
    return this.fromFile ? `${this.name}: line ${line}: ${message}\n` : `${this.name}: ${message}\n`;
  }

  notFound(line: number, command: string): string {
    return this.general(line, `${command}: not found`);
  }

  /** An error of a builtin utility (`cd`, `export`, `exit` ...). */
  builtin(line: number, builtin: string, message: string): string {
    if (this.dialect === 'dash') return `${this.name}: ${line}: ${builtin}: ${message}\n`;
    return `${this.name}: ${builtin}: line ${this.fromFile ? line : line - 1}: ${message}\n`;
  }
}
