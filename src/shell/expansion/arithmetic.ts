/**
 * Arithmetic expansion `$((...))` (XCU 2.6.4): C's integer operators on signed
 * 64-bit values, with assignment to shell variables. Checked against dash
 * 0.5.12 and busybox 1.35 ash on this machine: dash reads a variable's value
 * as a plain integer (`Illegal number: 2+3`), ash evaluates it as an
 * expression; ash adds `**`, `++`, `--` and `,`.
 */

export interface ArithmeticVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export type ArithmeticProblem =
  | { kind: 'expecting primary' }
  | { kind: 'expecting EOF' }
  | { kind: 'division by zero' }
  | { kind: 'illegal number'; value: string };

export class ArithmeticError extends Error {
  constructor(
    readonly problem: ArithmeticProblem,
    readonly expression: string,
  ) {
    super(problem.kind);
  }

  /** The message after the shell's `sh: ` prefix. */
  describe(dialect: 'ash' | 'dash'): string {
    const p = this.problem;
    if (dialect === 'ash') return p.kind === 'division by zero' ? 'divide by zero' : 'arithmetic syntax error';
    if (p.kind === 'illegal number') return `Illegal number: ${p.value}`;
    return `arithmetic expression: ${p.kind}: "${this.expression}"`;
  }
}

const MAX = (1n << 63n) - 1n;
const wrap = (value: bigint) => BigInt.asIntN(64, value);

type Tok = { t: 'num'; v: bigint } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

// Longest first, so `<<=` wins over `<<` and `<`.
const OPERATORS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ','];
const ASH_ONLY = new Set(['**', '++', '--', ',']);
const BINARY_PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '<=': 7,
  '>': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
  '**': 11,
};

