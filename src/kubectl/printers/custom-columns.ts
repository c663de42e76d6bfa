/**
 * `-o custom-columns=HEADER:jsonpath,...` and `-o custom-columns-file=FILE`
 * (k8s.io/kubectl/pkg/cmd/get/customcolumn.go): headers as written, each cell the values the
 * relaxed JSONPath finds, printed with Go's %v (`[map[ip:10.244.3.4]]`, seed 000) and joined by
 * commas, `<none>` when nothing is found; aligned by kubectl get's tabwriter.
 */
import { formatGoValue } from './go-format.ts';
import { JsonPathEvaluator } from './jsonpath/evaluator.ts';
import { parseJsonPath } from './jsonpath/parser.ts';
import type { ListNode } from './jsonpath/nodes.ts';
import { printErrorFromText } from './print-error.ts';
import { relaxedJsonPathExpression } from './sort-by.ts';
import { KUBECTL_GET_TABWRITER, alignColumns } from './tabwriter.ts';

export interface CustomColumn {
  header: string;
  fieldSpec: string;
  root: ListNode;
}

function makeColumn(header: string, path: string): CustomColumn {
  let fieldSpec: string;
  try {
    fieldSpec = relaxedJsonPathExpression(path);
  } catch (err) {
    throw printErrorFromText((err as Error).message);
  }
  let root: ListNode;
  try {
    root = parseJsonPath(fieldSpec);
  } catch (err) {
    throw printErrorFromText((err as Error).message);
  }
  return { header, fieldSpec, root };
}

/** NewCustomColumnsPrinterFromSpec: comma-separated `<header>:<json-path-expr>` pairs. */
export function parseCustomColumnsSpec(spec: string): CustomColumn[] {
  if (spec === '') throw printErrorFromText('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw printErrorFromText(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return makeColumn(part.slice(0, colon), part.slice(colon + 1));
  });
}

function splitOnWhitespace(line: string): string[] {
  return line.split(/\s+/).filter((word) => word !== '');
}

/** NewCustomColumnsPrinterFromTemplate: a line of headers and a line of field specs. */
export function parseCustomColumnsFile(content: string): CustomColumn[] {
  // bufio.Scanner lines: no empty last line after a final newline, trailing CR dropped
  const lines = content === '' ? [] : content.replace(/\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length < 1) {
    throw printErrorFromText('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  if (lines.length < 2) {
    throw printErrorFromText('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  }
  const headers = splitOnWhitespace(lines[0]);
  const specs = splitOnWhitespace(lines[1]);
  if (headers.length !== specs.length) {
    throw printErrorFromText(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((header, i) => makeColumn(header, specs[i]));
}

/** printers.EscapeTerminal: escape sequences and carriage returns made visible. */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

function cell(column: CustomColumn, object: unknown): string {
  const values = new JsonPathEvaluator(true).findResults(column.root, object);
  const strings: string[] = [];
  if (values.length === 0 || values[0].length === 0) strings.push('<none>');
  for (const segment of values) for (const value of segment) strings.push(escapeTerminal(formatGoValue(value)));
  return strings.join(',');
}

/** The custom-columns table of some objects (the items of the printed list, or the one object). */
export function printCustomColumns(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  for (const object of objects) lines.push(columns.map((c) => cell(c, object)).join('\t'));
  return alignColumns(lines.map((l) => `${l}\n`).join(''), KUBECTL_GET_TABWRITER);
}
