/**
 * GNU sed 4.9 (checked on this machine, C locale), the commonly used part:
 * options -n -e -f -E/-r -i -s; addresses N, $, /re/ (with I), first~step,
 * 0,/re/, ranges with N, $, /re/ or +N, and `!`; commands s (flags g p N I
 * w), d, p, q, Q, =, a, i, c, y, n, N, h, H, g, G, x, b, t, :label, { }.
 * Error texts are GNU's: `${program}: -e expression #1, char 5: unterminated `s' command`.
 */
import type { CommandResult, Program, ProgramContext } from '../types.ts';
import { has, parseCommandLine, type OptionSpec } from './command-line.ts';
import { RegexSyntaxError, translatePosixRegex } from './posix-regex.ts';

const SPECS: OptionSpec[] = [
  { name: 'n', short: 'n', long: 'quiet' },
  { name: 'n', long: 'silent' },
  { name: 'e', short: 'e', long: 'expression', argument: 'required' },
  { name: 'f', short: 'f', long: 'file', argument: 'required' },
  { name: 'E', short: 'E', long: 'regexp-extended' },
  { name: 'E', short: 'r' },
  { name: 'i', short: 'i', long: 'in-place', argument: 'optional' },
  { name: 's', short: 's', long: 'separate' },
  { name: 'u', short: 'u', long: 'unbuffered' },
  { name: 'posix', long: 'posix' },
  { name: 'z', short: 'z', long: 'null-data' },
];

class SedError extends Error {}

/** Escapes GNU sed turns into characters before a regular expression is compiled. */
const CHARACTER_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07' };

type Address = { kind: 'line'; line: number } | { kind: 'last' } | { kind: 'regex'; re: RegExp | undefined } | { kind: 'step'; first: number; step: number } | { kind: 'zero' };
type RangeEnd = Address | { kind: 'relative'; count: number };

interface Command {
  first?: Address;
  second?: RangeEnd;
  negate: boolean;
  name: string;
  /** Range state: active, and the line it started on. */
  active: boolean;
  endLine: number;
  // s
  re?: RegExp | undefined;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  writeFile?: string;
  // a i c, labels, y, q
  text?: string;
  label?: string;
  from?: string;
  to?: string;
  exitCode?: number;
  /** Index of the matching `}` for `{`. */
  blockEnd?: number;
}

class ScriptParser {
  private i = 0;
  readonly commands: Command[] = [];
  private blocks: number[] = [];

  constructor(
    /** All -e expressions joined with newlines, as GNU sed joins them. */
    private readonly text: string,
    /** Where each expression starts in `text`. */
    private readonly starts: number[],
    private readonly extended: boolean,
  ) {}

  /** GNU counts the position within the expression it is in: `-e expression #2, char 3`. */
  private fail(message: string, at = this.i): never {
    let expression = 0;
    while (expression + 1 < this.starts.length && this.starts[expression + 1] <= Math.max(0, at - 1)) expression++;
    throw new SedError(`-e expression #${expression + 1}, char ${at === 0 ? 0 : at - this.starts[expression]}: ${message}`);
  }

  private compile(pattern: string, flags: string, at: number): RegExp | undefined {
    if (pattern === '') return undefined;
    try {
      const translated = translatePosixRegex(pattern, this.extended ? 'extended' : 'basic');
      return new RegExp(translated.source, flags);
    } catch (error) {
      if (error instanceof RegexSyntaxError) this.fail(error.message, at);
      throw error;
    }
  }

  /** Reads up to an unescaped `delimiter`; `\n` becomes a newline, `\delim` the delimiter. */
  private delimited(delimiter: string, what: string, keepEscapes: boolean): string {
    let out = '';
    for (;;) {
      if (this.i >= this.text.length) this.fail(what, this.text.length);
      const c = this.text[this.i];
      if (c === '\\') {
        const next = this.text[this.i + 1];
        if (next === undefined) this.fail(what, this.text.length);
        this.i += 2;
        if (next === delimiter) out += delimiter === '&' && keepEscapes ? '\\&' : delimiter;
        else if (!keepEscapes && CHARACTER_ESCAPES[next] !== undefined) out += CHARACTER_ESCAPES[next];
        else out += `\\${next}`;
        continue;
      }
      if (c === delimiter) {
        this.i++;
        return out;
      }
      if (c === '\n' && !keepEscapes) this.fail(what);
      out += c;
      this.i++;
    }
  }

