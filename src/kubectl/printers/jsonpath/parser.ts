/**
 * Parser of kubectl's JSONPath templates: a port of k8s.io/client-go/util/jsonpath/parser.go,
 * keeping its grammar quirks and its error texts (`unclosed action`, `unterminated array`,
 * `unclosed array expect ]`, `invalid array index x`, `unrecognized character in action: U+0023 '#'` ...).
 * Text outside `{...}` is literal; inside, `.field`, `[index|slice|union|'key']`, `[?(@.a==b)]`,
 * `..`, `*`, quoted strings, numbers, `true`/`false`, and the `range` / `end` identifiers.
 */
import { newList, type ListNode, type Node, type SliceParam } from './nodes.ts';

const EOF = '';

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

export class JsonPathParseError extends Error {}

function isSpace(r: string): boolean {
  return r === ' ' || r === '\t';
}

function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n';
}

function isTerminator(r: string): boolean {
  return isSpace(r) || isEndOfLine(r) || ['', '.', ',', '[', ']', '$', '@', '{', '}'].includes(r);
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

/** Go's %#U of a rune: `U+0023 '#'`. */
function formatRune(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  return /\p{C}/u.test(r) ? `U+${hex}` : `U+${hex} '${r}'`;
}

/** strconv.UnquoteChar-based unquoting of a '...' or "..." literal (UnquoteExtend). */
function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) throw new Error('invalid syntax');
  const body = [...s.slice(1, -1)];
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === quote) throw new Error('invalid syntax');
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    if (e === undefined) throw new Error('invalid syntax');
    if (e in simple) out += simple[e];
    else if (e === "'" || e === '"') {
      if (e !== quote) throw new Error('invalid syntax');
      out += e;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error('invalid syntax');
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3).join('');
      if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
      out += String.fromCodePoint(parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error('invalid syntax');
    }
  }
  return out;
}

class Parser {
  private input: string[] = [];
  private pos = 0;
  private start = 0;
  private width = 0;
  root: ListNode = newList();

  parse(text: string): ListNode {
    this.input = [...text];
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private rest(): string {
    return this.input.slice(this.pos).join('');
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos).join('');
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    this.width = 1;
    return this.input[this.pos++];
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    const rest = this.rest();
    if (rest.startsWith('}')) return this.parseRightDelim();
    if (rest.startsWith('[?(')) return this.parseFilter(cur);
    if (rest.startsWith('..')) return this.parseRecursive(cur);

    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') {
      this.consumeText();
    } else if (r === '[') {
      return this.parseArray(cur);
    } else if (r === '"' || r === "'") {
      return this.parseQuote(cur, r);
    } else if (r === '.') {
      return this.parseField(cur);
    } else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup();
      return this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      return this.parseIdentifier(cur);
    } else {
      throw new JsonPathParseError(`unrecognized character in action: ${formatRune(r)}`);
    }
    this.parseInsideAction(cur);
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) {
      cur.nodes.push({ type: 'int', value: Number(value) });
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: Number(value) });
    } else {
      throw new JsonPathParseError(`cannot parse number ${value}`);
    }
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const lists = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ type: 'union', lists });
      return this.parseInsideAction(cur);
    }

    const key = DICT_KEY.exec(text);
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
      return this.parseInsideAction(cur);
    }

    const match = SLICE_OPERATOR.exec(text);
    if (!match) throw new JsonPathParseError(`invalid array index ${text}`);
    const values = match.slice(1).map((v) => v ?? '');
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = values[i];
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') {
          params.push({ value: 0, known: false, derived: false });
        } else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) {
        params.push({ value: params[0].value + 1, known: true, derived: true });
      } else {
        params.push({ value: 0, known: false, derived: false });
      }
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')') {
        if (begin === end) break;
      }
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated quoted string');
      if (r === end && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let text: string;
    try {
      text = unquoteExtend(value);
    } catch (err) {
      throw new JsonPathParseError(`unquote string ${value} error ${(err as Error).message}`);
    }
    cur.nodes.push({ type: 'text', text });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // scan to the next unescaped terminator
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === '\\') {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: the list node of `{text}`, used for union members, dict keys and filter sides. */
function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as ListNode;
}

/** Parses a template; throws JsonPathParseError with client-go's message on bad syntax. */
export function parseJsonPath(template: string): ListNode {
  return new Parser().parse(template);
}

export type { Node };
