/**
 * The syntax tree of the POSIX shell language (XCU 2.10 grammar), as the
 * parser produces it and the interpreter walks it.
 */

/** Commands separated by `;`, `&` or newlines. */
export interface List {
  type: 'list';
  items: ListItem[];
}

export interface ListItem {
  command: AndOr;
  /** Ended by `&`: accepted, but run in sequence like any other command. */
  background: boolean;
}

/** `a && b || c`: pipelines joined left to right. */
export interface AndOr {
  type: 'and-or';
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
}

export interface Pipeline {
  type: 'pipeline';
  negated: boolean;
  commands: Command[];
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition;

export type CompoundCommand = Group | Subshell | If | For | Loop | Case;

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirections: Redirection[];
  /** Line of the command's first token, for `sh: 3: x: not found`. */
  line: number;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface Group {
  type: 'group';
  body: List;
  redirections: Redirection[];
}

export interface Subshell {
  type: 'subshell';
  body: List;
  redirections: Redirection[];
}

export interface If {
  type: 'if';
  /** The `if` clause then each `elif`. */
  clauses: Array<{ condition: List; body: List }>;
  elseBody?: List;
  redirections: Redirection[];
}

export interface For {
  type: 'for';
  variable: string;
  /** undefined: no `in` part, iterate over "$@". */
  items?: Word[];
  body: List;
  redirections: Redirection[];
}

/** `while` and `until`. */
export interface Loop {
  type: 'loop';
  until: boolean;
  condition: List;
  body: List;
  redirections: Redirection[];
}

export interface Case {
  type: 'case';
  subject: Word;
  items: Array<{ patterns: Word[]; body?: List }>;
  redirections: Redirection[];
}

export interface FunctionDefinition {
  type: 'function';
  name: string;
  /** Usually a compound command; dash and ash also take a simple one (`f() echo hi`). */
  body: Command;
  line: number;
}

export type RedirectionOperator = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';

export interface Redirection {
  /** The explicit descriptor (`2>`), or undefined for the operator's default. */
  fd?: number;
  op: RedirectionOperator;
  /** The file, descriptor or here-document delimiter as written. */
  target: Word;
  heredoc?: HereDocument;
}

export interface HereDocument {
  /** The delimiter after quote removal. */
  delimiter: string;
  /** A quoted delimiter turns expansion of the body off. */
  quoted: boolean;
  stripTabs: boolean;
  /** Filled in by the lexer when it reaches the line after the operator. */
  body: Word;
}

/** A word as written: its parts, not yet expanded. */
export interface Word {
  parts: WordPart[];
}

export type WordPart = Literal | Quoted | DoubleQuoted | Parameter | CommandSubstitution | Arithmetic | Tilde;

/** Unquoted text: subject to pathname expansion. */
export interface Literal {
  type: 'literal';
  value: string;
}

/** Text in single quotes, after a backslash, or plain text inside double quotes. */
export interface Quoted {
  type: 'quoted';
  value: string;
}

export interface DoubleQuoted {
  type: 'double';
  parts: WordPart[];
}

/**
 * `$x`, `${x}`, `${x:-w}` ... `op` names the form; `word` is its argument.
 * 'bad' marks a substitution the shell rejects when it expands it (dash and ash
 * report "Bad substitution" at run time, not at parse time).
 */
export interface Parameter {
  type: 'parameter';
  name: string;
  op: ParameterOperator;
  /** The `:` of `:-`, `:=`, `:?`, `:+`: also treat an empty value as unset. */
  colon: boolean;
  word?: Word;
  /** ash's `${x/pattern/replacement}`: the replacement. */
  replacement?: Word;
  /** ash's `${x:offset:length}`: the length (word holds the offset). */
  length?: Word;
}

export type ParameterOperator =
  | 'plain'
  | 'default'
  | 'assign'
  | 'error'
  | 'alternative'
  | 'length'
  | 'remove-smallest-suffix'
  | 'remove-largest-suffix'
  | 'remove-smallest-prefix'
  | 'remove-largest-prefix'
  | 'replace-first'
  | 'replace-all'
  | 'substring'
  | 'bad';

export interface CommandSubstitution {
  type: 'command';
  body: List;
}

export interface Arithmetic {
  type: 'arithmetic';
  /** The expression text, expanded (parameters, substitutions) before it is evaluated. */
  expression: Word;
}

/** `~` or `~user` at the start of a word. */
export interface Tilde {
  type: 'tilde';
  user: string;
}
