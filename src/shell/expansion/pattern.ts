/**
 * Shell pattern matching notation (XCU 2.13): `*`, `?` and bracket
 * expressions, for `case`, `${x#pattern}` and pathname expansion. A pattern
 * arrives as text in which a backslash makes the next character literal: the
 * expander escapes every character that was quoted in the word.
 */
import { C_LOCALE_CLASSES as CLASSES } from '../character-classes.ts';

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

function escapeRegExpChar(c: string): string {
  return REGEX_SPECIAL.test(c) ? `\\${c}` : c;
}

/** Escapes a character for use inside a JS character class. */
function escapeClassChar(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' || c === '-' ? `\\${c}` : c;
}

/**
 * Reads a bracket expression starting at `start` (the `[`). Returns the JS
 * class and the index after the closing `]`, or undefined when the bracket is
 * not closed (then `[` is an ordinary character).
 */
function bracket(pattern: string, start: number, pathname: boolean): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === ']' && !first) {
      // In pathname expansion a bracket never matches `/`.
      const exclusion = pathname ? '\\/' : '';
      const source = negate ? `[^${body}${exclusion}]` : body === '' ? '(?!)' : `[${body}]`;
      return { source, end: i + 1 };
    }
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const name = close < 0 ? undefined : pattern.slice(i + 2, close);
      if (name !== undefined && CLASSES[name] !== undefined) {
        body += CLASSES[name];
        i = close + 2;
        continue;
      }
    }
    let ch = c;
    if (c === '\\' && i + 1 < pattern.length) ch = pattern[++i];
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      let to = pattern[i + 2];
      let skip = 3;
      if (to === '\\' && i + 3 < pattern.length) {
        to = pattern[i + 3];
        skip = 4;
      }
      if (to >= ch) body += `${escapeClassChar(ch)}-${escapeClassChar(to)}`;
      i += skip;
      continue;
    }
    body += escapeClassChar(ch);
    i++;
  }
  return undefined;
}

/** The regular expression source matching what `pattern` matches. */
export function patternSource(pattern: string, options: { pathname?: boolean } = {}): string {
  const pathname = options.pathname === true;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    switch (c) {
      case '\\':
        if (i + 1 < pattern.length) out += escapeRegExpChar(pattern[++i]);
        else out += '\\\\';
        break;
      case '*':
        out += pathname ? '[^/]*' : '[\\s\\S]*';
        break;
      case '?':
        out += pathname ? '[^/]' : '[\\s\\S]';
        break;
      case '[': {
        const b = bracket(pattern, i, pathname);
        if (b) {
          out += b.source;
          i = b.end - 1;
        } else out += '\\[';
        break;
      }
      default:
        out += escapeRegExpChar(c);
    }
  }
  return out;
}

const cache = new Map<string, RegExp>();

/** A compiled whole-string matcher for `pattern`, cached (scripts repeat their patterns). */
export function patternRegExp(pattern: string, options: { pathname?: boolean } = {}): RegExp {
  const key = options.pathname ? `p${pattern}` : `s${pattern}`;
  let re = cache.get(key);
  if (!re) {
    if (cache.size > 1000) cache.clear();
    re = new RegExp(`^(?:${patternSource(pattern, options)})$`);
    cache.set(key, re);
  }
  return re;
}

/** Whether `text` matches `pattern` entirely. */
export function matchPattern(pattern: string, text: string): boolean {
  return patternRegExp(pattern).test(text);
}

/** Whether a pattern has an unescaped `*`, `?` or `[`: only such words undergo pathname expansion. */
export function hasPatternCharacters(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes backslash escapes: the literal text a pattern without special characters stands for. */
export function unescapePattern(pattern: string): string {
  return pattern.includes('\\') ? pattern.replace(/\\([\s\S])/g, '$1') : pattern;
}

/** Escapes a literal string so that it matches only itself as a pattern. */
export function escapePattern(text: string): string {
  return /[\\*?[\]]/.test(text) ? text.replace(/[\\*?[\]]/g, '\\$&') : text;
}

/** `${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`: the value with the matching prefix or suffix removed. */
export function removeAffix(value: string, pattern: string, which: 'prefix' | 'suffix', longest: boolean): string {
  const re = patternRegExp(pattern);
  const n = value.length;
  if (which === 'prefix') {
    for (let k = longest ? n : 0; longest ? k >= 0 : k <= n; k += longest ? -1 : 1) {
      if (re.test(value.slice(0, k))) return value.slice(k);
    }
  } else {
    for (let k = longest ? 0 : n; longest ? k <= n : k >= 0; k += longest ? 1 : -1) {
      if (re.test(value.slice(k))) return value.slice(0, k);
    }
  }
  return value;
}

/** ash's `${x/p/r}` and `${x//p/r}`: replaces the longest match at the first (or every) position. */
export function replacePattern(value: string, pattern: string, replacement: string, all: boolean): string {
  if (pattern === '') return value;
  const re = patternRegExp(pattern);
  let out = '';
  let i = 0;
  while (i <= value.length) {
    let matched = -1;
    for (let end = value.length; end > i; end--) {
      if (re.test(value.slice(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      if (i < value.length) out += value[i];
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + value.slice(i);
  }
  return out;
}
