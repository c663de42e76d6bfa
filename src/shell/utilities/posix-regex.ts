/**
 * POSIX basic and extended regular expressions, with GNU's extensions, as
 * grep and sed read them, translated to JavaScript regular expressions.
 * Behaviour and error texts checked against GNU grep 3.8 and sed 4.9 on this
 * machine (texts from gnulib regcomp.c):
 * - BRE: `\( \) \{ \} \| \+ \?` are operators, `* + ? { } | ( )` plain
 *   characters; `*` is plain at the start; `^` and `$` anchor only at the
 *   ends of the expression or of a group or branch.
 * - ERE: `( ) { } | + ?` are operators; a `)` without `(` and a `{` that does
 *   not start an interval are plain; `* + ?` at the start are ignored with a
 *   warning.
 * - Both: `\< \> \b \B \w \W \s \S \` \'`, back-references `\1`-`\9`; in a
 *   bracket expression a backslash is an ordinary character.
 * JavaScript picks the first alternative that matches where POSIX picks the
 * longest; only what a match covers (grep -o, sed s///) can differ.
 */
import { C_LOCALE_CLASSES } from '../character-classes.ts';

export type RegexSyntax = 'basic' | 'extended';

export class RegexSyntaxError extends Error {}

export interface TranslatedRegex {
  source: string;
  /** GNU grep's warnings, e.g. `* at start of expression`. */
  warnings: string[];
}

const WORD = '[A-Za-z0-9_]';
const JS_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function literal(c: string): string {
  if (c === '\n') return '\\n';
  return JS_SPECIAL.test(c) ? `\\${c}` : c;
}

function classChar(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c;
}

/** Reads a bracket expression at `start` (the `[`); returns the JS class and the index after it. */
export function translateBracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '^') {
    negate = true;
    i++;
  }
  // GNU grep: a `[` (or `[^`) that ends the pattern is not an unmatched bracket but an invalid expression.
  if (i >= pattern.length) throw new RegexSyntaxError('Invalid regular expression');
  let body = '';
  let first = true;
  for (;;) {
    if (i >= pattern.length) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
    const c = pattern[i];
    if (c === ']' && !first) break;
    first = false;
    let item: string | undefined;
    let low: string | undefined;
    if (c === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '=' || pattern[i + 1] === '.')) {
      const kind = pattern[i + 1];
      const close = pattern.indexOf(`${kind}]`, i + 2);
      if (close < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
      const name = pattern.slice(i + 2, close);
      i = close + 2;
      if (kind === ':') {
        const cls = C_LOCALE_CLASSES[name];
        if (cls === undefined) throw new RegexSyntaxError('Invalid character class name');
        item = cls;
      } else low = name;
    } else {
      low = c;
      i++;
    }
    if (low !== undefined) {
      if (pattern[i] === '-' && pattern[i + 1] !== undefined && pattern[i + 1] !== ']') {
        const high = pattern[i + 1];
        i += 2;
        if (high < low) throw new RegexSyntaxError('Invalid range end');
        item = `${classChar(low)}-${classChar(high)}`;
      } else item = classChar(low);
    }
    body += item;
  }
  const source = negate ? `[^${body}\\n]` : `[${body}]`;
  return { source, end: i + 1 };
}

