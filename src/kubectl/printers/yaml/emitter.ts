/**
 * YAML exactly as `kubectl get -o yaml` writes it.
 *
 * kubectl's YAML printer (k8s.io/cli-runtime/pkg/printers/yaml.go) calls sigs.k8s.io/yaml.Marshal:
 * JSON first, then go-yaml v2 re-encodes the decoded generic value. This module is a port of the
 * parts of go-yaml v2 that matter for JSON-shaped data: the encoder's choice of scalar style
 * (encode.go stringv), the emitter's style selection and writers (emitterc.go: block mappings,
 * indentless sequences under a mapping key, `{}` / `[]` for empty collections, plain /
 * single-quoted / double-quoted / literal scalars, folding of long plain and quoted scalars at
 * column 80) and the key order of sorter.go.
 */
import { formatFloatG, isGoInteger } from '../go-number.ts';
import { sortYamlKeys } from './key-order.ts';
import { canUsePlain } from './plain-resolve.ts';
import { analyzeScalar, isBreak, isPrintable, isSpace, type ScalarAnalysis } from './scalar-analysis.ts';

type Style = 'plain' | 'single' | 'double' | 'literal';

interface NodeContext {
  root: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
/** yaml_emitter_check_simple_key: longer keys are written in the explicit `? key` form. */
const MAX_SIMPLE_KEY_BYTES = 128;

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** A scalar as go-yaml's encoder hands it to the emitter: its text and the style asked for. */
function scalarOf(value: unknown): { text: string; style: Style } {
  if (value === null || value === undefined) return { text: 'null', style: 'plain' };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', style: 'plain' };
  if (typeof value === 'number') return { text: yamlNumber(value), style: 'plain' };
  const text = String(value);
  if (text.includes('\n')) return { text, style: 'literal' };
  return { text, style: canUsePlain(text) ? 'plain' : 'double' };
}

/** Integers as int (or uint) decimals, other numbers as float64 with FormatFloat 'g'. */
function yamlNumber(value: number): string {
  if (isGoInteger(value) || (Number.isInteger(value) && value > 0 && value < 2 ** 64)) return String(value);
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return formatFloatG(value);
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private indent = -1;
  private readonly indents: number[] = [];

  document(value: unknown): string {
    this.node(value, { root: true, mapping: false, simpleKey: false });
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator('...', true, false, false);
      this.writeIndent();
    }
    return this.out;
  }

  private node(value: unknown, ctx: NodeContext): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emptyCollection('[', ']');
      else this.blockSequence(value, ctx);
    } else if (value !== null && typeof value === 'object') {
      const keys = sortYamlKeys(Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined));
      if (keys.length === 0) this.emptyCollection('{', '}');
      else this.blockMapping(value as Record<string, unknown>, keys);
    } else {
      this.scalar(value, ctx);
    }
  }

  private emptyCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private decreaseIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private blockSequence(items: unknown[], ctx: NodeContext): void {
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { root: false, mapping: false, simpleKey: false });
    }
    this.decreaseIndent();
  }

  private blockMapping(map: Record<string, unknown>, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const analysis = analyzeScalar(key);
      if (!analysis.multiline && utf8Length(key) <= MAX_SIMPLE_KEY_BYTES) {
        this.scalar(key, { root: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, { root: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(map[key], { root: false, mapping: true, simpleKey: false });
    }
    this.decreaseIndent();
  }

  private scalar(value: unknown, ctx: NodeContext): void {
    const { text, style: requested } = scalarOf(value);
    const analysis = analyzeScalar(text);
    const style = selectStyle(requested, analysis, text, ctx.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    switch (style) {
      case 'plain':
        this.writePlain(text, allowBreaks, ctx.root);
        break;
      case 'single':
        this.writeSingleQuoted(text, allowBreaks);
        break;
      case 'double':
        this.writeDoubleQuoted(text, allowBreaks);
        break;
      case 'literal':
        this.writeLiteral(text);
        break;
    }
    this.decreaseIndent();
  }

  // --- low-level writers (put, put_break, write_break, write_indent, write_indicator) ---

  private put(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(ch: string): void {
    if (ch === '\n') {
      this.putBreak();
    } else {
      this.out += ch;
      this.column = 0;
      this.indention = true;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  // --- scalar writers ---

  private writePlain(text: string, allowBreaks: boolean, root: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[i + 1])) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && !isSpace(chars[i + 1])) {
          this.writeIndent();
        } else {
          this.put(ch);
        }
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (!isPrintable(ch) || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put('\\' + escapeCode(ch.codePointAt(0)!));
        spaces = false;
      } else if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(text);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of text) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.put(ch);
        this.indention = false;
      }
    }
  }

  private writeBlockScalarHints(text: string): void {
    const chars = [...text];
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    this.openEnded = false;
    let chomp = '';
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) {
      chomp = '-';
    } else if (last === 0 || isBreak(chars[last - 1])) {
      chomp = '+';
    }
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
    if (chomp === '+') this.openEnded = true;
  }
}

/** yaml_emitter_select_scalar_style (block context: the flow level is always 0 here). */
function selectStyle(requested: Style, analysis: ScalarAnalysis, text: string, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (text.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** The escape sequence after the backslash in a double-quoted scalar (upper-case hex, as libyaml writes it). */
function escapeCode(cp: number): string {
  const named = ESCAPES[cp];
  if (named !== undefined) return named;
  if (cp <= 0xff) return 'x' + cp.toString(16).toUpperCase().padStart(2, '0');
  if (cp <= 0xffff) return 'u' + cp.toString(16).toUpperCase().padStart(4, '0');
  return 'U' + cp.toString(16).toUpperCase().padStart(8, '0');
}

/** sigs.k8s.io/yaml.Marshal of a JSON-shaped value: the YAML document, ending with a newline. */
export function encodeYaml(value: unknown): string {
  return new Emitter().document(value);
}