  private address(): Address | undefined {
    const t = this.text;
    const c = t[this.i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^\d+(~\d+)?/.exec(t.slice(this.i))!;
      this.i += m[0].length;
      if (m[1]) return { kind: 'step', first: Number(m[0].split('~')[0]), step: Number(m[1].slice(1)) };
      const line = Number(m[0]);
      return line === 0 ? { kind: 'zero' } : { kind: 'line', line };
    }
    if (c === '$') {
      this.i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      let delimiter = '/';
      if (c === '\\') {
        delimiter = t[this.i + 1];
        this.i++;
      }
      this.i++;
      const pattern = this.delimited(delimiter, 'unterminated address regex', false);
      let flags = '';
      while (t[this.i] === 'I' || t[this.i] === 'M') {
        if (t[this.i] === 'I') flags += 'i';
        else flags += 'm';
        this.i++;
      }
      return { kind: 'regex', re: this.compile(pattern, flags, this.i) };
    }
    return undefined;
  }

  private skipSpace(): void {
    while (this.text[this.i] === ' ' || this.text[this.i] === '\t') this.i++;
  }

  /** The rest of a command: spaces, then `;`, `}`, a newline or the end. */
  private endOfCommand(): void {
    this.skipSpace();
    const c = this.text[this.i];
    if (c === undefined || c === '\n' || c === ';') {
      if (c !== undefined) this.i++;
      return;
    }
    if (c === '}' || c === '#') return;
    this.fail('extra characters after command', this.i + 1);
  }

  /** Text argument of a, i, c: `a text`, or `a\` then the text on the next line; undefined when nothing follows. */
  private textArgument(): string | undefined {
    const t = this.text;
    this.skipSpace();
    if (t[this.i] === '\\') {
      this.i++;
      if (t[this.i] === '\n') this.i++;
      if (this.i >= t.length) return undefined;
    }
    let out = '';
    while (this.i < t.length && t[this.i] !== '\n') {
      if (t[this.i] === '\\' && this.i + 1 < t.length) {
        out += t[this.i + 1];
        this.i += 2;
        continue;
      }
      out += t[this.i++];
    }
    if (this.i < t.length) this.i++;
    return out;
  }

  private labelArgument(): string {
    this.skipSpace();
    const m = /^[^;\n]*/.exec(this.text.slice(this.i))!;
    this.i += m[0].length;
    if (this.text[this.i] === ';' || this.text[this.i] === '\n') this.i++;
    return m[0].trim();
  }

