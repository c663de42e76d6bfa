/**
 * Word expansion (XCU 2.6): tilde, parameters, command substitution and
 * arithmetic, then field splitting on IFS, pathname expansion and quote
 * removal. Expanded text is carried as segments that remember whether they
 * were quoted and whether they came from an expansion, because only unquoted
 * expansion results are split and only unquoted characters glob.
 */
import type { List, Parameter, Word, WordPart } from '../parser/ast.ts';
import type { FileSystem } from '../types.ts';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import { expandPathname } from './pathname.ts';
import { escapePattern, hasPatternCharacters, removeAffix, replacePattern, unescapePattern } from './pattern.ts';

/** What expansion needs from the running shell. */
export interface ExpansionHost {
  readonly dialect: 'ash' | 'dash';
  readonly fs: FileSystem;
  readonly cwd: string;
  /** `set -u`. */
  readonly nounset: boolean;
  /** `set -f`. */
  readonly noglob: boolean;
  getVariable(name: string): string | undefined;
  /** Throws (via fail) when the variable is read-only. */
  setVariable(name: string, value: string): void;
  positional(): readonly string[];
  /** `$?`, `$$`, `$!`, `$-`, `$0`. */
  special(name: string): string;
  /** Runs the commands and returns their standard output. */
  commandSubstitution(body: List): Promise<string>;
  /** Reports an expansion error (`sh: x: parameter not set`) and ends the shell. */
  fail(message: string): never;
}

interface Segment {
  text: string;
  quoted: boolean;
  /** An unquoted expansion result: subject to field splitting. */
  split: boolean;
}

/** Separates the fields of "$@". */
const BREAK = null;
type Piece = Segment | typeof BREAK;

const DEFAULT_IFS = ' \t\n';

/** Expands words into fields: what a command's arguments become. */
export async function expandWords(words: readonly Word[], host: ExpansionHost): Promise<string[]> {
  const fields: string[] = [];
  for (const word of words) {
    const only = word.parts.length === 1 ? word.parts[0] : undefined;
    // Fast paths: plain text needs no splitting, and globbing only with pattern characters.
    if (only?.type === 'quoted') {
      fields.push(only.value);
      continue;
    }
    if (only?.type === 'literal' && !hasPatternCharacters(only.value)) {
      fields.push(only.value);
      continue;
    }
    const pieces: Piece[] = [];
    await collect(word.parts, false, pieces, host);
    for (const field of splitFields(pieces, ifsOf(host))) fields.push(...globField(field, host));
  }
  return fields;
}

/** Expands a word to one string, without field splitting or pathname expansion (assignments, redirections, case words). */
export async function expandToString(word: Word, host: ExpansionHost): Promise<string> {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.type === 'literal' || only?.type === 'quoted') return only.value;
  const pieces: Piece[] = [];
  await collect(word.parts, false, pieces, host);
  let text = '';
  let first = true;
  for (const piece of pieces) {
    if (piece === BREAK) {
      // "$@" outside a field context joins with spaces.
      if (!first) text += ' ';
      continue;
    }
    text += piece.text;
    first = false;
  }
  return text;
}

/** Expands a word into a pattern: quoted characters are escaped so that they match only themselves. */
export async function expandPattern(word: Word, host: ExpansionHost): Promise<string> {
  const only = word.parts.length === 1 ? word.parts[0] : undefined;
  if (only?.type === 'literal') return only.value;
  const pieces: Piece[] = [];
  await collect(word.parts, false, pieces, host);
  let pattern = '';
  for (const piece of pieces) if (piece !== BREAK) pattern += piece.quoted ? escapePattern(piece.text) : piece.text;
  return pattern;
}

function ifsOf(host: ExpansionHost): string {
  const ifs = host.getVariable('IFS');
  return ifs === undefined ? DEFAULT_IFS : ifs;
}

function containsAt(parts: readonly WordPart[]): boolean {
  return parts.some((p) => p.type === 'parameter' && p.name === '@' && p.op === 'plain');
}

