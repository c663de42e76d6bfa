/**
 * Go's text-to-value conversions as pflag calls them, with Go's exact error
 * texts: strconv.ParseBool, strconv.ParseInt(s, 0, bits), time.ParseDuration,
 * and strconv.Quote (the `%q` verb used throughout kubectl's messages).
 */

/** A conversion failure; message is Go's error text. */
export class GoValueError extends Error {}

import { goQuote } from '../../go-runtime/strconv-quote.ts';
export { goQuote };

/** strconv.ParseBool. */
export function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  throw new GoValueError(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

/** strconv.ParseInt(text, 0, bits): sign, then decimal, 0x hex, 0o / leading-0 octal or 0b binary. */
export function parseGoInt(text: string, bits: 32 | 64): number {
  const syntax = () => new GoValueError(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!match) throw syntax();
  let digits = match[2];
  // Go accepts underscores only between digits and only with a base prefix.
  const hasPrefix = /^0[xXoObB]/.test(digits);
  if (digits.includes('_') && (!hasPrefix || /__|_$|^0[xXoObB]_?$/.test(digits))) throw syntax();
  digits = digits.replace(/_/g, '');
  let value: bigint;
  if (/^0[xX]/.test(digits)) value = BigInt(digits);
  else if (/^0[oO]/.test(digits)) value = BigInt('0o' + digits.slice(2));
  else if (/^0[bB]/.test(digits)) value = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith('0')) value = BigInt('0o' + digits.slice(1));
  else value = BigInt(digits);
  if (match[1] === '-') value = -value;
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) throw new GoValueError(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  return Number(value);
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(text: string): number {
  const invalid = () => new GoValueError(`time: invalid duration ${goQuote(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') throw invalid();
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new GoValueError(`time: missing unit in duration ${goQuote(text)}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) throw new GoValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    total += parseFloat(num[0]) * scale;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

/** Go's Duration.String() for whole-millisecond values: `1m0s`, `30s`, `1h0m0s`, `500ms`, `0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let out = '';
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  return `${sign}${out}${seconds}s`;
}