  parse(): Command[] {
    const t = this.text;
    while (this.i < t.length) {
      while (this.i < t.length && /[\s;]/.test(t[this.i])) this.i++;
      if (this.i >= t.length) break;
      if (t[this.i] === '#') {
        while (this.i < t.length && t[this.i] !== '\n') this.i++;
        continue;
      }
      const command: Command = { negate: false, name: '', active: false, endLine: 0 };
      command.first = this.address();
      if (command.first && t[this.i] === ',') {
        this.i++;
        if (t[this.i] === '+' && /\d/.test(t[this.i + 1] ?? '')) {
          const m = /^\+(\d+)/.exec(t.slice(this.i))!;
          this.i += m[0].length;
          command.second = { kind: 'relative', count: Number(m[1]) };
        } else {
          const second = this.address();
          if (!second) this.fail('unexpected `,\'', this.i);
          command.second = second;
        }
      }
      this.skipSpace();
      while (t[this.i] === '!') {
        command.negate = true;
        this.i++;
        this.skipSpace();
      }
      const name = t[this.i];
      if (name === undefined) this.fail('missing command', this.i);
      this.i++;
      command.name = name;
      switch (name) {
        case '{':
          this.blocks.push(this.commands.length);
          this.commands.push(command);
          continue;
        case '}': {
          if (command.first) this.fail("} doesn't want any addresses", this.i);
          const open = this.blocks.pop();
          if (open === undefined) this.fail("unexpected `}'", this.i);
          this.commands[open].blockEnd = this.commands.length;
          this.endOfCommand();
          continue;
        }
        case 's':
          this.parseSubstitute(command);
          break;
        case 'y': {
          const delimiter = t[this.i++];
          const from = this.delimited(delimiter, "unterminated `y' command", false);
          const to = this.delimited(delimiter, "unterminated `y' command", false);
          if ([...from].length !== [...to].length) this.fail("strings for `y' command are different lengths");
          command.from = from;
          command.to = to;
          this.endOfCommand();
          break;
        }
        case 'a':
        case 'i':
        case 'c':
          command.text = this.textArgument();
          break;
        case ':': {
          if (command.first) this.fail(': doesn\'t want any addresses');
          command.label = this.labelArgument();
          if (!command.label) this.fail('":" lacks a label');
          break;
        }
        case 'b':
        case 't':
        case 'T':
          command.label = this.labelArgument();
          break;
        case 'q':
        case 'Q': {
          this.skipSpace();
          const m = /^\d+/.exec(t.slice(this.i));
          if (m) this.i += m[0].length;
          command.exitCode = m ? Number(m[0]) : 0;
          this.endOfCommand();
          break;
        }
        case 'd':
        case 'D':
        case 'p':
        case 'P':
        case '=':
        case 'n':
        case 'N':
        case 'h':
        case 'H':
        case 'g':
        case 'G':
        case 'x':
        case 'z':
          this.endOfCommand();
          break;
        default:
          this.fail(`unknown command: \`${name}'`, this.i);
      }
      this.commands.push(command);
    }
    if (this.blocks.length) this.fail("unmatched `{'", 0);
    return this.commands;
  }

  private parseSubstitute(command: Command): void {
    const t = this.text;
    const delimiter = t[this.i];
    if (delimiter === undefined || delimiter === '\n' || delimiter === '\\') this.fail("unterminated `s' command", t.length);
    this.i++;
    const pattern = this.delimited(delimiter, "unterminated `s' command", false);
    const replacement = this.delimited(delimiter, "unterminated `s' command", true);
    let flags = '';
    command.global = false;
    command.occurrence = 1;
    for (;;) {
      const c = t[this.i];
      if (c === 'g') command.global = true;
      else if (c === 'p') command.print = true;
      else if (c === 'i' || c === 'I') flags += 'i';
      else if (c === 'm' || c === 'M') flags += 'm';
      else if (c !== undefined && /\d/.test(c)) {
        const m = /^\d+/.exec(t.slice(this.i))!;
        command.occurrence = Number(m[0]);
        this.i += m[0].length;
        continue;
      } else if (c === 'w') {
        this.i++;
        const name = this.labelArgument();
        if (!name) this.fail('missing filename in r/R/w/W commands', this.i);
        command.writeFile = name;
        this.i--;
      } else break;
      this.i++;
    }
    const end = this.i;
    const c = t[this.i];
    if (c !== undefined && c !== ';' && c !== '\n' && c !== '}' && c !== ' ' && c !== '\t' && c !== '#') this.fail("unknown option to `s'", this.i + 1);
    command.re = this.compile(pattern, flags, end);
    command.replacement = replacement;
    this.endOfCommand();
  }
}

/** Expands `&`, `\1`..`\9`, `\n`, `\t` and escapes of a replacement for one match. */
function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '&') out += match[0];
    else if (c === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i];
      if (next >= '0' && next <= '9') out += match[Number(next)] ?? '';
      else if (next === 'n') out += '\n';
      else if (next === 't') out += '\t';
      else out += next;
    } else out += c;
  }
  return out;
}