async function collect(parts: readonly WordPart[], inDouble: boolean, out: Piece[], host: ExpansionHost): Promise<void> {
  for (const part of parts) {
    switch (part.type) {
      case 'literal':
        out.push({ text: part.value, quoted: inDouble, split: false });
        break;
      case 'quoted':
        out.push({ text: part.value, quoted: true, split: false });
        break;
      case 'double': {
        const before = out.length;
        await collect(part.parts, true, out, host);
        // "" is an empty field of its own; "$@" with no parameters is none.
        if (out.length === before && !containsAt(part.parts)) out.push({ text: '', quoted: true, split: false });
        break;
      }
      case 'tilde': {
        const home = part.user === '' ? (host.getVariable('HOME') ?? '/root') : part.user === 'root' ? '/root' : undefined;
        out.push({ text: home ?? `~${part.user}`, quoted: true, split: false });
        break;
      }
      case 'parameter':
        await expandParameter(part, inDouble, out, host);
        break;
      case 'command': {
        const output = await host.commandSubstitution(part.body);
        out.push({ text: output.replace(/\n+$/, ''), quoted: inDouble, split: !inDouble });
        break;
      }
      case 'arithmetic': {
        const expression = await expandToString(part.expression, host);
        out.push({ text: arithmetic(expression, host).toString(), quoted: inDouble, split: !inDouble });
        break;
      }
    }
  }
}

function arithmetic(expression: string, host: ExpansionHost): bigint {
  try {
    return evaluateArithmetic(expression, { get: (n) => host.getVariable(n), set: (n, v) => host.setVariable(n, v) }, host.dialect);
  } catch (error) {
    if (error instanceof ArithmeticError) host.fail(error.describe(host.dialect));
    throw error;
  }
}

function parameterValue(name: string, host: ExpansionHost): string | undefined {
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const index = Number(name);
    if (index === 0) return host.special('0');
    return host.positional()[index - 1];
  }
  switch (name) {
    case '#':
      return String(host.positional().length);
    case '@':
    case '*': {
      const args = host.positional();
      return args.length ? args.join(' ') : undefined;
    }
    case '?':
    case '$':
    case '!':
    case '-':
      return host.special(name);
    default:
      return host.getVariable(name);
  }
}

async function expandParameter(part: Parameter, inDouble: boolean, out: Piece[], host: ExpansionHost): Promise<void> {
  const { name, op } = part;
  if (op === 'bad') host.fail(host.dialect === 'ash' ? 'syntax error: bad substitution' : 'Bad substitution');
  const emit = (text: string) => out.push({ text, quoted: inDouble, split: !inDouble });
  if ((name === '@' || name === '*') && op === 'plain') {
    const args = host.positional();
    if (inDouble && name === '*') {
      const ifs = ifsOf(host);
      emit(args.join(ifs.slice(0, 1)));
      return;
    }
    args.forEach((arg, i) => {
      if (i > 0) out.push(BREAK);
      emit(arg);
    });
    return;
  }
  const value = parameterValue(name, host);
  const isSet = value !== undefined && (!part.colon || value !== '');
  const checkSet = () => {
    if (value === undefined && host.nounset && name !== '@' && name !== '*') host.fail(`${name}: parameter not set`);
  };
  switch (op) {
    case 'plain':
      checkSet();
      emit(value ?? '');
      return;
    case 'length':
      checkSet();
      emit(String([...(value ?? '')].length));
      return;
    case 'default':
      if (isSet) emit(value!);
      else await collectWord(part.word!, inDouble, out, host);
      return;
    case 'alternative':
      if (isSet) await collectWord(part.word!, inDouble, out, host);
      return;
    case 'assign': {
      if (isSet) {
        emit(value!);
        return;
      }
      const assigned = await expandToString(part.word!, host);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) host.fail(`${name}: cannot assign in this way`);
      host.setVariable(name, assigned);
      emit(assigned);
      return;
    }
    case 'error': {
      if (isSet) {
        emit(value!);
        return;
      }
      const message = part.word && part.word.parts.length ? await expandToString(part.word, host) : part.colon ? 'parameter not set or null' : 'parameter not set';
      return host.fail(`${name}: ${message}`);
    }
    case 'remove-smallest-prefix':
    case 'remove-largest-prefix':
    case 'remove-smallest-suffix':
    case 'remove-largest-suffix': {
      checkSet();
      const pattern = await expandPattern(part.word!, host);
      const which = op.endsWith('prefix') ? 'prefix' : 'suffix';
      emit(removeAffix(value ?? '', pattern, which, op.startsWith('remove-largest')));
      return;
    }
    case 'replace-first':
    case 'replace-all': {
      checkSet();
      const pattern = await expandPattern(part.word!, host);
      const replacement = part.replacement ? await expandToString(part.replacement, host) : '';
      emit(replacePattern(value ?? '', pattern, replacement, op === 'replace-all'));
      return;
    }
    case 'substring': {
      checkSet();
      const text = value ?? '';
      let offset = Number(arithmetic(await expandToString(part.word!, host), host));
      if (offset < 0) offset = Math.max(0, text.length + offset);
      let end = text.length;
      if (part.length) {
        const length = Number(arithmetic(await expandToString(part.length, host), host));
        end = length < 0 ? text.length + length : offset + length;
      }
      emit(text.slice(offset, Math.max(offset, end)));
      return;
    }
  }
}

