/**
 * A recursive-descent parser for the POSIX shell language (XCU 2.9, grammar in
 * XCU 2.10), with dash's and busybox ash's syntax error texts.
 *
 * Why our own parser: a scenario runs hundreds of command lines and a parse
 * must cost microseconds. sh-syntax (mvdan/sh compiled to WASM) took about
 * 11 ms a parse; mvdan-sh (the GopherJS build) is abandoned; shell-quote is
 * only a tokenizer, with no compound commands, here-documents or nesting.
 *
 * Like dash, the shell parses one complete command (a line, with its
 * here-documents) and runs it before reading the next, so output before a
 * syntax error on a later line is still produced.
 */
import type { AndOr, Assignment, Case, Command, CompoundCommand, For, FunctionDefinition, If, List, ListItem, Loop, Pipeline, Redirection, RedirectionOperator, SimpleCommand, Word } from './ast.ts';
import { Lexer, withTilde, type Dialect, type LexerHooks, type Token } from './lexer.ts';
import type { UnexpectedToken } from './syntax-error.ts';

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);
/** Reserved words that end a compound list. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const REDIRECTION_OPERATORS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*=/;

export class Parser {
  private readonly lexer: Lexer;

  constructor(source: string | Lexer, dialect: Dialect = 'ash', firstLine = 1) {
    if (typeof source === 'string') {
      const hooks: LexerHooks = {
        parseCommandSubstitution: (lexer) => new Parser(lexer).parseSubstitutionBody(),
        parseBackquoted: (text, line) => new Parser(text, dialect, line).parseWhole(),
      };
      this.lexer = new Lexer(source, hooks, dialect, firstLine);
    } else this.lexer = source;
  }

  /** The line the lexer has reached: where a syntax error was found, or the next command starts. */
  get line(): number {
    return this.lexer.line;
  }

  /** Where the last complete command (or the one that failed to parse) starts in the source. */
  commandStart = 0;

  /** The next complete command (one line's list and its here-documents), or undefined at the end. */
  nextCompleteCommand(): List | undefined {
    this.skipNewlines();
    const first = this.lexer.peek();
    this.commandStart = first.start;
    if (first.kind === 'eof') return undefined;
    const list = this.parseList(false);
    const token = this.lexer.peek();
    if (token.kind === 'newline') this.lexer.next();
    else if (token.kind !== 'eof') this.unexpected(token);
    return list;
  }

  /** The source text of the last complete command, here-documents included, without its final newline. */
  commandText(): string {
    return this.lexer.source.slice(this.commandStart, this.lexer.pos).replace(/\n$/, '');
  }

  /** All complete commands of a source with no syntax error: for backquotes and tests. */
  parseWhole(): List {
    const items: ListItem[] = [];
    for (let list = this.nextCompleteCommand(); list; list = this.nextCompleteCommand()) items.push(...list.items);
    return { type: 'list', items };
  }

  /** After `$(`: the commands up to and including the matching `)`. */
  private parseSubstitutionBody(): List {
    this.skipNewlines();
    const token = this.lexer.peek();
    if (token.kind === 'operator' && token.op === ')') {
      this.lexer.next();
      return { type: 'list', items: [] };
    }
    const body = this.parseList(true);
    this.expectOperator(')');
    return body;
  }

  /**
   * and-or lists separated by `;` or `&`; in a compound list (`inner`) newlines
   * separate them too, and the list ends before a token that cannot start a
   * command. Empty lists are syntax errors.
   */
  private parseList(inner: boolean): List {
    const items: ListItem[] = [];
    for (;;) {
      if (inner) this.skipNewlines();
      if (items.length > 0 && this.endsList(this.lexer.peek())) break;
      // At the end of the input an empty list is left to the caller, which reports what it expected.
      if (inner && items.length === 0 && this.lexer.peek().kind === 'eof') break;
      const command = this.parseAndOr();
      const token = this.lexer.peek();
      if (token.kind === 'operator' && (token.op === ';' || token.op === '&')) {
        this.lexer.next();
        items.push({ command, background: token.op === '&' });
        if (!inner && this.atLineEnd()) break;
        continue;
      }
      items.push({ command, background: false });
      if (inner && token.kind === 'newline') continue;
      break;
    }
    return { type: 'list', items };
  }

  private atLineEnd(): boolean {
    const kind = this.lexer.peek().kind;
    return kind === 'newline' || kind === 'eof';
  }

  private endsList(token: Token): boolean {
    if (token.kind === 'eof') return true;
    if (token.kind === 'operator') return token.op === ')' || token.op === ';;';
    return token.kind === 'word' && token.plain !== undefined && LIST_END.has(token.plain);
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || (token.op !== '&&' && token.op !== '||')) break;
      this.lexer.next();
      this.skipNewlines();
      rest.push({ op: token.op, pipeline: this.parsePipeline() });
    }
    return { type: 'and-or', first, rest };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    const token = this.lexer.peek();
    if (token.kind === 'word' && token.plain === '!') {
      this.lexer.next();
      negated = true;
    }
    const commands = [this.parseCommand()];
    for (;;) {
      const next = this.lexer.peek();
      if (next.kind !== 'operator' || next.op !== '|') break;
      this.lexer.next();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { type: 'pipeline', negated, commands };
  }

  private parseCommand(): Command {
    const token = this.lexer.peek();
    if (token.kind === 'operator' && token.op === '(') {
      this.lexer.next();
      const body = this.parseList(true);
      this.expectOperator(')');
      return this.withRedirections({ type: 'subshell', body, redirections: [] });
    }
    if (token.kind === 'word' && token.plain !== undefined && RESERVED.has(token.plain)) {
      switch (token.plain) {
        case '{': {
          this.lexer.next();
          const body = this.parseList(true);
          this.expectKeyword('}');
          return this.withRedirections({ type: 'group', body, redirections: [] });
        }
        case 'if':
          return this.withRedirections(this.parseIf());
        case 'for':
          return this.withRedirections(this.parseFor());
        case 'while':
        case 'until':
          return this.withRedirections(this.parseLoop(token.plain === 'until'));
        case 'case':
          return this.withRedirections(this.parseCase());
        default:
          this.unexpected(token);
      }
    }
    return this.parseSimpleCommand();
  }

  private parseSimpleCommand(): SimpleCommand | FunctionDefinition {
    const first = this.lexer.peek();
    const command: SimpleCommand = { type: 'simple', assignments: [], words: [], redirections: [], line: first.line };
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'io-number' || (token.kind === 'operator' && REDIRECTION_OPERATORS.has(token.op))) {
        command.redirections.push(this.parseRedirection());
        continue;
      }
      if (token.kind !== 'word') break;
      this.lexer.next();
      if (command.words.length === 0) {
        const assignment = asAssignment(token.word);
        if (assignment) {
          command.assignments.push(assignment);
          continue;
        }
        if (command.assignments.length === 0 && command.redirections.length === 0) {
          const next = this.lexer.peek();
          if (next.kind === 'operator' && next.op === '(') return this.parseFunction(token, first.line);
        }
      }
      command.words.push(token.word);
    }
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirections.length === 0) {
      this.unexpected(this.lexer.peek());
    }
    return command;
  }

  /** `name ( ) command`: the name word is read, `(` is next. */
  private parseFunction(nameToken: Token & { kind: 'word' }, line: number): FunctionDefinition {
    if (nameToken.plain === undefined || !NAME.test(nameToken.plain)) this.lexer.fail({ kind: 'bad function name' });
    this.lexer.next();
    this.expectOperator(')');
    this.skipNewlines();
    const body = this.parseCommand();
    return { type: 'function', name: nameToken.plain, body, line };
  }

  private parseRedirection(): Redirection {
    let token = this.lexer.next();
    let fd: number | undefined;
    if (token.kind === 'io-number') {
      fd = token.fd;
      token = this.lexer.next();
    }
    const op = (token as Token & { kind: 'operator' }).op as RedirectionOperator;
    // The target must be read before anything past it, so a here-document is queued before its line ends.
    const target = this.lexer.next();
    if (target.kind !== 'word') this.unexpected(target);
    const redirection: Redirection = { fd, op, target: target.word };
    if (op === '<<' || op === '<<-') {
      const parts = target.word.parts;
      const quoted = parts.some((p) => p.type !== 'literal' && p.type !== 'tilde');
      redirection.heredoc = {
        delimiter: literalText(target.word),
        quoted,
        stripTabs: op === '<<-',
        body: { parts: [] },
      };
      this.lexer.addHeredoc(redirection.heredoc);
    }
    return redirection;
  }

  private withRedirections<T extends CompoundCommand>(command: T): T {
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'io-number' || (token.kind === 'operator' && REDIRECTION_OPERATORS.has(token.op))) {
        command.redirections.push(this.parseRedirection());
      } else return command;
    }
  }

  private parseIf(): If {
    this.lexer.next();
    const clauses: If['clauses'] = [];
    let elseBody: List | undefined;
    for (;;) {
      const condition = this.parseList(true);
      this.expectKeyword('then');
      const body = this.parseList(true);
      clauses.push({ condition, body });
      const token = this.lexer.peek();
      if (token.kind === 'word' && token.plain === 'elif') {
        this.lexer.next();
        continue;
      }
      if (token.kind === 'word' && token.plain === 'else') {
        this.lexer.next();
        elseBody = this.parseList(true);
      }
      this.expectKeyword('fi');
      return { type: 'if', clauses, elseBody, redirections: [] };
    }
  }

  private parseFor(): For {
    this.lexer.next();
    const nameToken = this.lexer.next();
    if (nameToken.kind !== 'word' || nameToken.plain === undefined || !NAME.test(nameToken.plain)) this.lexer.fail({ kind: 'bad for loop variable' });
    let items: Word[] | undefined;
    this.skipNewlines();
    let token = this.lexer.peek();
    if (token.kind === 'word' && token.plain === 'in') {
      this.lexer.next();
      items = [];
      for (token = this.lexer.peek(); token.kind === 'word'; token = this.lexer.peek()) {
        this.lexer.next();
        items.push(token.word);
      }
      if (token.kind === 'operator' && token.op === ';') this.lexer.next();
      else if (token.kind !== 'newline') this.unexpected(token);
    } else if (token.kind === 'operator' && token.op === ';') this.lexer.next();
    this.skipNewlines();
    this.expectKeyword('do');
    const body = this.parseList(true);
    this.expectKeyword('done');
    return { type: 'for', variable: nameToken.plain, items, body, redirections: [] };
  }

  private parseLoop(until: boolean): Loop {
    this.lexer.next();
    const condition = this.parseList(true);
    this.expectKeyword('do');
    const body = this.parseList(true);
    this.expectKeyword('done');
    return { type: 'loop', until, condition, body, redirections: [] };
  }

  private parseCase(): Case {
    this.lexer.next();
    const subjectToken = this.lexer.next();
    if (subjectToken.kind !== 'word') this.unexpected(subjectToken);
    this.skipNewlines();
    this.expectKeyword('in');
    const items: Case['items'] = [];
    for (;;) {
      this.skipNewlines();
      let token = this.lexer.next();
      if (token.kind === 'word' && token.plain === 'esac') break;
      if (token.kind === 'operator' && token.op === '(') token = this.lexer.next();
      const patterns: Word[] = [];
      for (;;) {
        // dash takes any token as a pattern and complains about the one after it.
        if (token.kind !== 'word') this.unexpected(token.kind === 'eof' ? token : this.lexer.next(), ')');
        patterns.push(token.word);
        const next = this.lexer.next();
        if (next.kind === 'operator' && next.op === '|') {
          token = this.lexer.next();
          continue;
        }
        if (next.kind === 'operator' && next.op === ')') break;
        this.unexpected(next, ')');
      }
      this.skipNewlines();
      const start = this.lexer.peek();
      const endsItem = (t: Token) => (t.kind === 'operator' && t.op === ';;') || (t.kind === 'word' && t.plain === 'esac');
      const body = endsItem(start) ? undefined : this.parseList(true);
      items.push({ patterns, body });
      const end = this.lexer.next();
      if (end.kind === 'word' && end.plain === 'esac') break;
      if (!(end.kind === 'operator' && end.op === ';;')) this.unexpected(end, ';;');
    }
    return { type: 'case', subject: subjectToken.word, items, redirections: [] };
  }

  private skipNewlines(): void {
    while (this.lexer.peek().kind === 'newline') this.lexer.next();
  }

  private expectKeyword(keyword: string): void {
    const token = this.lexer.next();
    if (token.kind !== 'word' || token.plain !== keyword) this.unexpected(token, keyword);
  }

  private expectOperator(op: ')'): void {
    const token = this.lexer.next();
    if (token.kind !== 'operator' || token.op !== op) this.unexpected(token, op);
  }

  private unexpected(token: Token, expecting?: string): never {
    this.lexer.fail({ kind: 'unexpected', token: describeToken(token), expecting });
  }
}

