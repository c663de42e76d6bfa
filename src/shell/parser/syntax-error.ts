/**
 * Syntax errors, worded as each shell words them. Texts checked against
 * busybox 1.35 ash (`busybox sh -c`) and dash 0.5.12 on this machine:
 *   ash:  sh: syntax error: unexpected "fi" (expecting "done")
 *   dash: sh: 1: Syntax error: "fi" unexpected (expecting "done")
 */

/** What the parser met where it could not go on. */
export type UnexpectedToken =
  | { kind: 'keyword'; text: string }
  | { kind: 'operator'; text: string }
  | { kind: 'word' }
  | { kind: 'newline' }
  | { kind: 'end of file' };

export type SyntaxProblem =
  | { kind: 'unexpected'; token: UnexpectedToken; expecting?: string }
  | { kind: 'unterminated quoted string' }
  | { kind: 'missing'; what: "'}'" | "'))'" }
  | { kind: 'EOF in backquote substitution' }
  | { kind: 'bad function name' }
  | { kind: 'bad for loop variable' };

export class ShellSyntaxError extends Error {
  constructor(
    readonly problem: SyntaxProblem,
    /** The line being read when the error was found (dash prints it). */
    readonly line: number,
  ) {
    super(describeSyntaxProblem(problem, 'dash'));
  }
}

function tokenName(token: UnexpectedToken): string {
  switch (token.kind) {
    case 'keyword':
    case 'operator':
      return `"${token.text}"`;
    default:
      return token.kind;
  }
}

/** The message after `sh: ` (ash) or `sh: LINE: ` (dash). */
export function describeSyntaxProblem(problem: SyntaxProblem, dialect: 'ash' | 'dash'): string {
  const ash = dialect === 'ash';
  switch (problem.kind) {
    case 'unexpected': {
      const expecting = problem.expecting ? ` (expecting "${problem.expecting}")` : '';
      const token = tokenName(problem.token);
      return ash ? `syntax error: unexpected ${token}${expecting}` : `Syntax error: ${token} unexpected${expecting}`;
    }
    case 'unterminated quoted string':
      return ash ? 'syntax error: unterminated quoted string' : 'Syntax error: Unterminated quoted string';
    case 'missing':
      return ash ? `syntax error: missing ${problem.what}` : `Syntax error: Missing ${problem.what}`;
    case 'EOF in backquote substitution':
      return `${ash ? 'syntax error' : 'Syntax error'}: EOF in backquote substitution`;
    case 'bad function name':
      return ash ? 'syntax error: bad function name' : 'Syntax error: Bad function name';
    case 'bad for loop variable':
      return ash ? 'syntax error: bad for loop variable' : 'Syntax error: Bad for loop variable';
  }
}
