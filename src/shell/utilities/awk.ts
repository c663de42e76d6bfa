/**
 * A small awk (POSIX awk semantics; messages as mawk, Debian's awk, words
 * them): what tutorials write on one line. Options -F and -v; BEGIN and END;
 * patterns (regular expressions, comparisons, `~`, `!`, `&&`, `||`); actions
 * print, printf, assignments, `++`, `+=`, if/else, next; expressions with
 * fields ($0, $N, $NF), NR, NF, FS, OFS, ORS, variables, strings, numbers,
 * concatenation, arithmetic, and length, substr, index, tolower, toupper.
 * No arrays or user functions.
 */
import type { CommandResult, Program } from '../types.ts';
import { printf } from './printf.ts';
import { translatePosixRegex } from './posix-regex.ts';
import { withArguments } from './with-arguments.ts';

class AwkSyntaxError extends Error {}

type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; v: string } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'nl' } | { t: 'end' };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '++', '--', '+=', '-=', '*=', '/=', '%=', '!~', '{', '}', '(', ')', ';', ',', '+', '-', '*', '/', '%', '<', '>', '!', '~', '$', '=', '?', ':'];

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  // A `/` starts a regular expression where an operand may stand.
  const regexAllowed = () => {
    const last = toks[toks.length - 1];
    if (!last) return true;
    if (last.t === 'num' || last.t === 'str' || last.t === 'name' || last.t === 're') return false;
    return !(last.t === 'op' && (last.v === ')' || last.v === '$'));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
    } else if (c === '\n') {
      toks.push({ t: 'nl' });
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))!;
      toks.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const e = src[++i];
          s += ({ n: '\n', t: '\t', '\\': '\\', '"': '"', '/': '/', r: '\r' } as Record<string, string>)[e] ?? `\\${e}`;
        } else s += src[i];
        i++;
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway string constant');
      i++;
      toks.push({ t: 'str', v: s });
    } else if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') {
        if (src[i] === '\\' && src[i + 1] === '/') {
          s += '/';
          i += 2;
          continue;
        }
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError('runaway regular expression');
      i++;
      toks.push({ t: 're', v: s });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ t: 'name', v: m[0] });
      i += m[0].length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(`syntax error at or near ${c}`);
      toks.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  toks.push({ t: 'end' });
  return toks;
}

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; re: RegExp }
  | { k: 'field'; e: Expr }
  | { k: 'var'; name: string }
  | { k: 'assign'; target: Expr; op: string; e: Expr }
  | { k: 'incdec'; target: Expr; op: '++' | '--'; prefix: boolean }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'match'; negate: boolean; e: Expr; re: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'concat'; parts: Expr[] };

type Stmt =
  | { k: 'print'; args: Expr[] }
  | { k: 'printf'; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt[]; else?: Stmt[] }
  | { k: 'next' };

interface Rule {
  begin?: boolean;
  end?: boolean;
  pattern?: Expr;
  action?: Stmt[];
}

const FUNCTIONS = new Set(['length', 'substr', 'index', 'tolower', 'toupper']);

