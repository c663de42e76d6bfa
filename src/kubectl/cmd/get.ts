/**
 * `kubectl get` (kubectl/pkg/cmd/get/get.go): tables through the printers,
 * `No resources found in <ns> namespace.` on stderr when a table would be
 * empty, generic printers (-o yaml/json/jsonpath...) on a List unless one
 * object was named, NotFound errors per name while the others still print.
 * `-w` prints the current state and returns: there is no terminal to watch on.
 */
import type { CommandSpec, Invocation } from '../command.ts';
import { AggregateError, KubectlError, PreformattedError } from '../errors.ts';
import { FILENAME_FLAGS, bool, str, strSlice, int } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { print, printOptionsFrom } from '../print-result.ts';
import { PrintError, validatePrintOptions } from '../printers/index.ts';
import { selectObjects } from '../select-objects.ts';
import { ApiError } from '../../apiserver/types.ts';

function run(inv: Invocation): void {
  const { namespace } = commandNamespace(inv);
  const allNamespaces = inv.flags.bool('all-namespaces');
  const output = inv.flags.string('output');
  const filenames = inv.flags.list('filename');
  if (inv.args.length === 0 && filenames.length === 0) {
    inv.out.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new PreformattedError(
      'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  try {
    validatePrintOptions({ output, showLabels: inv.flags.bool('show-labels') });
  } catch (e) {
    if (e instanceof PrintError) throw new KubectlError(e.message);
    throw e;
  }
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: inv.flags.changed('namespace'),
    allNamespaces,
    labelSelector: inv.flags.string('selector'),
    fieldSelector: inv.flags.string('field-selector'),
    selectAll: false,
    allowEmptySelector: true,
    filenames,
    recursive: inv.flags.bool('recursive'),
  });
  const ignoreNotFound = inv.flags.bool('ignore-not-found');
  const errors = ignoreNotFound ? sel.errors.filter((e) => !(e instanceof ApiError && e.reason === 'NotFound')) : sel.errors;
  const humanReadable = output === '' || output === 'wide';
  const options = printOptionsFrom(inv, output, {
    allNamespaces,
    showKind: inv.flags.bool('show-kind') || sel.typeCount > 1 || inv.args[0]?.split(',').includes('all') === true,
    labelColumns: inv.flags.list('label-columns'),
    sortBy: inv.flags.string('sort-by') || undefined,
  });
  if (humanReadable) {
    if (sel.items.length > 0) inv.out.out(print(sel.items, options));
    else if (errors.length === 0 && !ignoreNotFound) {
      const namespaced = !allNamespaces && sel.types.length > 0 && sel.types.every((t) => t.namespaced);
      inv.out.err(namespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
  } else if (!(sel.items.length === 0 && (ignoreNotFound || sel.singleItemImplied))) {
    // printGeneric: a List unless exactly one object was named; the printers build the List.
    inv.out.out(print(sel.items, { ...options, singleItemImplied: sel.singleItemImplied && sel.items.length === 1 }));
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const getCommand: CommandSpec = {
  name: 'get',
  suggestFor: ['list', 'ps'],
  flags: [
    bool('all-namespaces', 'A'),
    bool('allow-missing-template-keys', undefined, 'true'),
    int('chunk-size', undefined, '500', 'int64'),
    str('field-selector'),
    ...FILENAME_FLAGS,
    bool('ignore-not-found'),
    strSlice('label-columns', 'L'),
    bool('no-headers'),
    str('output', 'o'),
    bool('output-watch-events'),
    str('raw'),
    str('selector', 'l'),
    bool('server-print', undefined, 'true'),
    bool('show-kind'),
    bool('show-labels'),
    bool('show-managed-fields'),
    str('sort-by'),
    str('subresource'),
    str('template'),
    bool('watch', 'w'),
    bool('watch-only'),
  ],
  run,
};
