/**
 * `sort` (GNU coreutils src/sort.c) in the C locale: byte order; -n, -g, -h,
 * -r, -f, -b, -u, -s, -c, -o, -t, -k POS1[,POS2] with per-key options. Equal
 * keys fall back to comparing whole lines unless -s. Without -t a field
 * starts at the blanks before it, as GNU counts fields.
 */
import type { CommandResult, Program } from '../types.ts';
import { has, lastValue, parseCommandLine, usageError } from './command-line.ts';
import { readInputs, splitLines } from './input-files.ts';

const SPECS = [
  { name: 'n', short: 'n', long: 'numeric-sort' },
  { name: 'g', short: 'g', long: 'general-numeric-sort' },
  { name: 'h', short: 'h', long: 'human-numeric-sort' },
  { name: 'V', short: 'V', long: 'version-sort' },
  { name: 'r', short: 'r', long: 'reverse' },
  { name: 'f', short: 'f', long: 'ignore-case' },
  { name: 'b', short: 'b', long: 'ignore-leading-blanks' },
  { name: 'd', short: 'd', long: 'dictionary-order' },
  { name: 'u', short: 'u', long: 'unique' },
  { name: 's', short: 's', long: 'stable' },
  { name: 'c', short: 'c', long: 'check' },
  { name: 'o', short: 'o', long: 'output', argument: 'required' as const },
  { name: 't', short: 't', long: 'field-separator', argument: 'required' as const },
  { name: 'k', short: 'k', long: 'key', argument: 'required' as const },
  { name: 'z', short: 'z', long: 'zero-terminated' },
];

interface KeyOptions {
  numeric: boolean;
  general: boolean;
  human: boolean;
  version: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
  dictionary: boolean;
}

interface Key extends KeyOptions {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  /** `b` given on the start or the end position. */
  startBlanks: boolean;
  endBlanks: boolean;
}

class KeyError extends Error {}

function parseModifiers(text: string, into: Partial<KeyOptions>): void {
  for (const c of text) {
    if (c === 'n') into.numeric = true;
    else if (c === 'g') into.general = true;
    else if (c === 'h') into.human = true;
    else if (c === 'V') into.version = true;
    else if (c === 'r') into.reverse = true;
    else if (c === 'f') into.fold = true;
    else if (c === 'b') into.blanks = true;
    else if (c === 'd') into.dictionary = true;
    else throw new KeyError(`stray character in field spec`);
  }
}

function parseKey(spec: string, global: KeyOptions): Key {
  const [start, end] = spec.split(',');
  const ms = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)$/.exec(start);
  if (!ms) throw new KeyError(`invalid number at field start: invalid count at start of '${spec}'`);
  if (Number(ms[1]) === 0) throw new KeyError(`field number is zero: invalid field specification '${spec}'`);
  const own: Partial<KeyOptions> = {};
  parseModifiers(ms[3], own);
  const startBlanks = own.blanks === true;
  let endField = Infinity;
  let endChar = 0;
  let endBlanks = false;
  if (end !== undefined) {
    const me = /^(\d+)(?:\.(\d+))?([a-zA-Z]*)$/.exec(end);
    if (!me) throw new KeyError(`invalid number after ',': invalid count at start of '${end}'`);
    endField = Number(me[1]);
    endChar = me[2] === undefined ? 0 : Number(me[2]);
    const endOwn: Partial<KeyOptions> = {};
    parseModifiers(me[3], endOwn);
    endBlanks = endOwn.blanks === true;
    Object.assign(own, endOwn);
  }
  // A key with any ordering option of its own ignores the global ones (GNU).
  const hasOwn = Object.keys(own).length > 0;
  const base = hasOwn ? { numeric: false, general: false, human: false, version: false, reverse: false, fold: false, blanks: false, dictionary: false } : global;
  return { ...base, ...own, startField: Number(ms[1]), startChar: ms[2] === undefined ? 1 : Number(ms[2]), endField, endChar, startBlanks: hasOwn ? startBlanks : global.blanks, endBlanks: hasOwn ? endBlanks : global.blanks };
}

/** Field boundaries of a line: [start, end) of each field. */
function fieldBounds(line: string, separator: string | undefined): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  if (separator !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(separator, start);
      if (at < 0) {
        bounds.push([start, line.length]);
        return bounds;
      }
      bounds.push([start, at]);
      start = at + separator.length;
    }
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') i++;
    bounds.push([start, i]);
  }
  if (bounds.length === 0) bounds.push([0, 0]);
  return bounds;
}

function skipBlanks(line: string, at: number, limit: number): number {
  while (at < limit && (line[at] === ' ' || line[at] === '\t')) at++;
  return at;
}

