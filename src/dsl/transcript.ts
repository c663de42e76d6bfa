/**
 * Transcript matching: compares a command's output with the output printed in a
 * tutorial, line by line, tolerant of what legitimately varies between runs and
 * clusters (column widths, names, IPs, ages) and strict about everything else.
 *
 * Expected text syntax:
 * - a run of spaces matches any run of one or more spaces (tabwriter widths depend on content);
 * - placeholders match variable parts: <ip> <ip:port> <port> <hash> <age> <n> <any>,
 *   and a line holding only <...> matches any number of lines (zero included);
 * - `\<` writes a literal `<`; kubectl's own angle tokens (<none>, <pending> ...) and HTML tags are literal.
 * Trailing spaces of a line are ignored on both sides, as are trailing empty lines.
 */

/** Placeholder name to the regular expression source it stands for. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  ip: '(?:\\d{1,3}\\.){3}\\d{1,3}',
  'ip:port': '(?:\\d{1,3}\\.){3}\\d{1,3}:\\d{1,5}',
  port: '\\d{1,5}',
  // Generated name suffixes: generateName's 5 characters, pod-template-hash's up to 10 (older clusters printed digits).
  hash: '[a-z0-9]{4,10}',
  // apimachinery HumanDuration forms (5s, 2m30s, 4h, 3d12h, 2y) and the printers' <unknown>/<invalid>.
  age: '(?:\\d+[smhdy](?:\\d+[smh])?|<unknown>|<invalid>)',
  n: '\\d+',
  any: '.*',
};

export const ANY_LINES = '<...>';

/** Angle-bracket tokens real tools print; they are literal text, never placeholders. */
const LITERAL_TOKENS = new Set([
  'none', 'pending', 'unset', 'unknown', 'invalid', 'nil', 'no value', 'error',
  // HTML element names (nginx and httpd pages).
  'html', 'head', 'body', 'title', 'style', 'meta', 'link', 'script', 'center', 'div', 'span', 'pre', 'p', 'a', 'b', 'i',
  'em', 'strong', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'code', 'table', 'tr', 'td', 'th',
  '!doctype html', 'address',
]);

export class TranscriptSyntaxError extends Error {}

interface LinePattern {
  kind: 'line';
  source: string;
  regex: RegExp;
}
interface AnyLines {
  kind: 'any-lines';
}
type Pattern = LinePattern | AnyLines;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles one expected line to an anchored regular expression. */
function compileLine(line: string, lineNumber: number): RegExp {
  let source = '';
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '\\' && line[i + 1] === '<') {
      source += '<';
      i += 2;
      continue;
    }
    if (ch === ' ') {
      while (line[i] === ' ') i++;
      source += ' +';
      continue;
    }
    if (ch === '<') {
      const close = line.indexOf('>', i + 1);
      if (close > i) {
        const name = line.slice(i + 1, close);
        if (Object.hasOwn(PLACEHOLDERS, name)) {
          source += PLACEHOLDERS[name];
          i = close + 1;
          continue;
        }
        const bare = name.replace(/^\//, '').split(/\s/)[0].toLowerCase();
        const looksLikePlaceholder = /^[a-z][a-z0-9:._-]*$/.test(name);
        if (looksLikePlaceholder && !LITERAL_TOKENS.has(name) && !LITERAL_TOKENS.has(bare)) {
          throw new TranscriptSyntaxError(
            `unknown placeholder <${name}> on line ${lineNumber} of the expected output; ` +
              `known placeholders: ${Object.keys(PLACEHOLDERS).map((p) => `<${p}>`).join(' ')} and ${ANY_LINES} on a line of its own ` +
              `(write \\<${name}> for a literal "<${name}>")`,
          );
        }
      }
    }
    source += escapeRegex(ch);
    i++;
  }
  return new RegExp(`^${source}$`);
}

function trimEnd(lines: string[]): string[] {
  const out = lines.map((l) => l.replace(/[ \t\r]+$/, ''));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Parses expected transcript text; throws TranscriptSyntaxError for unknown placeholders. */
export function compileTranscript(expected: string): Pattern[] {
  return trimEnd(expected.split('\n')).map((line, index): Pattern => {
    if (line.trim() === ANY_LINES) return { kind: 'any-lines' };
    return { kind: 'line', source: line, regex: compileLine(line, index + 1) };
  });
}

export interface TranscriptResult {
  ok: boolean;
  /** When !ok: a side-by-side report of expected and actual with the first differing line marked. */
  report?: string;
}

/** Matches actual output against compiled patterns. Backtracks over <...>. */
function matchFrom(patterns: Pattern[], p: number, lines: string[], l: number, best: { p: number; l: number }, memo: Set<number>): boolean {
  const key = p * (lines.length + 1) + l;
  if (memo.has(key)) return false;
  if (p > best.p || (p === best.p && l > best.l)) {
    best.p = p;
    best.l = l;
  }
  if (p === patterns.length) {
    if (l === lines.length) return true;
    memo.add(key);
    return false;
  }
  const pattern = patterns[p];
  if (pattern.kind === 'any-lines') {
    for (let skip = l; skip <= lines.length; skip++) if (matchFrom(patterns, p + 1, lines, skip, best, memo)) return true;
  } else if (l < lines.length && pattern.regex.test(lines[l])) {
    if (matchFrom(patterns, p + 1, lines, l + 1, best, memo)) return true;
  }
  memo.add(key);
  return false;
}

export function matchTranscript(expected: string, actual: string): TranscriptResult {
  const patterns = compileTranscript(expected);
  const lines = trimEnd(actual.split('\n'));
  const best = { p: 0, l: 0 };
  if (matchFrom(patterns, 0, lines, 0, best, new Set())) return { ok: true };
  return { ok: false, report: sideBySide(patterns, lines, best.p, best.l) };
}

/** Expected and actual in two columns; `>` marks the first line that could not be matched. */
function sideBySide(patterns: Pattern[], lines: string[], failedPattern: number, failedLine: number): string {
  const expectedLines = patterns.map((p) => (p.kind === 'any-lines' ? ANY_LINES : p.source));
  const width = Math.min(60, Math.max(8, ...expectedLines.map((l) => l.length)));
  const clip = (s: string) => (s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width));
  const rows = Math.max(expectedLines.length, lines.length);
  const out = [
    `the output does not match the transcript: expected line ${failedPattern + 1} ${
      failedPattern < expectedLines.length ? JSON.stringify(expectedLines[failedPattern]) : '(end of transcript)'
    } against actual line ${failedLine + 1} ${failedLine < lines.length ? JSON.stringify(lines[failedLine]) : '(end of output)'}`,
    `   ${'expected'.padEnd(width)} | actual`,
    `   ${'-'.repeat(width)} | ${'-'.repeat(Math.min(60, width))}`,
  ];
  for (let i = 0; i < rows; i++) {
    const mark = i === failedPattern || i === failedLine ? '>' : ' ';
    out.push(`${mark}  ${clip(expectedLines[i] ?? '')} | ${lines[i] ?? ''}`);
  }
  return out.join('\n');
}