/** Translates a POSIX regular expression; throws RegexSyntaxError with GNU's message. */
export function translatePosixRegex(pattern: string, syntax: RegexSyntax): TranslatedRegex {
  const extended = syntax === 'extended';
  const warnings: string[] = [];
  let out = '';
  // Where the last atom starts in `out`, to wrap it when a second quantifier follows.
  let atomStart = -1;
  let quantified = false;
  let atStart = true;
  const openGroups: number[] = [];
  let closedGroups = 0;
  let i = 0;

  const atom = (source: string) => {
    atomStart = out.length;
    out += source;
    quantified = false;
    atStart = false;
  };
  const quantifier = (q: string) => {
    if (atomStart < 0) return;
    if (quantified) {
      out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
    }
    out += q;
    quantified = true;
  };
  const boundary = (source: string) => {
    out += source;
    atomStart = -1;
    quantified = false;
  };
  const open = () => {
    openGroups.push(out.length);
    out += '(';
    atomStart = -1;
    quantified = false;
    atStart = true;
  };
  const close = () => {
    const start = openGroups.pop()!;
    out += ')';
    closedGroups++;
    atomStart = start;
    quantified = false;
    atStart = false;
  };
  const alternation = () => {
    out += '|';
    atomStart = -1;
    quantified = false;
    atStart = true;
  };
  /** `{m}`, `{m,}`, `{m,n}`, `{,n}` starting after the brace; undefined when the text is not an interval. */
  const interval = (from: number, closer: string): { q: string; end: number } | undefined => {
    const closeAt = pattern.indexOf(closer, from);
    if (closeAt < 0) return undefined;
    const body = pattern.slice(from, closeAt);
    const m = /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && !m[2])) return undefined;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] ? (m[3] === '' ? undefined : Number(m[3])) : min;
    if (max !== undefined && max < min) throw new RegexSyntaxError('Invalid content of \\{\\}');
    return { q: max === undefined ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`, end: closeAt + closer.length };
  };

  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new RegexSyntaxError('Trailing backslash');
      i += 2;
      if (!extended && next === '(') open();
      else if (!extended && next === ')') {
        if (openGroups.length === 0) throw new RegexSyntaxError('Unmatched ) or \\)');
        close();
      } else if (!extended && next === '|') alternation();
      else if (!extended && next === '{') {
        if (atStart) {
          atom('\\{');
          continue;
        }
        const closeAt = pattern.indexOf('\\}', i);
        if (closeAt < 0) throw new RegexSyntaxError('Unmatched \\{');
        const iv = interval(i, '\\}');
        if (!iv) throw new RegexSyntaxError('Invalid content of \\{\\}');
        quantifier(iv.q);
        i = iv.end;
      } else if (!extended && (next === '+' || next === '?')) {
        if (atStart) atom(literal(next));
        else quantifier(next);
      } else if (next >= '1' && next <= '9') {
        if (Number(next) > closedGroups) throw new RegexSyntaxError('Invalid back reference');
        atom(`\\${next}`);
      } else if (next === '<') boundary(`\\b(?=${WORD})`);
      else if (next === '>') boundary(`\\b(?<=${WORD})`);
      else if (next === 'b') boundary('\\b');
      else if (next === 'B') boundary('\\B');
      else if (next === '`') boundary('^');
      else if (next === "'") boundary('$');
      else if (next === 'w') atom(WORD);
      else if (next === 'W') atom('[^A-Za-z0-9_]');
      else if (next === 's') atom('[ \\t\\n\\v\\f\\r]');
      else if (next === 'S') atom('[^ \\t\\n\\v\\f\\r]');
      else atom(literal(next));
      continue;
    }
    if (c === '[') {
      const b = translateBracket(pattern, i);
      atom(b.source);
      i = b.end;
      continue;
    }
    i++;
    switch (c) {
      case '.':
        atom('[^\\n]');
        break;
      case '*':
        if (atStart) {
          if (extended) warnings.push('* at start of expression');
          else atom('\\*');
        } else quantifier('*');
        break;
      case '^':
        if (extended || atStart) boundary('^');
        else atom('\\^');
        break;
      case '$': {
        const rest = pattern.slice(i);
        const atEnd = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
        if (atEnd) boundary('$');
        else atom('\\$');
        break;
      }
      case '+':
      case '?':
        if (!extended) atom(literal(c));
        else if (atStart) warnings.push(`${c} at start of expression`);
        else quantifier(c);
        break;
      case '{': {
        if (!extended || atStart) {
          atom('\\{');
          break;
        }
        const iv = interval(i, '}');
        if (!iv) atom('\\{');
        else {
          quantifier(iv.q);
          i = iv.end;
        }
        break;
      }
      case '(':
        if (extended) open();
        else atom('\\(');
        break;
      case ')':
        if (extended && openGroups.length > 0) close();
        else atom('\\)');
        break;
      case '|':
        if (extended) alternation();
        else atom('\\|');
        break;
      default:
        atom(literal(c));
    }
  }
  if (openGroups.length > 0) throw new RegexSyntaxError('Unmatched ( or \\(');
  return { source: out, warnings };
}
