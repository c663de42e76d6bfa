/**
 * The shell's tokenizer (XCU 2.3 token recognition). Words are scanned into
 * their parts here, in one pass: quotes, backslashes, `$x`, `${x...}`,
 * `$(...)`, backquotes and `$((...))`. A `$(...)` is parsed by the parser
 * itself, reading from this same lexer, so nested case patterns and
 * here-documents work as in dash. Here-document bodies are read when the lexer
 * reaches the newline after their operator.
 *
 * Whether a word is a reserved word depends on where it stands, so the lexer
 * only marks plain unquoted words and the parser decides.
 */
import type { HereDocument, List, Parameter, ParameterOperator, Word, WordPart } from './ast.ts';
import { ShellSyntaxError, type SyntaxProblem } from './syntax-error.ts';

export type Operator = '&&' | '||' | ';;' | ';' | '&' | '|' | '(' | ')' | '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';

/** Every token knows its line and where it starts in the source. */
export type Token = (
  | { kind: 'word'; word: Word; /** The text when the word is one unquoted literal: a candidate reserved word. */ plain?: string }
  | { kind: 'operator'; op: Operator }
  | { kind: 'io-number'; fd: number }
  | { kind: 'newline' }
  | { kind: 'eof' }
) & { line: number; start: number };

export interface LexerHooks {
  /** Parses the commands of a `$(...)` from the lexer's position, consuming the closing `)`. */
  parseCommandSubstitution(lexer: Lexer): List;
  /** Parses the text of a backquoted substitution, found at `line`. */
  parseBackquoted(text: string, line: number): List;
}

export type Dialect = 'ash' | 'dash';

// Character classes by code unit: 1 = ends a word (blank, newline, operator character).
const WORD_END = new Uint8Array(128);
for (const c of ' \t\n;&|<>()') WORD_END[c.charCodeAt(0)] = 1;
// Characters that need a closer look inside an unquoted word.
const SPECIAL_IN_WORD = new Uint8Array(128);
for (const c of ' \t\n;&|<>()\\\'"$`') SPECIAL_IN_WORD[c.charCodeAt(0)] = 1;

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMETERS = '@*#?-$!';

/** What ends the word of a `${x-word}`: the closing brace, or a `/` or `:` separating ash's extra fields. */
type BraceStop = '}' | '/}' | ':}';

export class Lexer {
  pos = 0;
  line: number;
  private peeked: Token | undefined;
  private pendingHeredocs: HereDocument[] = [];

