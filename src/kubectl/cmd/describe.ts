/**
 * `kubectl describe` (kubectl/pkg/cmd/describe/describe.go): the describers
 * of src/kubectl/describe, objects separated by a blank line; `TYPE PREFIX`
 * describes every object whose name starts with PREFIX when none is named so
 * (DescribeMatchingResources), each followed by a newline.
 */
import type { CommandSpec, Invocation } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { FILENAME_FLAGS, bool, int, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { selectObjects } from '../select-objects.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { describeObject } from '../describe/index.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { PrintItem } from '../print-result.ts';

function describe(inv: Invocation, item: PrintItem): string {
  return describeObject(item.object, item.resource, inv.host.api, inv.host.now());
}

function run(inv: Invocation): void {
  const { namespace } = commandNamespace(inv);
  const filenames = inv.flags.list('filename');
  const allNamespaces = inv.flags.bool('all-namespaces');
  if (inv.args.length === 0 && filenames.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: inv.flags.changed('namespace'),
    allNamespaces,
    labelSelector: inv.flags.string('selector'),
    fieldSelector: '',
    selectAll: false,
    allowEmptySelector: true,
    filenames,
    recursive: inv.flags.bool('recursive'),
  });
  const notFound = sel.errors.find((e) => e instanceof ApiError && e.reason === 'NotFound');
  if (notFound && inv.args.length === 2 && !inv.args[0].includes('/') && sel.items.length === 0) {
    const [resource] = parseResourceArgs(inv.host.api, [inv.args[0]]).types;
    const prefix = inv.args[1];
    const all = inv.host.api.list<KubeObject>(resource.kind, { namespace: resource.namespaced ? namespace : undefined });
    const matching = all.filter((o) => (o.metadata.name ?? '').startsWith(prefix));
    if (matching.length === 0) throw notFound;
    for (const object of matching) inv.out.out(describe(inv, { resource, object }) + '\n');
    return;
  }
  sel.items.forEach((item, i) => inv.out.out((i === 0 ? '' : '\n\n') + describe(inv, item)));
  if (sel.items.length === 0 && sel.errors.length === 0) {
    inv.out.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  if (sel.errors.length > 0) throw new AggregateError(sel.errors);
}

export const describeCommand: CommandSpec = {
  name: 'describe',
  flags: [
    bool('all-namespaces', 'A'),
    int('chunk-size', undefined, '500', 'int64'),
    ...FILENAME_FLAGS,
    str('selector', 'l'),
    bool('show-events', undefined, 'true'),
  ],
  run,
};