/** s///: GNU skips an empty match right after the previous match. */
function substitute(space: string, command: Command, re: RegExp): { text: string; replaced: boolean } {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let out = '';
  let pos = 0;
  let count = 0;
  let replaced = false;
  let lastEnd = -1;
  while (pos <= space.length) {
    global.lastIndex = pos;
    const m = global.exec(space);
    if (!m) break;
    if (m[0] === '' && m.index === lastEnd) {
      if (m.index >= space.length) break;
      out += space.slice(pos, m.index + 1);
      pos = m.index + 1;
      continue;
    }
    count++;
    const wanted = command.global ? count >= command.occurrence! : count === command.occurrence;
    out += space.slice(pos, m.index);
    out += wanted ? expandReplacement(command.replacement!, m) : m[0];
    if (wanted) replaced = true;
    lastEnd = m.index + m[0].length;
    if (m[0] === '') {
      if (m.index >= space.length) {
        pos = space.length + 1;
        break;
      }
      out += space[m.index];
      pos = m.index + 1;
    } else pos = lastEnd;
    if (wanted && !command.global) break;
  }
  if (pos <= space.length) out += space.slice(pos);
  return { text: out, replaced };
}

interface Line {
  text: string;
  newline: boolean;
}

class Runner {
  out = '';
  exitCode: number | undefined;
  private hold = '';
  private missingNewline = false;
  private lastRegex: RegExp | undefined;
  private lineNumber = 0;
  private writes = new Map<string, string>();

  constructor(
    private readonly commands: Command[],
    private readonly quiet: boolean,
    private readonly ctx: ProgramContext,
  ) {}

  private regex(re: RegExp | undefined): RegExp {
    if (re) {
      this.lastRegex = re;
      return re;
    }
    if (!this.lastRegex) throw new SedError('no previous regular expression');
    return this.lastRegex;
  }

  private matchesAddress(address: Address, space: string, isLast: boolean): boolean {
    switch (address.kind) {
      case 'line':
        return this.lineNumber === address.line;
      case 'last':
        return isLast;
      case 'zero':
        return false;
      case 'step':
        return address.step <= 0 ? this.lineNumber === address.first : this.lineNumber >= address.first && (this.lineNumber - address.first) % address.step === 0;
      case 'regex':
        return this.regex(address.re).test(space);
    }
  }

  private selected(command: Command, space: string, isLast: boolean): boolean {
    let hit: boolean;
    if (!command.first) hit = true;
    else if (!command.second) hit = this.matchesAddress(command.first, space, isLast);
    else if (command.active) {
      const end = command.second;
      let done: boolean;
      if (end.kind === 'relative') done = this.lineNumber >= command.endLine;
      else if (end.kind === 'line') done = this.lineNumber >= end.line;
      else done = this.matchesAddress(end, space, isLast);
      if (done) command.active = false;
      hit = true;
    } else {
      const starts = command.first.kind === 'zero' ? this.lineNumber === 1 : this.matchesAddress(command.first, space, isLast);
      if (!starts) hit = false;
      else {
        hit = true;
        const end = command.second;
        if (end.kind === 'relative') {
          command.endLine = this.lineNumber + end.count;
          command.active = end.count > 0;
        } else if (end.kind === 'line') command.active = end.line > this.lineNumber;
        else if (command.first.kind === 'zero') command.active = !this.matchesAddress(end, space, isLast);
        else command.active = !(end.kind === 'last' && isLast);
      }
    }
    return hit !== command.negate;
  }

