/**
 * kubectl's output printers: what `kubectl get` writes to stdout for some objects.
 *
 * The human-readable formats ('' and wide) print the tables the API server would build
 * (see human-table.ts); every other format works on the objects as kubectl's printGeneric does
 * (k8s.io/kubectl/pkg/cmd/get/get.go): a single named object is printed as itself, anything else
 * as a `kind: List` (apiVersion v1, metadata.resourceVersion ""), with managed fields omitted.
 */
import type { ResourceInfo } from '../../apiserver/types.ts';
import type { KubeObject } from '../../api/meta.ts';
import { printCustomColumns } from './custom-columns.ts';
import { formatGoSyntax, goQuote } from './go-format.ts';
import { marshalJsonIndent } from './go-json.ts';
import { printHumanTables } from './human-table.ts';
import { JsonPathExecutionError } from './jsonpath/evaluator.ts';
import { executeJsonPath } from './jsonpath/template.ts';
import { printNames } from './name-printer.ts';
import { parseOutputFormat, type OutputFormat, type ReadFile } from './output-format.ts';
import { PrintError } from './print-error.ts';
import { sortListItems } from './sort-by.ts';
import { encodeYaml } from './yaml/emitter.ts';

export { PrintError } from './print-error.ts';
export { humanDuration, translateTimestampSince } from './age.ts';

export interface PrintOptions {
  /** The -o value: '' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath=T' | 'jsonpath-as-json=T' | 'jsonpath-file=F' | 'custom-columns=SPEC' | 'custom-columns-file=F'. */
  output: string;
  showLabels: boolean;
  noHeaders: boolean;
  allNamespaces: boolean;
  showKind: boolean;
  /** -L / --label-columns keys. */
  labelColumns: string[];
  /** --sort-by JSONPath. */
  sortBy?: string;
  /** Virtual-clock milliseconds, for ages. */
  now: number;
  /** Reads the files of jsonpath-file= and custom-columns-file=; undefined when the file does not exist. */
  readFile?: ReadFile;
  /**
   * Whether the command named exactly one object (`kubectl get svc x`): -o yaml/json/jsonpath/... then
   * print the object itself rather than a List. Defaults to "exactly one object was given"; pass false
   * for a list request that happened to return one object, which kubectl prints as a List.
   */
  singleItemImplied?: boolean;
}

/** The checks `kubectl get` makes on its flags before it calls the server (GetOptions.Validate). */
export function validatePrintOptions(options: Pick<PrintOptions, 'output' | 'showLabels'>): void {
  if (options.showLabels && options.output !== '' && options.output !== 'wide') {
    throw new PrintError(`error: --show-labels option cannot be used with ${options.output} printer`);
  }
}

/** OmitManagedFieldsPrinter: kubectl hides metadata.managedFields unless --show-managed-fields. */
function withoutManagedFields(object: KubeObject): KubeObject {
  const metadata = object.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  if (metadata?.managedFields === undefined) return object;
  const copy = { ...metadata };
  delete copy.managedFields;
  return { ...object, metadata: copy };
}

function jsonPathError(template: string, data: unknown, message: string): PrintError {
  return new PrintError(
    `error: error executing jsonpath ${goQuote(template)}: Error executing template: ${message}. ` +
      'Printing more information for debugging the template:\n' +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${formatGoSyntax(data)}\n\n`,
  );
}

function printGeneric(objects: KubeObject[], format: Exclude<OutputFormat, { kind: 'table' }>, options: PrintOptions): string {
  const single = (options.singleItemImplied ?? objects.length === 1) && objects.length === 1;
  let items = objects;
  if (!single && options.sortBy) items = sortListItems(items, options.sortBy) as KubeObject[];
  const printed: unknown = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  switch (format.kind) {
    case 'yaml':
      return encodeYaml(printed);
    case 'json':
      return marshalJsonIndent(printed) + '\n';
    case 'name':
      return printNames(items);
    case 'custom-columns':
      return printCustomColumns(format.columns, items, format.noHeaders);
    case 'jsonpath':
      try {
        return executeJsonPath(format.root, printed, { allowMissingKeys: true, jsonOutput: format.jsonOutput });
      } catch (err) {
        if (err instanceof JsonPathExecutionError) throw jsonPathError(format.template, printed, err.message);
        throw err;
      }
    case 'go-template':
      throw new PrintError('error: go-template output is not supported by the kube-scenarios memory cluster');
  }
}

/**
 * What `kubectl get` prints to stdout for these objects, in order. Throws PrintError (kubectl's
 * stderr text, exit status 1) for an unusable -o value, a JSONPath or --sort-by that fails.
 * An empty human-readable result is '' (kubectl then writes `No resources found ...` to stderr).
 */
export function printObjects(items: { resource: ResourceInfo; object: KubeObject }[], options: PrintOptions): string {
  const format = parseOutputFormat(options.output, options.noHeaders, options.readFile);
  if (format.kind === 'table') {
    return printHumanTables(items, {
      wide: format.wide,
      noHeaders: options.noHeaders,
      showLabels: options.showLabels,
      labelColumns: options.labelColumns,
      allNamespaces: options.allNamespaces,
      showKind: options.showKind,
      sortBy: options.sortBy,
      now: options.now,
    });
  }
  return printGeneric(
    items.map((item) => withoutManagedFields(item.object)),
    format,
    options,
  );
}
