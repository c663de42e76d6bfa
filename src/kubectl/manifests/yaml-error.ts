/**
 * Maps a syntax error of the `yaml` package to the text kubectl prints, which
 * comes from go-yaml v2 through sigs.k8s.io/yaml:
 * `yaml: line N: <libyaml problem>`.
 *
 * The two parsers detect problems at different places, so this is an honest
 * approximation, not a port: each rule below was fitted to the real kubectl
 * 1.31 binary on this machine on the inputs listed in yaml-error.test.ts.
 */
import type { YAMLError } from 'yaml';

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The nearest line above `line` (1-based) that is not blank or a comment. */
function previousContentLine(lines: string[], line: number): number {
  for (let n = line - 1; n >= 1; n--) {
    const t = lines[n - 1].trim();
    if (t !== '' && !t.startsWith('#')) return n;
  }
  return line;
}

/** The offset of the last unclosed `open` bracket before `offset`. */
function unclosedAt(text: string, offset: number, open: string, close: string): number {
  let depth = 0;
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return offset;
}

/** An unclosed flow collection: libyaml names the line it opened on; with nothing after it, it wanted a node. */
function unclosedFlow(text: string, at: number, open: string, close: string): string {
  const start = unclosedAt(text, at, open, close);
  const problem = text.slice(start + 1).trim() === '' ? 'did not find expected node content' : `did not find expected ',' or '${close}'`;
  return `yaml: line ${lineOf(text, start)}: ${problem}`;
}

/** go-yaml's `yaml: line N: problem` for the first error of a document. */
export function goYamlMessage(text: string, error: YAMLError): string {
  const lines = text.split('\n');
  const at = error.pos[0];
  const line = lineOf(text, at);
  const msg = error.message;
  const fmt = (n: number, problem: string) => `yaml: line ${n}: ${problem}`;
  if (error.code === 'TAB_AS_INDENT') return fmt(line, 'found a tab character that violates indentation');
  if (error.code === 'BAD_SCALAR_START' || /reserved character/.test(msg)) return fmt(line, 'found character that cannot start any token');
  if (/Missing closing .*quote/.test(msg)) return fmt(lines.length, 'found unexpected end of stream');
  if (/Flow sequence/.test(msg)) return unclosedFlow(text, at, '[', ']');
  if (/Flow map/.test(msg)) return unclosedFlow(text, at, '{', '}');
  if (/A block sequence may not be used/.test(msg)) return fmt(previousContentLine(lines, line), 'did not find expected key');
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // libyaml stops at the `:` that made the value a mapping: the first one from the error on.
    const colon = /:(\s|$)/m.exec(text.slice(at));
    return fmt(colon ? lineOf(text, at + colon.index) : line, 'mapping values are not allowed in this context');
  }
  // Bad indentation inside a block collection: libyaml names the line that opened the block.
  const prev = previousContentLine(lines, line);
  const prevLine = lines[prev - 1] ?? '';
  const current = lines[line - 1] ?? '';
  if (/^\s*- /.test(prevLine) && indentOf(current) === indentOf(prevLine) && !current.trimStart().startsWith('-')) {
    return fmt(prev, "did not find expected '-' indicator");
  }
  return fmt(prev, 'did not find expected key');
}