class Evaluator {
  private toks: Tok[] = [];
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly vars: ArithmeticVariables,
    private readonly dialect: 'ash' | 'dash',
    private readonly depth: number,
  ) {}

  run(): bigint {
    this.tokenize();
    if (this.peek().t === 'end' && this.dialect === 'ash') return 0n;
    const value = this.comma(true);
    if (this.peek().t !== 'end') this.fail({ kind: 'expecting EOF' });
    return value;
  }

  private fail(problem: ArithmeticProblem): never {
    throw new ArithmeticError(problem, this.text);
  }

  private tokenize(): void {
    const s = this.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === ' ' || c === '\t' || c === '\n') {
        i++;
        continue;
      }
      if (c >= '0' && c <= '9') {
        const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(i))!;
        this.toks.push({ t: 'num', v: parseInteger(m[0]) });
        i += m[0].length;
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i))!;
        this.toks.push({ t: 'name', v: m[0] });
        i += m[0].length;
        continue;
      }
      const op = OPERATORS.find((o) => s.startsWith(o, i) && (this.dialect === 'ash' || !ASH_ONLY.has(o)));
      if (!op) {
        // Whatever cannot be read ends the tokens: the parser then reports what it expected.
        this.toks.push({ t: 'op', v: s.slice(i) });
        break;
      }
      this.toks.push({ t: 'op', v: op });
      i += op.length;
    }
    this.toks.push({ t: 'end' });
  }

  private peek(): Tok {
    return this.toks[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  private comma(live: boolean): bigint {
    let value = this.assignment(live);
    while (this.isOp(',')) {
      this.i++;
      value = this.assignment(live);
    }
    return value;
  }

  private assignment(live: boolean): bigint {
    const t = this.toks[this.i];
    const next = this.toks[this.i + 1];
    if (t.t === 'name' && next?.t === 'op' && /^([-+*/%&^|]|<<|>>)?=$/.test(next.v)) {
      this.i += 2;
      const right = this.assignment(live);
      if (!live) return 0n;
      const value = next.v === '=' ? right : this.binary(next.v.slice(0, -1), this.variable(t.v), right);
      this.vars.set(t.v, value.toString());
      return value;
    }
    return this.conditional(live);
  }

  private conditional(live: boolean): bigint {
    const condition = this.binaryExpression(1, live);
    if (!this.isOp('?')) return condition;
    this.i++;
    const yes = this.comma(live && condition !== 0n);
    if (!this.isOp(':')) this.fail({ kind: 'expecting primary' });
    this.i++;
    const no = this.conditional(live && condition === 0n);
    return condition !== 0n ? yes : no;
  }

  private binaryExpression(minPrecedence: number, live: boolean): bigint {
    let left = this.unary(live);
    for (;;) {
      const t = this.peek();
      if (t.t !== 'op') return left;
      const precedence = BINARY_PRECEDENCE[t.v];
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.i++;
      if (t.v === '&&' || t.v === '||') {
        const decided = t.v === '&&' ? left === 0n : left !== 0n;
        const right = this.binaryExpression(precedence + 1, live && !decided);
        left = decided ? (t.v === '||' ? 1n : 0n) : right !== 0n ? 1n : 0n;
        continue;
      }
      // `**` is right-associative; everything else left.
      const right = this.binaryExpression(t.v === '**' ? precedence : precedence + 1, live);
      left = live ? this.binary(t.v, left, right) : 0n;
    }
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) this.fail({ kind: 'division by zero' });
        return wrap(op === '/' ? a / b : a % b);
      case '**':
        return b < 0n ? 0n : wrap(a ** b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '<':
        return a < b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return a & b;
      case '^':
        return a ^ b;
      case '|':
        return a | b;
    }
    this.fail({ kind: 'expecting primary' });
  }

  private unary(live: boolean): bigint {
    const t = this.peek();
    if (t.t === 'op') {
      switch (t.v) {
        case '+':
          this.i++;
          return this.unary(live);
        case '-':
          this.i++;
          return wrap(-this.unary(live));
        case '!':
          this.i++;
          return this.unary(live) === 0n ? 1n : 0n;
        case '~':
          this.i++;
          return ~this.unary(live);
        case '++':
        case '--': {
          this.i++;
          const name = this.peek();
          if (name.t !== 'name') this.fail({ kind: 'expecting primary' });
          this.i++;
          const value = wrap(this.variable(name.v) + (t.v === '++' ? 1n : -1n));
          if (live) this.vars.set(name.v, value.toString());
          return value;
        }
        case '(': {
          this.i++;
          const value = this.comma(live);
          if (!this.isOp(')')) this.fail({ kind: 'expecting primary' });
          this.i++;
          return value;
        }
      }
      this.fail({ kind: 'expecting primary' });
    }
    if (t.t === 'num') {
      this.i++;
      return t.v;
    }
    if (t.t === 'name') {
      this.i++;
      const after = this.peek();
      if (after.t === 'op' && (after.v === '++' || after.v === '--')) {
        this.i++;
        const old = this.variable(t.v);
        if (live) this.vars.set(t.v, wrap(old + (after.v === '++' ? 1n : -1n)).toString());
        return old;
      }
      return live ? this.variable(t.v) : 0n;
    }
    this.fail({ kind: 'expecting primary' });
  }

  private variable(name: string): bigint {
    const raw = this.vars.get(name);
    if (raw === undefined || raw === '') return 0n;
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)\s*$/.exec(raw);
    if (m) return wrap(m[1] === '-' ? -parseInteger(m[2]) : parseInteger(m[2]));
    if (this.dialect === 'dash' || this.depth > 20) this.fail({ kind: 'illegal number', value: raw });
    return new Evaluator(raw, this.vars, this.dialect, this.depth + 1).run();
  }
}

/** A decimal, octal (leading 0) or hex (0x) literal; too large clamps to the maximum, as strtoimax. */
function parseInteger(text: string): bigint {
  let value: bigint;
  if (/^0[xX]/.test(text)) value = BigInt(text);
  else if (text.length > 1 && text[0] === '0') value = BigInt(`0o${text.slice(1)}`);
  else value = BigInt(text);
  return value > MAX ? MAX : value;
}

/** Evaluates an expanded arithmetic expression. Throws ArithmeticError. */
export function evaluateArithmetic(expression: string, vars: ArithmeticVariables, dialect: 'ash' | 'dash'): bigint {
  return new Evaluator(expression, vars, dialect, 0).run();
}