  /** Runs the script over lines; `next` reads the next line for n and N. */
  run(lines: Line[]): void {
    let index = 0;
    while (index < lines.length && this.exitCode === undefined) {
      const line = lines[index++];
      this.lineNumber++;
      let space = line.text;
      let newline = line.newline;
      const append: string[] = [];
      let deleted = false;
      let substituted = false;
      let autoprint = !this.quiet;
      const isLast = () => index >= lines.length;
      const emit = (text: string, nl = true) => {
        // A line printed without its newline gets one when more output follows (GNU output_missing_newline).
        if (this.missingNewline) this.out += '\n';
        this.out += text + (nl ? '\n' : '');
        this.missingNewline = !nl;
      };
      const flushAppend = () => {
        for (const a of append) emit(a);
        append.length = 0;
      };
      let pc = 0;
      while (pc < this.commands.length) {
        const command = this.commands[pc];
        if (!this.selected(command, space, isLast())) {
          pc = command.name === '{' ? command.blockEnd! : pc + 1;
          continue;
        }
        pc++;
        switch (command.name) {
          case '{':
          case ':':
            break;
          case 's': {
            const result = substitute(space, command, this.regex(command.re));
            if (result.replaced) {
              space = result.text;
              substituted = true;
              if (command.print) emit(space);
              if (command.writeFile) this.write(command.writeFile, space);
            }
            break;
          }
          case 'y': {
            const from = [...command.from!];
            const to = [...command.to!];
            space = [...space].map((ch) => {
              const k = from.indexOf(ch);
              return k < 0 ? ch : to[k];
            }).join('');
            break;
          }
          case 'd':
            deleted = true;
            pc = this.commands.length;
            break;
          case 'D': {
            const nl = space.indexOf('\n');
            if (nl < 0) deleted = true;
            else {
              lines.splice(index, 0, { text: space.slice(nl + 1), newline });
              this.lineNumber--;
              deleted = true;
            }
            pc = this.commands.length;
            break;
          }
          case 'p':
            emit(space);
            break;
          case 'P':
            emit(space.split('\n', 1)[0]);
            break;
          case '=':
            emit(String(this.lineNumber));
            break;
          case 'a':
            if (command.text !== undefined) append.push(command.text);
            break;
          case 'i':
            if (command.text !== undefined) emit(command.text);
            break;
          case 'c':
            if ((!command.second || !command.active) && command.text !== undefined) emit(command.text);
            deleted = true;
            pc = this.commands.length;
            break;
          case 'n':
            if (isLast()) {
              // GNU: without a next line, n prints (unless -n) and ends without running the rest.
              pc = this.commands.length;
              break;
            }
            if (autoprint) emit(space, newline);
            flushAppend();
            {
              const next = lines[index++];
              this.lineNumber++;
              space = next.text;
              newline = next.newline;
            }
            break;
          case 'N':
            if (isLast()) {
              pc = this.commands.length;
              break;
            }
            {
              const next = lines[index++];
              this.lineNumber++;
              space += `\n${next.text}`;
              newline = next.newline;
            }
            break;
          case 'h':
            this.hold = space;
            break;
          case 'H':
            this.hold += `\n${space}`;
            break;
          case 'g':
            space = this.hold;
            break;
          case 'G':
            space += `\n${this.hold}`;
            break;
          case 'x':
            [space, this.hold] = [this.hold, space];
            break;
          case 'z':
            space = '';
            break;
          case 'b':
          case 't':
          case 'T': {
            const jump = command.name === 'b' || (command.name === 't' ? substituted : !substituted);
            if (command.name !== 'b') substituted = false;
            if (!jump) break;
            if (!command.label) pc = this.commands.length;
            else {
              const target = this.commands.findIndex((c) => c.name === ':' && c.label === command.label);
              if (target < 0) throw new SedError(`can't find label for jump to \`${command.label}'`);
              pc = target + 1;
            }
            break;
          }
          case 'q':
            this.exitCode = command.exitCode;
            pc = this.commands.length;
            break;
          case 'Q':
            this.exitCode = command.exitCode;
            autoprint = false;
            deleted = true;
            pc = this.commands.length;
            break;
        }
      }
      if (!deleted && autoprint) emit(space, newline);
      flushAppend();
    }
  }