function keyText(line: string, key: Key, separator: string | undefined): string {
  const bounds = fieldBounds(line, separator);
  const sf = key.startField - 1;
  if (sf >= bounds.length) return '';
  let start = bounds[sf][0];
  if (key.startBlanks) start = skipBlanks(line, start, bounds[sf][1]);
  start = Math.min(start + key.startChar - 1, line.length);
  let end: number;
  if (key.endField === Infinity || key.endField - 1 >= bounds.length) end = line.length;
  else {
    const ef = key.endField - 1;
    if (key.endChar === 0) end = bounds[ef][1];
    else {
      let fieldStart = bounds[ef][0];
      if (key.endBlanks) fieldStart = skipBlanks(line, fieldStart, bounds[ef][1]);
      end = Math.min(fieldStart + key.endChar, bounds[ef][1]);
    }
  }
  return end > start ? line.slice(start, end) : '';
}

const HUMAN_SUFFIX = ' KMGTPEZY';

/** The leading number of a key as `sort -n` reads it: blanks, sign, digits, a decimal point. */
function numericValue(text: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return Number.isNaN(n) ? 0 : n;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKeys(a: string, b: string, key: KeyOptions): number {
  if (key.blanks) {
    a = a.replace(/^[ \t]+/, '');
    b = b.replace(/^[ \t]+/, '');
  }
  if (key.numeric) return numericValue(a) - numericValue(b) || 0;
  if (key.general) {
    const x = Number.parseFloat(a);
    const y = Number.parseFloat(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
    return x - y;
  }
  if (key.human) {
    const h = (t: string) => {
      const m = /^[ \t]*(-?\d*(?:\.\d*)?)([KMGTPEZY]?)/.exec(t);
      return m ? [HUMAN_SUFFIX.indexOf(m[2] || ' '), Number(m[1]) || 0] : [0, 0];
    };
    const [sa, na] = h(a);
    const [sb, nb] = h(b);
    return sa - sb || na - nb;
  }
  if (key.version) return a.localeCompare(b, 'en', { numeric: true });
  if (key.dictionary) {
    a = a.replace(/[^A-Za-z0-9 \t]/g, '');
    b = b.replace(/[^A-Za-z0-9 \t]/g, '');
  }
  if (key.fold) return compareText(a.toUpperCase(), b.toUpperCase());
  return compareText(a, b);
}

export const sort: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return usageError(program, parsed.error, 2);
  const o = parsed.options;
  const global: KeyOptions = { numeric: has(o, 'n'), general: has(o, 'g'), human: has(o, 'h'), version: has(o, 'V'), reverse: has(o, 'r'), fold: has(o, 'f'), blanks: has(o, 'b'), dictionary: has(o, 'd') };
  const separator = lastValue(o, 't');
  if (separator !== undefined && [...separator].length !== 1) {
    return { stdout: '', stderr: separator === '' ? `${program}: empty tab\n` : `${program}: multi-character tab '${separator}'\n`, exitCode: 2 };
  }
  let keys: Key[];
  try {
    keys = o.filter((x) => x.name === 'k').map((x) => parseKey(x.value!, global));
  } catch (error) {
    if (error instanceof KeyError) return { stdout: '', stderr: `${program}: ${error.message}\n`, exitCode: 2 };
    throw error;
  }
  let lines: string[] = [];
  for (const input of readInputs(ctx, parsed.operands)) {
    if ('error' in input) return { stdout: '', stderr: `${program}: cannot read: ${input.name}: ${input.error}\n`, exitCode: 2 };
    lines.push(...splitLines(input.text));
  }
  const stable = has(o, 's');
  const compare = (a: string, b: string): number => {
    if (keys.length === 0) {
      const c = compareKeys(a, b, global);
      if (c !== 0 || stable || has(o, 'u')) return global.reverse ? -c : c;
    } else {
      for (const key of keys) {
        const c = compareKeys(keyText(a, key, separator), keyText(b, key, separator), key);
        if (c !== 0) return key.reverse ? -c : c;
      }
      if (stable || has(o, 'u')) return 0;
    }
    // Last resort: the whole lines, byte by byte (reversed with -r).
    const c = compareText(a, b);
    return global.reverse ? -c : c;
  };
  if (has(o, 'c')) {
    for (let i = 1; i < lines.length; i++) {
      if (compare(lines[i - 1], lines[i]) > 0) return { stdout: '', stderr: `${program}: ${parsed.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`, exitCode: 1 };
    }
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  lines = lines.map((line, i) => ({ line, i })).sort((x, y) => compare(x.line, y.line) || x.i - y.i).map((x) => x.line);
  if (has(o, 'u')) lines = lines.filter((line, i) => i === 0 || compare(lines[i - 1], line) !== 0);
  const text = lines.map((l) => `${l}\n`).join('');
  const output = lastValue(o, 'o');
  if (output !== undefined) {
    ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, output), text);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  return { stdout: text, stderr: '', exitCode: 0 };
};
