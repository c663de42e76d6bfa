/**
 * GNU grep 3.8 (checked on this machine, C locale): -G -E -F -P, -e, -f,
 * -i, -v, -w, -x, -c, -l, -L, -o, -q, -s, -n, -b, -H, -h, -m, -r, -Z,
 * --label, context -A -B -C -NUM with `--` between groups. Exit 0 when a
 * line was selected, 1 when none, 2 on an error (unless -q found a match).
 * -P uses JavaScript's regular expressions, which cover what tutorials use.
 */
import type { CommandResult, Program, ProgramContext } from '../types.ts';
import { has, lastValue, parseCommandLine, type OptionSpec, type ParsedOption } from './command-line.ts';
import { RegexSyntaxError, translatePosixRegex } from './posix-regex.ts';

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...';

const SPECS: OptionSpec[] = [
  { name: 'E', short: 'E', long: 'extended-regexp' },
  { name: 'F', short: 'F', long: 'fixed-strings' },
  { name: 'G', short: 'G', long: 'basic-regexp' },
  { name: 'P', short: 'P', long: 'perl-regexp' },
  { name: 'e', short: 'e', long: 'regexp', argument: 'required' },
  { name: 'f', short: 'f', long: 'file', argument: 'required' },
  { name: 'i', short: 'i', long: 'ignore-case' },
  { name: 'i', short: 'y' },
  { name: 'no-i', long: 'no-ignore-case' },
  { name: 'v', short: 'v', long: 'invert-match' },
  { name: 'w', short: 'w', long: 'word-regexp' },
  { name: 'x', short: 'x', long: 'line-regexp' },
  { name: 'c', short: 'c', long: 'count' },
  { name: 'color', long: 'color', argument: 'optional' },
  { name: 'color', long: 'colour', argument: 'optional' },
  { name: 'L', short: 'L', long: 'files-without-match' },
  { name: 'l', short: 'l', long: 'files-with-matches' },
  { name: 'm', short: 'm', long: 'max-count', argument: 'required' },
  { name: 'o', short: 'o', long: 'only-matching' },
  { name: 'q', short: 'q', long: 'quiet' },
  { name: 'q', long: 'silent' },
  { name: 's', short: 's', long: 'no-messages' },
  { name: 'b', short: 'b', long: 'byte-offset' },
  { name: 'H', short: 'H', long: 'with-filename' },
  { name: 'h', short: 'h', long: 'no-filename' },
  { name: 'label', long: 'label', argument: 'required' },
  { name: 'n', short: 'n', long: 'line-number' },
  { name: 'T', short: 'T', long: 'initial-tab' },
  { name: 'Z', short: 'Z', long: 'null' },
  { name: 'A', short: 'A', long: 'after-context', argument: 'required' },
  { name: 'B', short: 'B', long: 'before-context', argument: 'required' },
  { name: 'C', short: 'C', long: 'context', argument: 'required' },
  { name: 'a', short: 'a', long: 'text' },
  { name: 'I', short: 'I' },
  { name: 'r', short: 'r', long: 'recursive' },
  { name: 'r', short: 'R', long: 'dereference-recursive' },
  { name: 'include', long: 'include', argument: 'required' },
  { name: 'exclude', long: 'exclude', argument: 'required' },
  { name: 'line-buffered', long: 'line-buffered' },
  { name: 'U', short: 'U', long: 'binary' },
  { name: 'z', short: 'z', long: 'null-data' },
];

function usage(program: string, message: string): CommandResult {
  return { stdout: '', stderr: `${program}: ${message}\n${USAGE}\nTry '${program} --help' for more information.\n`, exitCode: 2 };
}

/** Options whose value is the next argument: `-C -1` gives -C the value -1. */
const TAKES_VALUE = /^(-[ABCefm]|--(after-context|before-context|context|regexp|file|max-count|label|include|exclude))$/;

/** -NUM context digits are an option of their own to grep: `-5` is `-C 5`. */
function expandContextDigits(args: string[]): string[] {
  return args.map((a, i) => (/^-\d+$/.test(a) && !(i > 0 && TAKES_VALUE.test(args[i - 1])) ? `-C${a.slice(1)}` : a));
}