  constructor(
    readonly source: string,
    private readonly hooks: LexerHooks,
    readonly dialect: Dialect = 'ash',
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  peek(): Token {
    if (!this.peeked) this.peeked = this.scan();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    return token;
  }

  /** A `<<` operator was parsed: its body starts on the line after the current one. */
  addHeredoc(heredoc: HereDocument): void {
    this.pendingHeredocs.push(heredoc);
  }

  fail(problem: SyntaxProblem): never {
    throw new ShellSyntaxError(problem, this.line);
  }

  private scan(): Token {
    const src = this.source;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9) this.pos++;
      else if (c === 92 /* \ */ && src.charCodeAt(this.pos + 1) === 10) {
        this.pos += 2;
        this.line++;
      } else if (c === 35 /* # */) {
        const end = src.indexOf('\n', this.pos);
        this.pos = end < 0 ? src.length : end;
      } else break;
    }
    const line = this.line;
    const start = this.pos;
    if (this.pos >= src.length) {
      this.readHeredocBodies();
      return { kind: 'eof', line, start };
    }
    const c = src[this.pos];
    const c2 = src[this.pos + 1];
    switch (c) {
      case '\n':
        this.pos++;
        this.line++;
        this.readHeredocBodies();
        return { kind: 'newline', line, start };
      case '&':
        return this.operator(c2 === '&' ? '&&' : '&', line, start);
      case '|':
        return this.operator(c2 === '|' ? '||' : '|', line, start);
      case ';':
        return this.operator(c2 === ';' ? ';;' : ';', line, start);
      case '(':
      case ')':
        return this.operator(c, line, start);
      case '<':
        if (c2 === '<') return this.operator(src[this.pos + 2] === '-' ? '<<-' : '<<', line, start);
        return this.operator(c2 === '&' ? '<&' : c2 === '>' ? '<>' : '<', line, start);
      case '>':
        return this.operator(c2 === '>' ? '>>' : c2 === '&' ? '>&' : c2 === '|' ? '>|' : '>', line, start);
    }
    // An all-digit word right before `<` or `>` is a file descriptor number.
    let digitsEnd = this.pos;
    while (digitsEnd < src.length && src.charCodeAt(digitsEnd) >= 48 && src.charCodeAt(digitsEnd) <= 57) digitsEnd++;
    if (digitsEnd > this.pos && (src[digitsEnd] === '<' || src[digitsEnd] === '>')) {
      const fd = Number(src.slice(this.pos, digitsEnd));
      this.pos = digitsEnd;
      return { kind: 'io-number', fd, line, start };
    }
    return this.scanWord(line);
  }

  private operator(op: Operator, line: number, start: number): Token {
    this.pos += op.length;
    return { kind: 'operator', op, line, start };
  }

  private scanWord(line: number): Token {
    const src = this.source;
    const start = this.pos;
    // Fast path: a run of ordinary characters ended by a word end.
    let i = start;
    while (i < src.length) {
      const code = src.charCodeAt(i);
      if (code < 128 && SPECIAL_IN_WORD[code]) break;
      i++;
    }
    if (i >= src.length || WORD_END[src.charCodeAt(i)]) {
      this.pos = i;
      const text = src.slice(start, i);
      return { kind: 'word', word: withTilde({ parts: [{ type: 'literal', value: text }] }), plain: text, line, start };
    }
    const parts = this.scanParts('word');
    const word = withTilde({ parts });
    const only = parts.length === 1 ? parts[0] : undefined;
    return { kind: 'word', word, plain: only?.type === 'literal' ? only.value : undefined, line, start };
  }

  /**
   * Scans word parts from the current position until the context ends:
   * 'word' at a word end, 'double' at the closing `"` (consumed), a brace
   * stop at the matching character (not consumed).
   */
  private scanParts(context: 'word' | 'double' | BraceStop, inDouble = context === 'double'): WordPart[] {
    const src = this.source;
    const parts: WordPart[] = [];
    let text = '';
    const flush = () => {
      if (text) {
        pushText(parts, text, inDouble);
        text = '';
      }
    };
    for (;;) {
      if (this.pos >= src.length) {
        if (context === 'word') break;
        if (context === 'double') this.fail({ kind: 'unterminated quoted string' });
        this.fail({ kind: 'missing', what: "'}'" });
      }
      const c = src[this.pos];
      if (context === 'word' && WORD_END[src.charCodeAt(this.pos)]) break;
      if (context === 'double' && c === '"') {
        this.pos++;
        break;
      }
      // A brace context ends at `}`, and ash's `/}` and `:}` also at the `/` or `:` between fields.
      if (context !== 'word' && context !== 'double' && context.includes(c)) break;
      switch (c) {
        case '\\': {
          const next = src[this.pos + 1];
          if (next === '\n') {
            this.pos += 2;
            this.line++;
          } else if (next === undefined) {
            text += '\\';
            this.pos++;
          } else if (inDouble && !'$`"\\'.includes(next) && !(next === '}' && context !== 'double')) {
            // Inside double quotes a backslash stays unless it escapes $ ` " \ newline.
            text += '\\';
            this.pos++;
          } else {
            flush();
            pushQuoted(parts, next);
            this.pos += 2;
          }
          break;
        }
        case "'": {
          if (inDouble) {
            text += c;
            this.pos++;
            break;
          }
          const end = src.indexOf("'", this.pos + 1);
          if (end < 0) {
            this.pos = src.length;
            this.fail({ kind: 'unterminated quoted string' });
          }
          flush();
          const value = src.slice(this.pos + 1, end);
          this.countLines(value);
          pushQuoted(parts, value);
          this.pos = end + 1;
          break;
        }
        case '"': {
          // Also inside `${x-...}` within double quotes, where dash reads it as a quote again.
          flush();
          this.pos++;
          parts.push({ type: 'double', parts: this.scanParts('double') });
          break;
        }
        case '$': {
          const part = this.scanDollar(inDouble);
          if (typeof part === 'string') text += part;
          else {
            flush();
            parts.push(part);
          }
          break;
        }
        case '`':
          flush();
          parts.push(this.scanBackquote(inDouble));
          break;
        case '\n':
          this.line++;
          text += c;
          this.pos++;
          break;
        default: {
          // Copy a run of ordinary characters at once.
          let end = this.pos + 1;
          while (end < src.length) {
            const code = src.charCodeAt(end);
            if (code < 128 && (SPECIAL_IN_WORD[code] || code === 125 /* } */ || code === 47 /* / */ || code === 58 /* : */)) break;
            end++;
          }
          text += src.slice(this.pos, end);
          this.pos = end;
        }
      }
    }
    flush();
    return parts;
  }

  private countLines(text: string): void {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.line++;
  }

  /** At a `$`: an expansion part, or the `$` itself as text when nothing expandable follows. */
  private scanDollar(inDouble: boolean): WordPart | string {
    const src = this.source;
    const next = src[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      return this.scanBraceParameter(inDouble);
    }
    if (next === '(') {
      if (src[this.pos + 2] === '(') {
        this.pos += 3;
        return this.scanArithmetic();
      }
      this.pos += 2;
      return { type: 'command', body: this.hooks.parseCommandSubstitution(this) };
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 2;
      while (end < src.length && NAME_CHAR.test(src[end])) end++;
      const name = src.slice(this.pos + 1, end);
      this.pos = end;
      return { type: 'parameter', name, op: 'plain', colon: false };
    }
    if (next !== undefined && ((next >= '0' && next <= '9') || SPECIAL_PARAMETERS.includes(next))) {
      this.pos += 2;
      return { type: 'parameter', name: next, op: 'plain', colon: false };
    }
    this.pos++;
    return '$';
  }

  /** After `${`: a parameter expansion up to its `}`. */
  private scanBraceParameter(inDouble: boolean): Parameter {
    const src = this.source;
    let length = false;
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}' && this.startsParameterName(this.pos + 1)) {
      length = true;
      this.pos++;
    }
    const name = this.scanParameterName();
    if (name === undefined) return this.badSubstitution();
    if (length) {
      if (src[this.pos] !== '}') return this.badSubstitution();
      this.pos++;
      return { type: 'parameter', name, op: 'length', colon: false };
    }
    const c = src[this.pos];
    if (c === '}') {
      this.pos++;
      return { type: 'parameter', name, op: 'plain', colon: false };
    }
    let colon = false;
    let op: ParameterOperator | undefined;
    let opLength = 1;
    const simple: Record<string, ParameterOperator> = { '-': 'default', '=': 'assign', '?': 'error', '+': 'alternative' };
    if (c === ':' && simple[src[this.pos + 1]]) {
      colon = true;
      op = simple[src[this.pos + 1]];
      opLength = 2;
    } else if (simple[c]) op = simple[c];
    else if (c === '%') [op, opLength] = src[this.pos + 1] === '%' ? ['remove-largest-suffix', 2] : ['remove-smallest-suffix', 1];
    else if (c === '#') [op, opLength] = src[this.pos + 1] === '#' ? ['remove-largest-prefix', 2] : ['remove-smallest-prefix', 1];
    else if (this.dialect === 'ash' && c === '/') [op, opLength] = src[this.pos + 1] === '/' ? ['replace-all', 2] : ['replace-first', 1];
    else if (this.dialect === 'ash' && c === ':') op = 'substring';
    if (!op) return this.badSubstitution();
    this.pos += opLength;
    // The pattern of # ## % %% / // is read as if unquoted even inside double quotes: quotes in it quote (dash).
    const patternContext = op.startsWith('remove') || op.startsWith('replace') ? false : inDouble;
    if (op === 'replace-first' || op === 'replace-all') {
      const pattern = { parts: this.scanParts('/}', patternContext) };
      let replacement: Word = { parts: [] };
      if (src[this.pos] === '/') {
        this.pos++;
        replacement = { parts: this.scanParts('}', inDouble) };
      }
      this.pos++;
      return { type: 'parameter', name, op, colon: false, word: pattern, replacement };
    }
    if (op === 'substring') {
      const offset = { parts: this.scanParts(':}', inDouble) };
      let lengthWord: Word | undefined;
      if (src[this.pos] === ':') {
        this.pos++;
        lengthWord = { parts: this.scanParts('}', inDouble) };
      }
      this.pos++;
      return { type: 'parameter', name, op, colon: false, word: offset, length: lengthWord };
    }
    const word = { parts: this.scanParts('}', patternContext) };
    this.pos++;
    return { type: 'parameter', name, op, colon, word };
  }

  private startsParameterName(at: number): boolean {
    const c = this.source[at];
    return c !== undefined && (NAME_START.test(c) || (c >= '0' && c <= '9') || SPECIAL_PARAMETERS.includes(c));
  }

  private scanParameterName(): string | undefined {
    const src = this.source;
    const c = src[this.pos];
    if (c === undefined) this.fail({ kind: 'missing', what: "'}'" });
    let end = this.pos;
    if (NAME_START.test(c)) {
      end++;
      while (end < src.length && NAME_CHAR.test(src[end])) end++;
    } else if (c >= '0' && c <= '9') {
      while (end < src.length && src[end] >= '0' && src[end] <= '9') end++;
    } else if (SPECIAL_PARAMETERS.includes(c)) end++;
    else return undefined;
    const name = src.slice(this.pos, end);
    this.pos = end;
    return name;
  }

  /** Skips to the closing brace: the shell reports the bad substitution when it expands the word. */
  private badSubstitution(): Parameter {
    const end = this.source.indexOf('}', this.pos);
    if (end < 0) {
      this.pos = this.source.length;
      this.fail({ kind: 'missing', what: "'}'" });
    }
    this.pos = end + 1;
    return { type: 'parameter', name: '', op: 'bad', colon: false };
  }

  /** After `$((`: the expression up to the matching `))`. */
  private scanArithmetic(): WordPart {
    const src = this.source;
    const parts: WordPart[] = [];
    let text = '';
    let depth = 0;
    for (;;) {
      if (this.pos >= src.length) this.fail({ kind: 'missing', what: "'))'" });
      const c = src[this.pos];
      if (c === ')' && depth === 0) {
        if (src[this.pos + 1] !== ')') this.fail({ kind: 'missing', what: "'))'" });
        this.pos += 2;
        break;
      }
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (c === '$') {
        const part = this.scanDollar(true);
        if (typeof part === 'string') text += part;
        else {
          if (text) parts.push({ type: 'quoted', value: text });
          text = '';
          parts.push(part);
        }
        continue;
      }
      if (c === '`') {
        if (text) parts.push({ type: 'quoted', value: text });
        text = '';
        parts.push(this.scanBackquote(true));
        continue;
      }
      if (c === '\n') this.line++;
      text += c;
      this.pos++;
    }
    if (text) parts.push({ type: 'quoted', value: text });
    return { type: 'arithmetic', expression: { parts } };
  }

  /** After a backquote: the old-style command substitution, its backslashes undone, parsed on its own. */
  private scanBackquote(inDouble: boolean): WordPart {
    const src = this.source;
    const line = this.line;
    this.pos++;
    let text = '';
    for (;;) {
      if (this.pos >= src.length) this.fail({ kind: 'EOF in backquote substitution' });
      const c = src[this.pos];
      if (c === '`') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === '$' || next === '`' || next === '\\' || (inDouble && next === '"')) {
          text += next;
          this.pos += 2;
          continue;
        }
      }
      if (c === '\n') this.line++;
      text += c;
      this.pos++;
    }
    return { type: 'command', body: this.hooks.parseBackquoted(text, line) };
  }

  /** Reads the bodies of the here-documents whose operators were on the line just ended. */
  private readHeredocBodies(): void {
    if (this.pendingHeredocs.length === 0) return;
    const src = this.source;
    for (const heredoc of this.pendingHeredocs) {
      let body = '';
      while (this.pos < src.length) {
        let end = src.indexOf('\n', this.pos);
        // A body cut off by the end of the script keeps no final newline (dash, ash).
        const newline = end < 0 ? '' : '\n';
        if (end < 0) end = src.length;
        let lineText = src.slice(this.pos, end);
        this.pos = end + newline.length;
        this.line++;
        if (heredoc.stripTabs) lineText = lineText.replace(/^\t+/, '');
        if (lineText === heredoc.delimiter) break;
        body += lineText + newline;
      }
      heredoc.body = heredoc.quoted ? { parts: body ? [{ type: 'quoted', value: body }] : [] } : this.heredocWord(body);
    }
    this.pendingHeredocs = [];
  }

  /** An unquoted here-document body: `$` and backquote expand, a backslash escapes only $ ` \ and newline. */
  private heredocWord(body: string): Word {
    if (!/[$`\\]/.test(body)) return { parts: body ? [{ type: 'quoted', value: body }] : [] };
    const sub = new Lexer(body, this.hooks, this.dialect, this.line);
    return { parts: [{ type: 'double', parts: sub.scanHeredocParts() }] };
  }

  private scanHeredocParts(): WordPart[] {
    const src = this.source;
    const parts: WordPart[] = [];
    let text = '';
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === '$' || next === '`' || next === '\\') {
          text += next;
          this.pos += 2;
          continue;
        }
        if (next === '\n') {
          this.pos += 2;
          continue;
        }
      }
      if (c === '$' || c === '`') {
        const part = c === '$' ? this.scanDollar(true) : this.scanBackquote(true);
        if (typeof part === 'string') text += part;
        else {
          if (text) parts.push({ type: 'quoted', value: text });
          text = '';
          parts.push(part);
        }
        continue;
      }
      text += c;
      this.pos++;
    }
    if (text) parts.push({ type: 'quoted', value: text });
    return parts;
  }
}

function pushText(parts: WordPart[], text: string, quoted: boolean): void {
  if (quoted) pushQuoted(parts, text);
  else {
    const last = parts[parts.length - 1];
    if (last?.type === 'literal') last.value += text;
    else parts.push({ type: 'literal', value: text });
  }
}

function pushQuoted(parts: WordPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last?.type === 'quoted') last.value += text;
  else parts.push({ type: 'quoted', value: text });
}

/** `~` or `~user` before the first `/` of an unquoted word start becomes a tilde part (XCU 2.6.1). */
export function withTilde(word: Word): Word {
  const first = word.parts[0];
  if (first?.type !== 'literal' || first.value[0] !== '~') return word;
  const slash = first.value.indexOf('/');
  if (slash < 0 && word.parts.length > 1) return word;
  const user = first.value.slice(1, slash < 0 ? undefined : slash);
  if (!/^[A-Za-z0-9_.-]*$/.test(user)) return word;
  const rest = slash < 0 ? '' : first.value.slice(slash);
  const parts: WordPart[] = [{ type: 'tilde', user }];
  if (rest) parts.push({ type: 'literal', value: rest });
  return { parts: [...parts, ...word.parts.slice(1)] };
}