class AwkParser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) this.syntax();
    this.i++;
  }
  private syntax(): never {
    const t = this.peek();
    const near = t.t === 'end' ? 'end of file' : t.t === 'nl' ? 'end of line' : t.t === 'num' || t.t === 'str' || t.t === 'name' || t.t === 'op' ? String(t.v) : t.t;
    throw new AwkSyntaxError(`syntax error at or near ${near}`);
  }
  private skipTerminators(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipTerminators();
    while (this.peek().t !== 'end') {
      const t = this.peek();
      const rule: Rule = {};
      if (t.t === 'name' && (t.v === 'BEGIN' || t.v === 'END')) {
        this.i++;
        rule[t.v === 'BEGIN' ? 'begin' : 'end'] = true;
        rule.action = this.block();
      } else {
        if (!this.isOp('{')) rule.pattern = this.expr();
        if (this.isOp('{')) rule.action = this.block();
      }
      rules.push(rule);
      this.skipTerminators();
    }
    return rules;
  }

  private block(): Stmt[] {
    this.expectOp('{');
    const stmts: Stmt[] = [];
    this.skipTerminators();
    while (!this.isOp('}')) {
      stmts.push(this.statement());
      this.skipTerminators();
    }
    this.i++;
    return stmts;
  }

  private statement(): Stmt {
    const t = this.peek();
    if (this.isOp('{')) {
      const inner = this.block();
      return { k: 'if', c: { k: 'num', v: 1 }, then: inner };
    }
    if (t.t === 'name' && (t.v === 'print' || t.v === 'printf')) {
      this.i++;
      const args: Expr[] = [];
      const start = this.i;
      let parenthesised = this.isOp('(');
      if (!this.atStatementEnd()) {
        if (parenthesised) this.i++;
        args.push(this.expr(!parenthesised));
        while (this.isOp(',')) {
          this.i++;
          args.push(this.expr(!parenthesised));
        }
        if (parenthesised) this.expectOp(')');
        // `print (a) b`: the parentheses only group the start of an expression (POSIX awk grammar:
        // `print ( expr_list )` is the whole statement only when nothing follows the `)`).
        if (parenthesised && args.length === 1 && !this.atStatementEnd()) {
          this.i = start;
          parenthesised = false;
          args.length = 0;
          args.push(this.expr(true));
          while (this.isOp(',')) {
            this.i++;
            args.push(this.expr(true));
          }
        }
      }
      return { k: t.v, args };
    }
    if (t.t === 'name' && t.v === 'next') {
      this.i++;
      return { k: 'next' };
    }
    if (t.t === 'name' && t.v === 'if') {
      this.i++;
      this.expectOp('(');
      const c = this.expr();
      this.expectOp(')');
      this.skipNewlines();
      const then = this.isOp('{') ? this.block() : [this.statement()];
      const save = this.i;
      this.skipTerminators();
      const e = this.peek();
      if (e.t === 'name' && e.v === 'else') {
        this.i++;
        this.skipNewlines();
        return { k: 'if', c, then, else: this.isOp('{') ? this.block() : [this.statement()] };
      }
      this.i = save;
      return { k: 'if', c, then };
    }
    return { k: 'expr', e: this.expr() };
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  private atStatementEnd(): boolean {
    const t = this.peek();
    return t.t === 'nl' || t.t === 'end' || this.isOp(';') || this.isOp('}');
  }

  /** `noGreater`: in print's arguments `>` would be output redirection, which we do not take. */
  expr(noGreater = false): Expr {
    return this.ternary(noGreater);
  }

  private ternary(ng: boolean): Expr {
    const c = this.or(ng);
    if (!this.isOp('?')) return this.assignment(c, ng);
    this.i++;
    const a = this.ternary(ng);
    this.expectOp(':');
    const b = this.ternary(ng);
    return { k: 'cond', c, a, b };
  }

  private assignment(left: Expr, ng: boolean): Expr {
    const t = this.peek();
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%='].includes(t.v) && (left.k === 'var' || left.k === 'field')) {
      this.i++;
      return { k: 'assign', target: left, op: t.v, e: this.ternary(ng) };
    }
    return left;
  }

  private or(ng: boolean): Expr {
    let a = this.and(ng);
    while (this.isOp('||')) {
      this.i++;
      this.skipNewlines();
      a = { k: 'bin', op: '||', a, b: this.and(ng) };
    }
    return a;
  }

  private and(ng: boolean): Expr {
    let a = this.matchExpr(ng);
    while (this.isOp('&&')) {
      this.i++;
      this.skipNewlines();
      a = { k: 'bin', op: '&&', a, b: this.matchExpr(ng) };
    }
    return a;
  }

  private matchExpr(ng: boolean): Expr {
    let a = this.comparison(ng);
    while (this.isOp('~') || this.isOp('!~')) {
      const negate = this.isOp('!~');
      this.i++;
      a = { k: 'match', negate, e: a, re: this.comparison(ng) };
    }
    return a;
  }

  private comparison(ng: boolean): Expr {
    const a = this.concatenation(ng);
    const t = this.peek();
    if (t.t === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(ng && t.v === '>')) {
      this.i++;
      return { k: 'bin', op: t.v, a, b: this.concatenation(ng) };
    }
    return a;
  }

  private concatenation(_ng: boolean): Expr {
    const parts = [this.additive()];
    for (;;) {
      const t = this.peek();
      // Juxtaposed operands concatenate; a leading + or - would be arithmetic instead.
      const startsOperand = t.t === 'num' || t.t === 'str' || (t.t === 'name' && t.v !== 'in' && t.v !== 'else') || (t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '++' || t.v === '--'));
      if (!startsOperand) break;
      parts.push(this.additive());
    }
    return parts.length === 1 ? parts[0] : { k: 'concat', parts };
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.peek() as { v: string }).v;
      this.i++;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('!')) {
      this.i++;
      return { k: 'not', e: this.unary() };
    }
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', e: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.peek() as { v: '++' | '--' }).v;
      this.i++;
      return { k: 'incdec', target: this.primary(), op, prefix: true };
    }
    const p = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && (p.k === 'var' || p.k === 'field')) {
      const op = (this.peek() as { v: '++' | '--' }).v;
      this.i++;
      return { k: 'incdec', target: p, op, prefix: false };
    }
    return p;
  }

  private primary(): Expr {
    const t = this.peek();
    switch (t.t) {
      case 'num':
        this.i++;
        return { k: 'num', v: t.v };
      case 'str':
        this.i++;
        return { k: 'str', v: t.v };
      case 're':
        this.i++;
        return { k: 're', re: new RegExp(translatePosixRegex(t.v, 'extended').source) };
      case 'name': {
        this.i++;
        if (FUNCTIONS.has(t.v)) {
          const args: Expr[] = [];
          if (this.isOp('(')) {
            this.i++;
            if (!this.isOp(')')) {
              args.push(this.expr());
              while (this.isOp(',')) {
                this.i++;
                args.push(this.expr());
              }
            }
            this.expectOp(')');
          }
          return { k: 'call', name: t.v, args };
        }
        return { k: 'var', name: t.v };
      }
      case 'op':
        if (t.v === '$') {
          this.i++;
          return { k: 'field', e: this.primaryForField() };
        }
        if (t.v === '(') {
          this.i++;
          const e = this.expr();
          this.expectOp(')');
          return e;
        }
    }
    this.syntax();
  }

  private primaryForField(): Expr {
    if (this.isOp('++') || this.isOp('--') || this.isOp('-')) this.syntax();
    return this.primary();
  }
}

