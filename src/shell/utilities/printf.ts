/**
 * `printf` as GNU coreutils prints it (src/printf.c; checked with
 * /usr/bin/printf in the C locale): the format is reused while arguments
 * remain; %d %i %o %u %x %X %c %s %b %q %f %F %e %E %g %G %a %%, flags
 * `-+ #0`, width and precision (also `*`); numeric arguments may be 'c (a
 * character's code), 0x hex, 0 octal. The shells build printf in; we use this
 * one for both.
 */
import type { CommandResult, Program } from '../types.ts';
import { decodeEchoEscapes } from './backslash-escapes.ts';

const MAX = (1n << 63n) - 1n;
const MIN = -(1n << 63n);

class Formatter {
  stderr = '';
  failed = false;
  /** A `\c` in %b or the format: stop everything. */
  stopped = false;

  constructor(private readonly program: string) {}

  private warn(message: string): void {
    this.stderr += `${this.program}: ${message}\n`;
    this.failed = true;
  }

  /** An integer argument as strtoimax reads it, with GNU's complaints. */
  integer(arg: string | undefined): bigint {
    if (arg === undefined || arg === '') return 0n;
    if (arg[0] === "'" || arg[0] === '"') return arg.length > 1 ? BigInt(arg.codePointAt(1)!) : 0n;
    const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
    if (!m) {
      this.warn(`'${arg}': expected a numeric value`);
      return 0n;
    }
    let value = BigInt(m[2].length > 1 && m[2][0] === '0' && !/^0[xX]/.test(m[2]) ? `0o${m[2].slice(1)}` : m[2]);
    if (m[1] === '-') value = -value;
    if (value > MAX || value < MIN) {
      this.warn(`'${arg}': Numerical result out of range`);
      value = value > MAX ? MAX : MIN;
    }
    if (m[0].length < arg.length) this.warn(`'${arg}': value not completely converted`);
    return value;
  }

  float(arg: string | undefined): number {
    if (arg === undefined || arg === '') return 0;
    if (arg[0] === "'" || arg[0] === '"') return arg.length > 1 ? arg.codePointAt(1)! : 0;
    const m = /^\s*[-+]?(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|inf(inity)?|nan)/i.exec(arg);
    if (!m) {
      this.warn(`'${arg}': expected a numeric value`);
      return 0;
    }
    if (m[0].length < arg.length) this.warn(`'${arg}': value not completely converted`);
    return Number(m[0].trim());
  }

  fail(message: string): void {
    this.warn(message);
  }
}

/** Escapes of the format string itself: like echo's, plus \" \NNN (no leading 0 needed) \u \U. */
function formatEscape(format: string, i: number): { text: string; next: number; stop?: boolean } {
  const c = format[i + 1];
  if (c === undefined) return { text: '\\', next: i + 1 };
  if (c === '"') return { text: '"', next: i + 2 };
  if (c === 'c') return { text: '', next: format.length, stop: true };
  if (c >= '0' && c <= '7') {
    let j = i + 1;
    let digits = '';
    while (digits.length < 3 && format[j] >= '0' && format[j] <= '7') digits += format[j++];
    return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), next: j };
  }
  if (c === 'u' || c === 'U') {
    const length = c === 'u' ? 4 : 8;
    const hex = format.slice(i + 2, i + 2 + length);
    if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) return { text: String.fromCodePoint(parseInt(hex, 16)), next: i + 2 + length };
    return { text: `\\${c}`, next: i + 2 };
  }
  const decoded = decodeEchoEscapes(format.slice(i, i + 4));
  if (c === 'x' && /[0-9a-fA-F]/.test(format[i + 2] ?? '')) {
    let j = i + 2;
    while (j < i + 4 && /[0-9a-fA-F]/.test(format[j] ?? '')) j++;
    return { text: String.fromCharCode(parseInt(format.slice(i + 2, j), 16)), next: j };
  }
  if ('\\abefnrtv'.includes(c)) return { text: decoded.text[0], next: i + 2 };
  return { text: `\\${c}`, next: i + 2 };
}

/** GNU's %q (shell-escape quoting style of gnulib quotearg). */
export function shellQuote(text: string): string {
  if (text === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  if (/[\x00-\x1f\x7f]/.test(text)) {
    let out = '';
    let plain = '';
    const flush = () => {
      if (plain) out += `'${plain.replace(/'/g, `'\\''`)}'`;
      plain = '';
    };
    const names: Record<string, string> = { '\t': 't', '\n': 'n', '\r': 'r', '\x07': 'a', '\b': 'b', '\f': 'f', '\v': 'v', '\x1b': 'E' };
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 32 || code === 127) {
        flush();
        out += `$'\\${names[ch] ?? code.toString(8).padStart(3, '0')}'`;
      } else plain += ch;
    }
    flush();
    return out;
  }
  if (text.includes("'")) return /[$`\\"!]/.test(text) ? `'${text.replace(/'/g, `'\\''`)}'` : `"${text}"`;
  return `'${text}'`;
}

function pad(text: string, width: number, left: boolean, zero: boolean): string {
  if (text.length >= width) return text;
  if (left) return text.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(text) ? text[0] : '';
    const prefix = /^[-+ ]?0[xX]/.test(text) ? text.slice(0, sign.length + 2) : sign;
    return prefix + text.slice(prefix.length).padStart(width - prefix.length, '0');
  }
  return text.padStart(width);
}

/** C's %e exponent: at least two digits. */
function cExponent(text: string): string {
  return text.replace(/e([-+])(\d)$/, 'e$10$2');
}

function formatFloat(value: number, conversion: string, precision: number | undefined, alternate: boolean): string {
  const upper = conversion === conversion.toUpperCase();
  let text: string;
  if (!Number.isFinite(value)) text = Number.isNaN(value) ? 'nan' : value < 0 ? '-inf' : 'inf';
  else {
    const lower = conversion.toLowerCase();
    const p = precision ?? 6;
    if (lower === 'f') text = value.toFixed(p);
    else if (lower === 'e') text = cExponent(value.toExponential(p));
    else if (lower === 'a') text = value.toString(16);
    else {
      const significant = p === 0 ? 1 : p;
      const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(value.toExponential(significant - 1)))));
      text = exponent < -4 || exponent >= significant ? cExponent(value.toExponential(significant - 1)) : value.toFixed(Math.max(0, significant - 1 - exponent));
      if (!alternate) text = text.includes('e') ? text.replace(/\.?0+e/, 'e') : text.includes('.') ? text.replace(/\.?0+$/, '') : text;
    }
  }
  return upper ? text.toUpperCase() : text;
}