interface Matcher {
  /** Whether the line is selected (before -v). */
  test(line: string): boolean;
  /** The non-empty matches in a line, for -o. */
  matches(line: string): string[];
}

/** Scripts grep for the same patterns again and again: compiled matchers are kept. */
const matcherCache = new Map<string, { matcher: Matcher; warnings: string[] }>();

function cachedMatcher(patterns: string[], syntax: 'G' | 'E' | 'F' | 'P', ignoreCase: boolean, word: boolean, wholeLine: boolean, warnings: string[]): Matcher {
  const key = JSON.stringify([patterns, syntax, ignoreCase, word, wholeLine]);
  let entry = matcherCache.get(key);
  if (!entry) {
    const fresh: string[] = [];
    entry = { matcher: buildMatcher(patterns, syntax, ignoreCase, word, wholeLine, fresh), warnings: fresh };
    if (matcherCache.size > 200) matcherCache.clear();
    matcherCache.set(key, entry);
  }
  warnings.push(...entry.warnings);
  return entry.matcher;
}

function buildMatcher(patterns: string[], syntax: 'G' | 'E' | 'F' | 'P', ignoreCase: boolean, word: boolean, wholeLine: boolean, warnings: string[]): Matcher {
  const sources = patterns.map((p) => {
    if (syntax === 'F') return p.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    if (syntax === 'P') return p;
    const translated = translatePosixRegex(p, syntax === 'E' ? 'extended' : 'basic');
    warnings.push(...translated.warnings);
    return translated.source;
  });
  const wrap = (s: string) => (wholeLine ? `^(?:${s})$` : word ? `(?<![A-Za-z0-9_])(?:${s})(?![A-Za-z0-9_])` : s);
  const flags = ignoreCase ? 'i' : '';
  // Each pattern keeps its own regex, so back-references number from its own groups.
  const regexes = sources.map((s) => new RegExp(wrap(s), flags));
  const global = sources.map((s) => new RegExp(wrap(s), `g${flags}`));
  return {
    test: (line) => regexes.some((re) => re.test(line)),
    matches(line) {
      // Leftmost match first; among patterns at the same place, the longest.
      const found: string[] = [];
      let pos = 0;
      while (pos <= line.length) {
        let best: { index: number; text: string } | undefined;
        for (const re of global) {
          re.lastIndex = pos;
          const m = re.exec(line);
          if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best.text.length))) best = { index: m.index, text: m[0] };
        }
        if (!best) break;
        if (best.text === '') {
          pos = best.index + 1;
          continue;
        }
        found.push(best.text);
        pos = best.index + best.text.length;
      }
      return found;
    },
  };
}

interface Source {
  name: string;
  text: string;
}