class NextSignal {}

interface State {
  vars: Map<string, string | number>;
  fields: string[];
  record: string;
  nr: number;
  out: string;
  stderr: string;
}

function toNumber(v: string | number): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

/** Numbers print as integers when whole, else with CONVFMT %.6g. */
function toStr(v: string | number): string {
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** A value that looks numeric compares as a number (a "strnum" field). */
function looksNumeric(v: string | number): boolean {
  return typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
}

class AwkRunner {
  constructor(
    private readonly state: State,
    private readonly ctxPrintf: (args: string[]) => string,
  ) {}

  private get(name: string): string | number {
    const s = this.state;
    if (name === 'NR' || name === 'FNR') return s.nr;
    if (name === 'NF') return s.fields.length;
    return s.vars.get(name) ?? '';
  }

  private separator(): string | RegExp {
    const fs = toStr(this.state.vars.get('FS') ?? ' ');
    if (fs === ' ') return ' ';
    if (fs.length === 1 && fs !== '\\') return fs;
    return new RegExp(translatePosixRegex(fs, 'extended').source);
  }

  setRecord(record: string): void {
    this.state.record = record;
    const sep = this.separator();
    if (sep === ' ') this.state.fields = record.split(/[ \t\n]+/).filter((f) => f !== '');
    else this.state.fields = record === '' ? [] : record.split(sep);
  }

  private field(n: number): string {
    if (n === 0) return this.state.record;
    return this.state.fields[n - 1] ?? '';
  }

  private setField(n: number, value: string): void {
    if (n === 0) {
      this.setRecord(value);
      return;
    }
    while (this.state.fields.length < n) this.state.fields.push('');
    this.state.fields[n - 1] = value;
    this.state.record = this.state.fields.join(toStr(this.state.vars.get('OFS') ?? ' '));
  }

  eval(e: Expr): string | number {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return e.re.test(this.state.record) ? 1 : 0;
      case 'field':
        return this.field(Math.trunc(toNumber(this.eval(e.e))));
      case 'var':
        return this.get(e.name);
      case 'assign': {
        let value = this.eval(e.e);
        if (e.op !== '=') value = this.arith(e.op[0], this.eval(e.target), value);
        this.store(e.target, value);
        return value;
      }
      case 'incdec': {
        const old = toNumber(this.eval(e.target));
        const value = old + (e.op === '++' ? 1 : -1);
        this.store(e.target, value);
        return e.prefix ? value : old;
      }
      case 'bin': {
        if (e.op === '&&') return this.truthy(this.eval(e.a)) && this.truthy(this.eval(e.b)) ? 1 : 0;
        if (e.op === '||') return this.truthy(this.eval(e.a)) || this.truthy(this.eval(e.b)) ? 1 : 0;
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        if (['<', '<=', '==', '!=', '>=', '>'].includes(e.op)) {
          const numeric = looksNumeric(a) && looksNumeric(b);
          const x = numeric ? toNumber(a) : toStr(a);
          const y = numeric ? toNumber(b) : toStr(b);
          const r = e.op === '<' ? x < y : e.op === '<=' ? x <= y : e.op === '==' ? x === y : e.op === '!=' ? x !== y : e.op === '>=' ? x >= y : x > y;
          return r ? 1 : 0;
        }
        return this.arith(e.op, a, b);
      }
      case 'not':
        return this.truthy(this.eval(e.e)) ? 0 : 1;
      case 'neg':
        return -toNumber(this.eval(e.e));
      case 'match': {
        const re = e.re.k === 're' ? e.re.re : new RegExp(translatePosixRegex(toStr(this.eval(e.re)), 'extended').source);
        return re.test(toStr(this.eval(e.e))) !== e.negate ? 1 : 0;
      }
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'concat':
        return e.parts.map((p) => toStr(this.eval(p))).join('');
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  private call(name: string, args: Expr[]): string | number {
    const s = (i: number) => toStr(this.eval(args[i]));
    switch (name) {
      case 'length':
        return [...(args.length ? s(0) : this.state.record)].length;
      case 'substr': {
        const text = s(0);
        const start = Math.round(toNumber(this.eval(args[1])));
        const length = args[2] ? Math.round(toNumber(this.eval(args[2]))) : Infinity;
        const from = Math.max(start, 1);
        const to = length === Infinity ? text.length + 1 : start + length;
        return to <= from ? '' : text.slice(from - 1, to - 1);
      }
      case 'index':
        return s(0).indexOf(s(1)) + 1;
      case 'tolower':
        return s(0).toLowerCase();
      default:
        return s(0).toUpperCase();
    }
  }

  private arith(op: string, a: string | number, b: string | number): number {
    const x = toNumber(a);
    const y = toNumber(b);
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        if (y === 0) throw new AwkSyntaxError('division by zero');
        return x / y;
      default:
        if (y === 0) throw new AwkSyntaxError('division by zero in %');
        return x % y;
    }
  }

  private truthy(v: string | number): boolean {
    if (typeof v === 'number') return v !== 0;
    return looksNumeric(v) ? toNumber(v) !== 0 : v !== '';
  }

  private store(target: Expr, value: string | number): void {
    if (target.k === 'field') this.setField(Math.trunc(toNumber(this.eval(target.e))), toStr(value));
    else if (target.k === 'var') this.state.vars.set(target.name, value);
  }

  matches(pattern: Expr | undefined): boolean {
    return pattern === undefined || this.truthy(this.eval(pattern));
  }

  run(stmts: Stmt[]): void {
    for (const stmt of stmts) {
      switch (stmt.k) {
        case 'print': {
          const ofs = toStr(this.state.vars.get('OFS') ?? ' ');
          const ors = toStr(this.state.vars.get('ORS') ?? '\n');
          const text = stmt.args.length ? stmt.args.map((a) => toStr(this.eval(a))).join(ofs) : this.state.record;
          this.state.out += text + ors;
          break;
        }
        case 'printf':
          this.state.out += this.ctxPrintf(stmt.args.map((a) => toStr(this.eval(a))));
          break;
        case 'expr':
          this.eval(stmt.e);
          break;
        case 'if':
          if (this.truthy(this.eval(stmt.c))) this.run(stmt.then);
          else if (stmt.else) this.run(stmt.else);
          break;
        case 'next':
          throw new NextSignal();
      }
    }
  }
}

function unescapeAssignment(value: string): string {
  return value.replace(/\\([nt\\])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
}

export const awk: Program = async (ctx): Promise<CommandResult> => {
  const args = ctx.argv.slice(1);
  const vars = new Map<string, string | number>([['FS', ' '], ['OFS', ' '], ['ORS', '\n']]);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-F')) {
      const value = a.length > 2 ? a.slice(2) : args[++i];
      vars.set('FS', value === 't' ? '\t' : unescapeAssignment(value ?? ' '));
    } else if (a.startsWith('-v')) {
      const assignment = a.length > 2 ? a.slice(2) : args[++i];
      const eq = assignment?.indexOf('=') ?? -1;
      if (eq <= 0) return { stdout: '', stderr: `awk: improper assignment: -v ${assignment ?? ''}\n`, exitCode: 2 };
      vars.set(assignment.slice(0, eq), unescapeAssignment(assignment.slice(eq + 1)));
    } else if (a.startsWith('-') && a.length > 1) {
      return { stdout: '', stderr: `awk: not an option: ${a}\n`, exitCode: 2 };
    } else break;
  }
  const source = args[i];
  if (source === undefined) return { stdout: '', stderr: 'usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n', exitCode: 2 };
  const files = args.slice(i + 1);
  let rules: Rule[];
  try {
    rules = new AwkParser(tokenize(source)).program();
  } catch (error) {
    if (error instanceof AwkSyntaxError) return { stdout: '', stderr: `awk: line 1: ${error.message}\n`, exitCode: 2 };
    throw error;
  }
  const state: State = { vars, fields: [], record: '', nr: 0, out: '', stderr: '' };
  const runner = new AwkRunner(state, (printfArgs) => {
    const result = printf(withArguments(ctx, ['printf', ...printfArgs])) as CommandResult;
    return result.stdout;
  });
  try {
    for (const rule of rules) if (rule.begin) runner.run(rule.action ?? []);
    const main = rules.filter((r) => !r.begin && !r.end);
    const ends = rules.filter((r) => r.end);
    if (main.length || ends.length) {
      // Operands NAME=value are assignments made when reached; with no file among the operands, input is stdin.
      const isAssignment = (operand: string) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(operand);
      const operands = files.some((f) => !isAssignment(f)) ? files : [...files, '-'];
      for (const name of operands) {
        if (isAssignment(name)) {
          const eq = name.indexOf('=');
          vars.set(name.slice(0, eq), unescapeAssignment(name.slice(eq + 1)));
          continue;
        }
        let text: string;
        if (name === '-') text = ctx.stdin;
        else {
          const content = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, name));
          if (content === undefined) {
            state.stderr += `awk: cannot open ${name} (No such file or directory)\n`;
            return { stdout: state.out, stderr: state.stderr, exitCode: 2 };
          }
          text = content;
        }
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        for (const line of lines) {
          state.nr++;
          runner.setRecord(line);
          try {
            for (const rule of main) {
              if (!runner.matches(rule.pattern)) continue;
              if (rule.action) runner.run(rule.action);
              else state.out += state.record + toStr(vars.get('ORS') ?? '\n');
            }
          } catch (signal) {
            if (!(signal instanceof NextSignal)) throw signal;
          }
        }
      }
      for (const rule of ends) runner.run(rule.action ?? []);
    }
  } catch (error) {
    if (error instanceof AwkSyntaxError) return { stdout: state.out, stderr: `awk: run time error: ${error.message}\n`, exitCode: 2 };
    throw error;
  }
  return { stdout: state.out, stderr: state.stderr, exitCode: 0 };
};