/** The word of `${x-word}`: in unquoted context its text is an expansion result, so it splits and globs. */
async function collectWord(word: Word, inDouble: boolean, out: Piece[], host: ExpansionHost): Promise<void> {
  const start = out.length;
  await collect(word.parts, inDouble, out, host);
  if (inDouble) return;
  for (let i = start; i < out.length; i++) {
    const piece = out[i];
    if (piece !== BREAK && !piece.quoted) piece.split = true;
  }
}

/** A field after splitting: its segments. */
type Field = Segment[];

/** Field splitting (XCU 2.6.5) of unquoted expansion results on IFS. */
function splitFields(pieces: readonly Piece[], ifs: string): Field[] {
  const fields: Field[] = [];
  let current: Field = [];
  let hasContent = false;
  // What the last delimiter was: a field just ended on IFS white space ('white'), or on another IFS character ('other').
  let state: 'start' | 'content' | 'white' | 'other' = 'start';
  const finish = () => {
    fields.push(current);
    current = [];
    hasContent = false;
  };
  for (const piece of pieces) {
    if (piece === BREAK) {
      if (hasContent) finish();
      state = 'start';
      continue;
    }
    if (!piece.split || ifs === '') {
      current.push(piece);
      if (piece.quoted || piece.text !== '') {
        hasContent = true;
        state = 'content';
      }
      continue;
    }
    const text = piece.text;
    let runStart = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (!ifs.includes(c)) continue;
      if (i > runStart) {
        current.push({ text: text.slice(runStart, i), quoted: false, split: false });
        hasContent = true;
        state = 'content';
      }
      runStart = i + 1;
      const white = c === ' ' || c === '\t' || c === '\n';
      if (white) {
        if (hasContent) {
          finish();
          state = 'white';
        }
      } else {
        if (hasContent) finish();
        else if (state !== 'white') fields.push([]);
        state = 'other';
      }
    }
    if (runStart < text.length) {
      current.push({ text: text.slice(runStart), quoted: false, split: false });
      hasContent = true;
      state = 'content';
    }
  }
  if (hasContent) finish();
  return fields;
}

/** Pathname expansion and quote removal of one field. */
function globField(field: Field, host: ExpansionHost): string[] {
  let text = '';
  let pattern = '';
  let globbable = false;
  for (const segment of field) {
    text += segment.text;
    if (segment.quoted) pattern += escapePattern(segment.text);
    else {
      pattern += segment.text;
      if (!globbable && hasPatternCharacters(segment.text)) globbable = true;
    }
  }
  if (!globbable || host.noglob) return [text];
  const matches = expandPathname(pattern, host.fs, host.cwd);
  return matches.length ? matches : [text];
}

export { unescapePattern };