  private write(name: string, text: string): void {
    const previous = this.writes.get(name) ?? '';
    const content = `${previous}${text}\n`;
    this.writes.set(name, content);
    const path = name === '/dev/stdout' ? undefined : this.ctx.fs.resolve(this.ctx.cwd, name);
    if (path) this.ctx.fs.writeFile(path, content);
    else this.out += `${text}\n`;
  }

  resetLineNumbers(): void {
    this.lineNumber = 0;
    this.missingNewline = false;
    for (const c of this.commands) c.active = false;
  }
}

function toLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const endsWithNewline = parts[parts.length - 1] === '';
  if (endsWithNewline) parts.pop();
  return parts.map((p, i) => ({ text: p, newline: i < parts.length - 1 || endsWithNewline }));
}

export const sed: Program = (ctx): CommandResult => {
  const program = ctx.argv[0];
  const parsed = parseCommandLine(ctx.argv.slice(1), SPECS);
  if ('error' in parsed) return { stdout: '', stderr: `${program}: ${parsed.error}\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`, exitCode: 1 };
  const o = parsed.options;
  const scripts: string[] = [];
  for (const option of o) {
    if (option.name === 'e') scripts.push(option.value!);
    if (option.name === 'f') {
      const text = ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, option.value!));
      if (text === undefined) return { stdout: '', stderr: `${program}: couldn't open file ${option.value}: No such file or directory\n`, exitCode: 1 };
      scripts.push(text.replace(/\n$/, ''));
    }
  }
  let operands = parsed.operands;
  if (scripts.length === 0) {
    if (operands.length === 0) return { stdout: '', stderr: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n', exitCode: 1 };
    scripts.push(operands[0]);
    operands = operands.slice(1);
  }
  const extended = has(o, 'E');
  let commands: Command[];
  try {
    const starts: number[] = [];
    let offset = 0;
    for (const script of scripts) {
      starts.push(offset);
      offset += script.length + 1;
    }
    commands = new ScriptParser(scripts.join('\n'), starts, extended).parse();
  } catch (error) {
    if (error instanceof SedError) return { stdout: '', stderr: `${program}: ${error.message}\n`, exitCode: 1 };
    throw error;
  }
  const inPlace = has(o, 'i');
  const separate = inPlace || has(o, 's');
  if (inPlace && operands.length === 0) return { stdout: '', stderr: `${program}: no input files\n`, exitCode: 1 };
  const runner = new Runner(commands, has(o, 'n'), ctx);
  let stderr = '';
  let status = 0;
  const inputs: Array<{ name: string; text: string }> = [];
  for (const name of operands.length ? operands : ['-']) {
    if (name === '-') {
      inputs.push({ name, text: ctx.stdin });
      continue;
    }
    const path = ctx.fs.resolve(ctx.cwd, name);
    const text = ctx.fs.readFile(path);
    if (text === undefined) {
      stderr += ctx.fs.isDirectory(path) ? `${program}: couldn't edit ${name}: not a regular file\n` : `${program}: can't read ${name}: No such file or directory\n`;
      status = 2;
      continue;
    }
    inputs.push({ name, text });
  }
  try {
    if (separate) {
      for (const input of inputs) {
        runner.resetLineNumbers();
        const before = runner.out;
        runner.out = '';
        runner.run(toLines(input.text));
        if (inPlace) {
          ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, input.name), runner.out);
          runner.out = before;
        } else runner.out = before + runner.out;
        if (runner.exitCode !== undefined) break;
      }
    } else {
      // One stream: a file's last line without a newline still ends a line when another file follows.
      const lines = inputs.flatMap((input, k) => {
        const fileLines = toLines(input.text);
        if (k < inputs.length - 1 && fileLines.length) fileLines[fileLines.length - 1].newline = true;
        return fileLines;
      });
      runner.run(lines);
    }
  } catch (error) {
    if (error instanceof SedError) return { stdout: runner.out, stderr: `${stderr}sed: ${error.message}\n`, exitCode: 1 };
    throw error;
  }
  return { stdout: runner.out, stderr, exitCode: runner.exitCode ?? status };
};