function describeToken(token: Token): UnexpectedToken {
  switch (token.kind) {
    case 'word':
      return token.plain !== undefined && RESERVED.has(token.plain) ? { kind: 'keyword', text: token.plain } : { kind: 'word' };
    case 'operator':
      return { kind: 'operator', text: token.op };
    case 'io-number':
      return { kind: 'word' };
    case 'newline':
      return { kind: 'newline' };
    case 'eof':
      return { kind: 'end of file' };
  }
}

/** `NAME=value` as the first literal of a word, before the command name. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (first?.type !== 'literal' || !ASSIGNMENT_PREFIX.test(first.value)) return undefined;
  const eq = first.value.indexOf('=');
  const rest = first.value.slice(eq + 1);
  const parts = rest ? [{ type: 'literal' as const, value: rest }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: first.value.slice(0, eq), value: withTilde({ parts }) };
}

/** The text of a word with quotes removed and nothing expanded (a here-document delimiter). */
function literalText(word: Word): string {
  let text = '';
  for (const part of word.parts) {
    switch (part.type) {
      case 'literal':
      case 'quoted':
        text += part.value;
        break;
      case 'double':
        text += literalText({ parts: part.parts });
        break;
      case 'tilde':
        text += `~${part.user}`;
        break;
      case 'parameter':
        text += part.op === 'plain' ? `$${part.name}` : `\${${part.name}}`;
        break;
      default:
        break;
    }
  }
  return text;
}

/** Parses a whole script at once; throws ShellSyntaxError. */
export function parseScript(source: string, dialect: Dialect = 'ash'): List {
  return new Parser(source, dialect).parseWhole();
}
