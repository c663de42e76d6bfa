/**
 * The `-o` flag of `kubectl get`, resolved the way its PrintFlags.ToPrinter chain does
 * (k8s.io/kubectl/pkg/cmd/get/get_flags.go): templates (go-template, jsonpath) first, then
 * json/yaml, the human-readable table ('' or wide), custom columns and name. An unknown format
 * is `unable to match a printer suitable for the output format "x", allowed formats are: ...`
 * (genericclioptions.NoCompatiblePrinterError); a template format without a template is
 * `template format specified but no template given`.
 */
import { goQuote } from './go-format.ts';
import { parseJsonPath } from './jsonpath/parser.ts';
import type { ListNode } from './jsonpath/nodes.ts';
import { PrintError, printErrorFromText } from './print-error.ts';
import { parseCustomColumnsFile, parseCustomColumnsSpec, type CustomColumn } from './custom-columns.ts';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string; root: ListNode; jsonOutput: boolean }
  | { kind: 'custom-columns'; columns: CustomColumn[]; noHeaders: boolean }
  | { kind: 'go-template'; template: string };

/** Every format `kubectl get -o` accepts, sorted, as the error lists them. */
export const ALLOWED_GET_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

const GO_TEMPLATE_FORMATS = ['template', 'go-template', 'go-template-file', 'templatefile'];
const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-file', 'jsonpath-as-json'];
const CUSTOM_COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file'];

export type ReadFile = (path: string) => string | undefined;

function noCompatiblePrinter(output: string): PrintError {
  return new PrintError(
    `error: unable to match a printer suitable for the output format ${goQuote(output)}, allowed formats are: ${ALLOWED_GET_FORMATS.join(',')}`,
  );
}

/** `jsonpath=T` → ['jsonpath', 'T']; a format without `=` keeps an empty value. */
function splitFormat(output: string, formats: string[]): { format: string; value: string } | undefined {
  for (const format of formats) {
    if (output.startsWith(`${format}=`)) return { format, value: output.slice(format.length + 1) };
  }
  return formats.includes(output) ? { format: output, value: '' } : undefined;
}

/** os.ReadFile's error text for a path the file system does not have. */
function missingFile(path: string): string {
  return `open ${path}: no such file or directory`;
}

function jsonPathFormat(format: string, value: string, readFile: ReadFile | undefined): OutputFormat {
  if (value === '') throw printErrorFromText('template format specified but no template given');
  let template = value;
  if (format === 'jsonpath-file') {
    const content = readFile?.(value);
    if (content === undefined) throw printErrorFromText(`error reading --template ${value}, ${missingFile(value)}`);
    template = content;
  }
  let root: ListNode;
  try {
    root = parseJsonPath(template);
  } catch (err) {
    throw printErrorFromText(`error parsing jsonpath ${template}, ${(err as Error).message}`);
  }
  return { kind: 'jsonpath', template, root, jsonOutput: format === 'jsonpath-as-json' };
}

function goTemplateFormat(format: string, value: string, readFile: ReadFile | undefined): OutputFormat {
  if (value === '') throw printErrorFromText('template format specified but no template given');
  let template = value;
  if (format === 'go-template-file' || format === 'templatefile') {
    const content = readFile?.(value);
    if (content === undefined) throw printErrorFromText(`error reading --template ${value}, ${missingFile(value)}`);
    template = content;
  }
  return { kind: 'go-template', template };
}

function customColumnsFormat(format: string, value: string, noHeaders: boolean, readFile: ReadFile | undefined): OutputFormat {
  if (value === '') throw printErrorFromText('custom-columns format specified but no custom columns given');
  if (format === 'custom-columns-file') {
    const content = readFile?.(value);
    if (content === undefined) throw printErrorFromText(`error reading template ${value}, ${missingFile(value)}\n`);
    return { kind: 'custom-columns', columns: parseCustomColumnsFile(content), noHeaders: false };
  }
  return { kind: 'custom-columns', columns: parseCustomColumnsSpec(value), noHeaders };
}

/** Resolves `-o`; throws PrintError with kubectl's text for an unusable format. */
export function parseOutputFormat(output: string, noHeaders: boolean, readFile?: ReadFile): OutputFormat {
  const template = splitFormat(output, GO_TEMPLATE_FORMATS);
  if (template) return goTemplateFormat(template.format, template.value, readFile);
  const jsonPath = splitFormat(output, JSONPATH_FORMATS);
  if (jsonPath) return jsonPathFormat(jsonPath.format, jsonPath.value, readFile);
  if (output === 'json') return { kind: 'json' };
  if (output === 'yaml') return { kind: 'yaml' };
  if (output === '' || output === 'wide') return { kind: 'table', wide: output === 'wide' };
  const columns = splitFormat(output, CUSTOM_COLUMNS_FORMATS);
  if (columns) return customColumnsFormat(columns.format, columns.value, noHeaders, readFile);
  if (output === 'name') return { kind: 'name' };
  throw noCompatiblePrinter(output);
}
