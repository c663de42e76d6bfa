/**
 * `tr` (GNU coreutils src/tr.c): translate, -d, -s, -c/-C, -t; sets with
 * ranges `a-z`, classes `[:upper:]`, repeats `[c*n]` and `[c*]`, escapes
 * `\n \t \\ \NNN`. When translating, the second set is padded with its last
 * character.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, parseCommandLine, usageError } from './command-line.ts';

const SPECS = [
  { name: 'c', short: 'c', long: 'complement' },
  { name: 'c', short: 'C' },
  { name: 'd', short: 'd', long: 'delete' },
  { name: 's', short: 's', long: 'squeeze-repeats' },
  { name: 't', short: 't', long: 'truncate-set1' },
];

const CLASS_CHARS: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\v\f\r',
  blank: ' \t',
};

function range(from: number, to: number): string {
  let out = '';
  for (let c = from; c <= to; c++) out += String.fromCharCode(c);
  return out;
}

function classChars(name: string): string | undefined {
  switch (name) {
    case 'alpha':
      return CLASS_CHARS.upper + CLASS_CHARS.lower;
    case 'alnum':
      return CLASS_CHARS.digit + CLASS_CHARS.upper + CLASS_CHARS.lower;
    case 'xdigit':
      return `${CLASS_CHARS.digit}ABCDEFabcdef`;
    case 'punct':
      return range(33, 126).replace(/[A-Za-z0-9]/g, '');
    case 'print':
      return range(32, 126);
    case 'graph':
      return range(33, 126);
    case 'cntrl':
      return range(0, 31) + '\x7f';
    default:
      return CLASS_CHARS[name];
  }
}

class SetError extends Error {}

/** One character of a set, with its escapes. */
function readChar(text: string, i: number): [string, number] {
  if (text[i] !== '\\' || i + 1 >= text.length) return [text[i], i + 1];
  const next = text[i + 1];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  if (simple[next] !== undefined) return [simple[next], i + 2];
  if (next >= '0' && next <= '7') {
    let j = i + 1;
    let digits = '';
    while (digits.length < 3 && text[j] >= '0' && text[j] <= '7') digits += text[j++];
    return [String.fromCharCode(parseInt(digits, 8)), j];
  }
  return [next, i + 2];
}

/** Expands a set to its characters; `[c*]` (fill) is returned as a marker for set 2. */
function expandSet(text: string): { chars: string[]; fill?: { at: number; char: string } } {
  const chars: string[] = [];
  let fill: { at: number; char: string } | undefined;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[' && text[i + 1] === ':') {
      const close = text.indexOf(':]', i + 2);
      if (close > 0) {
        const name = text.slice(i + 2, close);
        const members = classChars(name);
        if (members === undefined) throw new SetError(`invalid character class '${name}'`);
        chars.push(...members);
        i = close + 2;
        continue;
      }
    }
    if (text[i] === '[' && i + 2 < text.length) {
      const [c, after] = readChar(text, i + 1);
      if (text[after] === '*') {
        const close = text.indexOf(']', after);
        if (close > 0) {
          const count = text.slice(after + 1, close);
          if (count === '') fill = { at: chars.length, char: c };
          else chars.push(...c.repeat(Number(count.startsWith('0') ? parseInt(count, 8) : Number(count))));
          i = close + 1;
          continue;
        }
      }
    }
    const [c, after] = readChar(text, i);
    if (text[after] === '-' && after + 1 < text.length) {
      const [to, end] = readChar(text, after + 1);
      if (to < c) throw new SetError(`range-endpoints of '${text.slice(i, end)}' are in reverse collating sequence order`);
      chars.push(...range(c.charCodeAt(0), to.charCodeAt(0)));
      i = end;
      continue;
    }
    chars.push(c);
    i = after;
  }
  return { chars, fill };
}

export const tr: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 1);
  const o = parsed.options;
  const del = has(o, 'd');
  const squeeze = has(o, 's');
  const complement = has(o, 'c');
  const operands = parsed.operands;
  if (operands.length === 0) return usageError(program, 'missing operand', 1);
  const translating = !del && !(squeeze && operands.length === 1);
  if (translating && operands.length === 1) return usageError(program, `missing operand after '${operands[0]}'\nTwo strings must be given when translating.`, 1);
  const maxOperands = del && !squeeze ? 1 : 2;
  if (operands.length > maxOperands) {
    const why = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    return usageError(program, `extra operand '${operands[maxOperands]}'${why}`, 1);
  }
  let set1: string[];
  let set2: string[] = [];
  try {
    set1 = expandSet(operands[0]).chars;
    if (operands[1] !== undefined) {
      const e = expandSet(operands[1]);
      set2 = e.chars;
      if (e.fill) {
        const missing = Math.max(0, set1.length - set2.length);
        set2.splice(e.fill.at, 0, ...e.fill.char.repeat(missing));
      }
    }
  } catch (error) {
    if (error instanceof SetError) return { stdout: '', stderr: `${program}: ${error.message}\n`, exitCode: 1 };
    throw error;
  }
  const in1 = new Set(set1);
  const inSet1 = (c: string) => in1.has(c) !== complement;
  const text = ctx.stdin;
  let out = '';
  if (translating) {
    if (has(o, 't')) set1 = set1.slice(0, set2.length);
    const map = new Map<string, string>();
    if (complement) {
      // Every character not in set 1 becomes the last character of set 2.
      const last = set2[set2.length - 1];
      for (const c of text) if (!in1.has(c)) map.set(c, last);
    } else {
      set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]));
    }
    const squeezeSet = new Set(set2);
    let previous = '';
    for (const c of text) {
      const t = map.get(c) ?? c;
      if (squeeze && t === previous && squeezeSet.has(t)) continue;
      out += t;
      previous = t;
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  const squeezeSet = del ? new Set(set2) : null;
  let previous = '';
  for (const c of text) {
    if (del && inSet1(c)) continue;
    const squeezes = squeezeSet ? squeezeSet.has(c) : inSet1(c);
    if (squeeze && squeezes && c === previous) continue;
    out += c;
    previous = c;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
