/**
 * What mutating commands print about the objects they wrote: the name printer
 * with an operation (`deployment.apps/x created`, cli-runtime printers/name.go),
 * `-o name` without it, or any other `-o` format through the printers.
 */
import type { KubeObject } from '../api/meta.ts';
import type { ResourceInfo } from '../apiserver/types.ts';
import type { Invocation } from './command.ts';
import { KubectlError } from './errors.ts';
import { kindString } from './object-naming.ts';
import { PrintError, printObjects, type PrintOptions } from './printers/index.ts';
import { typedJson } from './typed-json.ts';

export interface PrintItem {
  resource: ResourceInfo;
  object: KubeObject;
}

/** Printer options from the command's flags, for commands that have the print flags. */
export function printOptionsFrom(inv: Invocation, output: string, extra: Partial<PrintOptions> = {}): PrintOptions {
  const flag = (name: string, fallback: boolean) => (inv.flags.has(name) ? inv.flags.bool(name) : fallback);
  return {
    output: output === 'template' || output === 'go-template' ? `go-template=${inv.flags.has('template') ? inv.flags.string('template') : ''}` : output,
    showLabels: flag('show-labels', false),
    noHeaders: flag('no-headers', false),
    allNamespaces: false,
    showKind: false,
    labelColumns: [],
    now: inv.host.now(),
    readFile: (path: string) => inv.ctx.fs.readFile(inv.ctx.fs.resolve(inv.ctx.cwd, path)),
    ...extra,
  };
}

/** Runs a printer, turning a PrintError into kubectl's error. */
export function print(items: PrintItem[], options: PrintOptions): string {
  try {
    return printObjects(items, options);
  } catch (e) {
    if (e instanceof PrintError) throw new KubectlError(e.message);
    throw e;
  }
}

/** The short `kind.group/name` of an item. */
export function itemRef(item: PrintItem): string {
  return `${kindString(item.resource.kind, item.resource.group)}/${item.object.metadata.name ?? ''}`;
}

/**
 * Prints one written object the way `-o` asks, with `operation` for the
 * default output. `typed`: kubectl held it as a Go struct (generators), so
 * `-o json` keeps field order (typed-json.ts).
 */
export function printWritten(inv: Invocation, item: PrintItem, operation: string, typed = false): void {
  const output = inv.flags.has('output') ? inv.flags.string('output') : '';
  if (output === '') inv.out.out(`${itemRef(item)} ${operation}\n`);
  else if (output === 'name') inv.out.out(`${itemRef(item)}\n`);
  else if (output === 'json' && typed) inv.out.out(typedJson(item.object));
  else inv.out.out(print([item], printOptionsFrom(inv, output)));
}

/** The `-o` formats of commands that print what they wrote (genericclioptions.PrintFlags without the table printers). */
const WRITE_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/** PrintFlags.ToPrinter's check, made before the command writes anything. */
export function checkWriteOutput(output: string): void {
  if (output === '') return;
  const format = output.split('=')[0];
  if (!WRITE_FORMATS.includes(format)) {
    throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${WRITE_FORMATS.join(',')}`);
  }
}