export const grep: Program = (ctx) => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(expandContextDigits(ctx.argv.slice(1)), SPECS);
  if ('error' in parsed) return usage(program, parsed.error);
  const o = parsed.options;
  let operands = parsed.operands;
  const patterns: string[] = [];
  let stderr = '';
  let hadPatternOption = false;
  for (const option of o) {
    if (option.name === 'e') {
      patterns.push(...option.value!.split('\n'));
      hadPatternOption = true;
    } else if (option.name === 'f') {
      hadPatternOption = true;
      const text = option.value === '-' ? ctx.stdin : ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, option.value!));
      if (text === undefined) return { stdout: '', stderr: `${program}: ${option.value}: No such file or directory\n`, exitCode: 2 };
      patterns.push(...text.split('\n').filter((line, i, all) => !(i === all.length - 1 && line === '')));
    }
  }
  if (!hadPatternOption) {
    if (operands.length === 0) return { stdout: '', stderr: `${USAGE}\nTry '${program} --help' for more information.\n`, exitCode: 2 };
    patterns.push(...operands[0].split('\n'));
    operands = operands.slice(1);
  }

  const syntaxFlag = [...o].reverse().find((x) => ['E', 'F', 'G', 'P'].includes(x.name))?.name as 'G' | 'E' | 'F' | 'P' | undefined;
  const ignoreCase = [...o].reverse().find((x) => x.name === 'i' || x.name === 'no-i')?.name === 'i';
  const warnings: string[] = [];
  let matcher: Matcher;
  try {
    matcher = cachedMatcher(patterns, syntaxFlag ?? 'G', ignoreCase, has(o, 'w'), has(o, 'x'), warnings);
  } catch (error) {
    if (error instanceof RegexSyntaxError) return { stdout: '', stderr: `${program}: ${error.message}\n`, exitCode: 2 };
    if (error instanceof SyntaxError) return { stdout: '', stderr: `${program}: ${error.message}\n`, exitCode: 2 };
    throw error;
  }
  for (const w of warnings) stderr += `${program}: warning: ${w}\n`;

  let after = 0;
  let before = 0;
  for (const option of o) {
    if (option.name !== 'A' && option.name !== 'B' && option.name !== 'C') continue;
    if (!/^\d+$/.test(option.value!)) return { stdout: '', stderr: `${program}: ${option.value}: invalid context length argument\n`, exitCode: 2 };
    if (option.name !== 'B') after = Number(option.value);
    if (option.name !== 'A') before = Number(option.value);
  }
  const maxValue = lastValue(o, 'm');
  if (maxValue !== undefined && !/^-?\d+$/.test(maxValue)) return { stdout: '', stderr: `${program}: invalid max count\n`, exitCode: 2 };
  const maxCount = maxValue === undefined || Number(maxValue) < 0 ? Infinity : Number(maxValue);

  const recursive = has(o, 'r');
  const quiet = has(o, 'q');
  const silent = has(o, 's');
  const sources: Source[] = [];
  let hadError = false;
  const label = lastValue(o, 'label') ?? '(standard input)';
  const addError = (message: string) => {
    hadError = true;
    if (!silent) stderr += `${program}: ${message}\n`;
  };
  if (operands.length === 0) operands = recursive ? ['.'] : ['-'];
  const implicitDot = recursive && parsed.operands.length === (hadPatternOption ? 0 : 1);
  for (const name of operands) {
    if (name === '-') {
      sources.push({ name: label, text: ctx.stdin });
      continue;
    }
    const path = ctx.fs.resolve(ctx.cwd, name);
    const text = ctx.fs.readFile(path);
    if (text !== undefined) sources.push({ name, text });
    else if (ctx.fs.isDirectory(path)) {
      if (recursive) walk(ctx, path, implicitDot && name === '.' ? '' : name, sources, o);
      else addError(`${name}: Is a directory`);
    } else addError(`${name}: No such file or directory`);
  }
  const withNames = has(o, 'H') || (!has(o, 'h') && (sources.length > 1 || operands.length > 1 || recursive));
  const nullData = has(o, 'z');
  const result = search(sources, matcher, {
    lineEnd: nullData ? '\0' : '\n',
    invert: has(o, 'v'),
    count: has(o, 'c'),
    listMatching: has(o, 'l'),
    listMissing: has(o, 'L'),
    only: has(o, 'o'),
    quiet,
    lineNumbers: has(o, 'n'),
    byteOffsets: has(o, 'b'),
    withNames: withNames && !has(o, 'h'),
    nullAfterName: has(o, 'Z'),
    initialTab: has(o, 'T'),
    after,
    before,
    maxCount,
  });
  const status = hadError && !(quiet && result.selected) ? 2 : result.selected ? 0 : 1;
  return { stdout: quiet ? '' : result.stdout, stderr, exitCode: status };
};

/** `grep -r`: files under a directory, in name order (GNU's order is the directory's, which a memory file system does not have). */
function walk(ctx: ProgramContext, path: string, shown: string, out: Source[], options: readonly ParsedOption[]): void {
  const include = options.filter((x) => x.name === 'include').map((x) => x.value!);
  const exclude = options.filter((x) => x.name === 'exclude').map((x) => x.value!);
  for (const entry of ctx.fs.list(path) ?? []) {
    const child = path === '/' ? `/${entry}` : `${path}/${entry}`;
    const childShown = shown === '' ? entry : shown.endsWith('/') ? `${shown}${entry}` : `${shown}/${entry}`;
    if (ctx.fs.isDirectory(child)) walk(ctx, child, childShown, out, options);
    else {
      if (include.length && !include.some((g) => globMatch(g, entry))) continue;
      if (exclude.some((g) => globMatch(g, entry))) continue;
      out.push({ name: childShown, text: ctx.fs.readFile(child) ?? '' });
    }
  }
}

