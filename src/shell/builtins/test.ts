/**
 * `test` and `[` (XCU test): the POSIX rules by argument count, then -a, -o,
 * `!` and parentheses for longer expressions. Error texts checked on this
 * machine: dash `test: a: unexpected operator`, `[: missing ]`,
 * `test: Illegal number: a`; busybox ash `sh: b: unknown operand`,
 * `sh: missing ]`, `sh: a: bad number`, `sh: N: out of range`. Status 2.
 */
import { outputOf, type Descriptors } from '../interpreter/io.ts';
import type { Builtin, BuiltinHost } from './builtin.ts';

class TestError {
  constructor(
    readonly ash: string,
    readonly dash: string,
  ) {}
}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-L', '-n', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-z', '-O', '-G']);
const BINARY = new Set(['=', '!=', '<', '>', '-eq', '-ne', '-gt', '-ge', '-lt', '-le', '-nt', '-ot', '-ef']);
const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

class Evaluator {
  private i = 0;

  constructor(
    private readonly args: string[],
    private readonly host: BuiltinHost,
  ) {}

  run(): boolean {
    const n = this.args.length;
    const a = this.args;
    // XCU test: the meaning of up to four arguments depends only on their number.
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0])) return this.unary(a[0], a[1]);
      throw this.unexpected(a[0], a[1]);
    }
    if (n === 3) {
      if (BINARY.has(a[1])) return this.binary(a[0], a[1], a[2]);
      if (a[0] === '!') return !new Evaluator(a.slice(1), this.host).run();
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
    }
    if (n === 4) {
      if (a[0] === '!') return !new Evaluator(a.slice(1), this.host).run();
      if (a[0] === '(' && a[3] === ')') return new Evaluator(a.slice(1, 3), this.host).run();
    }
    const value = this.or();
    if (this.i < n) throw this.unexpected(a[this.i - 1] ?? a[0], a[this.i]);
    return value;
  }

  private unexpected(before: string, operand: string): TestError {
    return new TestError(`${operand}: unknown operand`, `${before}: unexpected operator`);
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      const right = this.and();
      value = value || right;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      const right = this.not();
      value = value && right;
    }
    return value;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const first = a[this.i];
    if (first === undefined) throw new TestError('argument expected', 'argument expected');
    if (first === '(') {
      this.i++;
      const value = this.or();
      if (a[this.i] !== ')') throw new TestError('closing paren expected', 'closing paren expected');
      this.i++;
      return value;
    }
    if (BINARY.has(a[this.i + 1] ?? '') && a[this.i + 2] !== undefined) {
      this.i += 3;
      return this.binary(first, a[this.i - 2], a[this.i - 1]);
    }
    if (UNARY.has(first) && a[this.i + 1] !== undefined) {
      this.i += 2;
      return this.unary(first, a[this.i - 1]);
    }
    this.i++;
    return first !== '';
  }

  private unary(op: string, operand: string): boolean {
    const fs = this.host.fs;
    const path = () => fs.resolve(this.host.cwd, operand);
    switch (op) {
      case '-n':
        return operand !== '';
      case '-z':
        return operand === '';
      case '-e':
      case '-r':
      case '-w':
        return operand !== '' && fs.exists(path());
      case '-f':
        return operand !== '' && fs.readFile(path()) !== undefined;
      case '-d':
        return operand !== '' && fs.isDirectory(path());
      case '-s': {
        const content = operand === '' ? undefined : fs.readFile(path());
        return (content !== undefined && content.length > 0) || (operand !== '' && fs.isDirectory(path()));
      }
      case '-x': {
        // No mode bits here: directories are searchable, and a file is executable when it is a script.
        if (operand === '') return false;
        return fs.isDirectory(path()) || (fs.readFile(path()) ?? '').startsWith('#!');
      }
      default:
        // Devices, pipes, sockets, set-id bits, terminals and symbolic links do not exist in a memory file system.
        return false;
    }
  }

  private binary(left: string, op: string, right: string): boolean {
    switch (op) {
      case '=':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '-nt':
      case '-ot':
        return false;
      case '-ef':
        return this.host.fs.resolve(this.host.cwd, left) === this.host.fs.resolve(this.host.cwd, right) && this.host.fs.exists(this.host.fs.resolve(this.host.cwd, left));
    }
    const a = this.integer(left);
    const b = this.integer(right);
    switch (op) {
      case '-eq':
        return a === b;
      case '-ne':
        return a !== b;
      case '-gt':
        return a > b;
      case '-ge':
        return a >= b;
      case '-lt':
        return a < b;
      default:
        return a <= b;
    }
  }

  private integer(text: string): bigint {
    const m = /^[ \t\n]*([-+]?[0-9]+)$/.exec(text);
    if (!m) throw new TestError(`${text}: bad number`, `Illegal number: ${text}`);
    const value = BigInt(m[1]);
    if (value > MAX || value < MIN) throw new TestError(`${text}: out of range`, `Illegal number: ${text}`);
    return value;
  }
}

function testBuiltin(name: 'test' | '['): Builtin {
  return {
    special: false,
    run(host, argv, fds) {
      let args = argv.slice(1);
      if (name === '[') {
        if (args[args.length - 1] !== ']') return report(host, fds, name, new TestError('missing ]', 'missing ]'));
        args = args.slice(0, -1);
      }
      try {
        return new Evaluator(args, host).run() ? 0 : 1;
      } catch (error) {
        if (error instanceof TestError) return report(host, fds, name, error);
        throw error;
      }
    },
  };
}

function report(host: BuiltinHost, fds: Descriptors, name: string, error: TestError): number {
  // busybox's test prints as the applet, without the builtin's name or a line number.
  if (host.dialect === 'ash') outputOf(fds, 2).write(`sh: ${error.ash}\n`);
  else host.builtinError(fds, name, error.dash);
  return 2;
}

export const test = testBuiltin('test');
export const bracket = testBuiltin('[');