function unsigned(value: bigint): bigint {
  return value < 0n ? BigInt.asUintN(64, value) : value;
}

/** Runs one pass of the format over the arguments from `next`; returns how many it used. */
function formatOnce(format: string, args: readonly string[], start: number, f: Formatter, out: { text: string }): number {
  let used = 0;
  const take = () => {
    const arg = args[start + used];
    if (start + used < args.length) used++;
    return arg;
  };
  for (let i = 0; i < format.length && !f.stopped; ) {
    const c = format[i];
    if (c === '\\') {
      const escape = formatEscape(format, i);
      out.text += escape.text;
      i = escape.next;
      if (escape.stop) f.stopped = true;
      continue;
    }
    if (c !== '%') {
      out.text += c;
      i++;
      continue;
    }
    const directiveStart = i;
    i++;
    if (format[i] === '%') {
      out.text += '%';
      i++;
      continue;
    }
    let flags = '';
    while ('-+ #0'.includes(format[i] ?? 'x') && i < format.length) flags += format[i++];
    let width: number | undefined;
    if (format[i] === '*') {
      width = Number(f.integer(take()));
      i++;
    } else {
      const m = /^\d+/.exec(format.slice(i));
      if (m) {
        width = Number(m[0]);
        i += m[0].length;
      }
    }
    let precision: number | undefined;
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        precision = Number(f.integer(take()));
        i++;
      } else {
        const m = /^\d*/.exec(format.slice(i))!;
        precision = m[0] === '' ? 0 : Number(m[0]);
        i += m[0].length;
      }
    }
    // Length modifiers are read and ignored, as GNU does.
    while ('hlLjzt'.includes(format[i] ?? 'x') && i < format.length) i++;
    const conversion = format[i];
    i++;
    const left = flags.includes('-') || (width !== undefined && width < 0);
    const w = width === undefined ? 0 : Math.abs(width);
    const zero = flags.includes('0') && !left;
    switch (conversion) {
      case 's': {
        let s = take() ?? '';
        if (precision !== undefined) s = s.slice(0, precision);
        out.text += pad(s, w, left, false);
        break;
      }
      case 'b': {
        const decoded = decodeEchoEscapes(take() ?? '');
        let s = decoded.text;
        if (precision !== undefined) s = s.slice(0, precision);
        out.text += pad(s, w, left, false);
        if (decoded.stop) f.stopped = true;
        break;
      }
      case 'q':
        out.text += pad(shellQuote(take() ?? ''), w, left, false);
        break;
      case 'c':
        out.text += pad((take() ?? '')[0] ?? '\0', w, left, false);
        break;
      case 'd':
      case 'i':
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        const value = f.integer(take());
        let digits: string;
        const magnitude = conversion === 'd' || conversion === 'i' ? (value < 0n ? -value : value) : unsigned(value);
        if (conversion === 'o') digits = magnitude.toString(8);
        else if (conversion === 'x' || conversion === 'X') digits = magnitude.toString(16);
        else digits = magnitude.toString();
        if (precision !== undefined) digits = precision === 0 && magnitude === 0n ? '' : digits.padStart(precision, '0');
        if (flags.includes('#') && magnitude !== 0n) {
          if (conversion === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
          if (conversion === 'x') digits = `0x${digits}`;
          if (conversion === 'X') digits = `0X${digits}`;
        }
        if (conversion === 'X') digits = digits.toUpperCase();
        let sign = '';
        if ((conversion === 'd' || conversion === 'i') && value < 0n) sign = '-';
        else if (conversion === 'd' || conversion === 'i') sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        out.text += pad(sign + digits, w, left, zero && precision === undefined);
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        const value = f.float(take());
        let text = formatFloat(value, conversion, precision, flags.includes('#'));
        if (value >= 0 && !text.startsWith('-')) text = (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + text;
        out.text += pad(text, w, left, zero);
        break;
      }
      default:
        f.fail(`${format.slice(directiveStart, Math.min(i, format.length))}: invalid conversion specification`);
        f.stopped = true;
        return used;
    }
  }
  return used;
}

export const printf: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  let args = ctx.argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) return { stdout: '', stderr: `${program}: missing operand\nTry '${program} --help' for more information.\n`, exitCode: 1 };
  const [format, ...rest] = args;
  const f = new Formatter(program);
  const out = { text: '' };
  let next = 0;
  do {
    const used = formatOnce(format, rest, next, f, out);
    if (used === 0) {
      if (next === 0 && rest.length > 0 && !f.stopped) f.stderr += `${program}: warning: ignoring excess arguments, starting with '${rest[0]}'\n`;
      break;
    }
    next += used;
  } while (next < rest.length && !f.stopped);
  return { stdout: out.text, stderr: f.stderr, exitCode: f.failed ? 1 : 0 };
};