function globMatch(glob: string, name: string): boolean {
  const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(name);
}

interface SearchOptions {
  /** What ends a line: a newline, or NUL with -z. */
  lineEnd: string;
  invert: boolean;
  count: boolean;
  listMatching: boolean;
  listMissing: boolean;
  only: boolean;
  quiet: boolean;
  lineNumbers: boolean;
  byteOffsets: boolean;
  withNames: boolean;
  nullAfterName: boolean;
  initialTab: boolean;
  after: number;
  before: number;
  maxCount: number;
}

function search(sources: Source[], matcher: Matcher, opts: SearchOptions): { stdout: string; selected: boolean } {
  let stdout = '';
  let anySelected = false;
  let anyListedMissing = false;
  // The `--` separator goes between groups, across files too.
  let printedAnything = false;
  for (const source of sources) {
    const lines = source.text.split(opts.lineEnd);
    if (lines[lines.length - 1] === '') lines.pop();
    const offsets: number[] = [];
    let offset = 0;
    for (const line of lines) {
      offsets.push(offset);
      offset += Buffer.byteLength(line) + 1;
    }
    let selectedCount = 0;
    const nameSep = (sep: string) => (opts.withNames ? source.name + (opts.nullAfterName ? '\0' : sep) : '');
    const prefix = (i: number, sep: string) => {
      let p = nameSep(sep);
      if (opts.lineNumbers) p += `${i + 1}${sep}`;
      if (opts.byteOffsets && !opts.only) p += `${offsets[i]}${sep}`;
      if (opts.initialTab && p) p += '\t';
      return p;
    };
    const listing = opts.count || opts.listMatching || opts.listMissing;
    let lastPrinted = -1;
    let afterLeft = 0;
    for (let i = 0; i < lines.length; i++) {
      if (selectedCount >= opts.maxCount) {
        // After the last allowed match GNU still prints its trailing context.
        if (!listing && afterLeft > 0 && !matchesLine(i)) {
          stdout += `${prefix(i, '-')}${lines[i]}${opts.lineEnd}`;
          lastPrinted = i;
          afterLeft--;
          continue;
        }
        break;
      }
      const selected = matchesLine(i);
      if (!selected) {
        if (!listing && afterLeft > 0) {
          stdout += `${prefix(i, '-')}${lines[i]}${opts.lineEnd}`;
          lastPrinted = i;
          afterLeft--;
        }
        continue;
      }
      selectedCount++;
      anySelected = true;
      if (opts.quiet) return { stdout: '', selected: true };
      if (listing) {
        if (opts.listMatching || opts.listMissing) break;
        continue;
      }
      const first = Math.max(lastPrinted + 1, i - opts.before);
      const context = opts.before > 0 || opts.after > 0;
      if (context && printedAnything && (lastPrinted < 0 || first > lastPrinted + 1)) stdout += '--\n';
      for (let j = first; j < i; j++) stdout += `${prefix(j, '-')}${lines[j]}${opts.lineEnd}`;
      if (opts.only) {
        let column = 0;
        for (const m of matcher.matches(lines[i])) {
          const at = lines[i].indexOf(m, column);
          column = at + m.length;
          let p = prefix(i, ':');
          if (opts.byteOffsets) p += `${offsets[i] + Buffer.byteLength(lines[i].slice(0, at))}:`;
          stdout += `${p}${m}${opts.lineEnd}`;
        }
      } else stdout += `${prefix(i, ':')}${lines[i]}${opts.lineEnd}`;
      lastPrinted = i;
      printedAnything = true;
      afterLeft = opts.after;
    }
    if (lastPrinted >= 0) printedAnything = true;
    if (opts.count) stdout += `${nameSep(':')}${selectedCount}\n`;
    if (opts.listMatching && selectedCount > 0) stdout += source.name + (opts.nullAfterName ? '\0' : '\n');
    if (opts.listMissing && selectedCount === 0) {
      stdout += source.name + (opts.nullAfterName ? '\0' : '\n');
      anyListedMissing = true;
    }

    function matchesLine(i: number): boolean {
      return matcher.test(lines[i]) !== opts.invert;
    }
  }
  // GNU grep 3.5+: with -L, success means a file was listed.
  return { stdout, selected: opts.listMissing ? anyListedMissing : anySelected };
}
