/**
 * `kubectl delete` (kubectl/pkg/cmd/delete/delete.go, delete_flags.go):
 * `TYPE NAME...`, `TYPE/NAME`, `kind1,kind2 NAME`, `-l`, `--all`, `-f`; prints
 * `service "x" deleted` per object, then (with --wait, the default) waits on
 * the virtual clock until every deleted object is gone (finalizers, graceful
 * pod termination). `--ignore-not-found` is implied by `--all` and `-l`.
 */
import type { KubeObject } from '../../api/meta.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, bool, duration, int, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { kindString } from '../object-naming.ts';
import { keyFor, selectObjects } from '../select-objects.ts';
import type { PrintItem } from '../print-result.ts';

const CASCADE_FLAG = { name: 'cascade', type: 'string' as const, default: 'background', noOptDefVal: 'background' };

/** GetCascadingStrategy (cmd/util/helpers.go). */
function propagation(inv: Invocation): 'Background' | 'Foreground' | 'Orphan' {
  const value = inv.flags.string('cascade');
  switch (value) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
  }
}

/** The wait after deleting (cmd/wait IsDeleted): gone, or replaced by an object with another uid. */
async function waitDeleted(inv: Invocation, deleted: PrintItem[], namespace: string, timeoutMs: number): Promise<void> {
  const api = inv.host.api;
  const gone = (item: PrintItem) => {
    const live = api.tryGet<KubeObject>(keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? ''));
    return !live || live.metadata.uid !== item.object.metadata.uid;
  };
  const ok = await inv.host.waitFor(() => deleted.every(gone), (timeoutMs === 0 ? 168 * 3600_000 : timeoutMs) / 1000);
  if (!ok) {
    const pending = deleted.find((i) => !gone(i))!;
    const resource = pending.resource.group ? `${pending.resource.resource}.${pending.resource.group}` : pending.resource.resource;
    throw new KubectlError(`timed out waiting for the condition on ${resource}/${pending.object.metadata.name}`);
  }
}

async function run(inv: Invocation): Promise<void> {
  const { namespace, enforce } = commandNamespace(inv);
  const output = inv.flags.string('output');
  const labelSelector = inv.flags.string('selector');
  const fieldSelector = inv.flags.string('field-selector');
  const all = inv.flags.bool('all');
  let ignoreNotFound = inv.flags.bool('ignore-not-found');
  if ((all || labelSelector !== '' || fieldSelector !== '') && !inv.flags.changed('ignore-not-found')) ignoreNotFound = true;
  let gracePeriod = inv.flags.int('grace-period');
  const force = inv.flags.bool('force');
  if (inv.flags.bool('now')) {
    if (gracePeriod !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const strategy = dryRunStrategy(inv);
  const policy = propagation(inv);
  const filenames = inv.flags.list('filename');
  const allNamespaces = inv.flags.bool('all-namespaces');
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: enforce,
    allNamespaces,
    labelSelector,
    fieldSelector,
    selectAll: all,
    allowEmptySelector: false,
    filenames,
    recursive: inv.flags.bool('recursive'),
  });
  // Validate (delete.go): flags checked after the builder ran.
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (all && labelSelector !== '') throw new KubectlError('cannot set --all and --selector at the same time');
  if (all && fieldSelector !== '') throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (gracePeriod === 0 && force) {
    inv.out.warning('Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  } else if (gracePeriod > 0 && force) {
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  }
  const errors = ignoreNotFound ? sel.errors.filter((e) => !(e instanceof ApiError && e.reason === 'NotFound')) : [...sel.errors];
  const deleted: PrintItem[] = [];
  let warnedClusterScope = !(enforce && !allNamespaces);
  for (const item of sel.items) {
    const kind = kindString(item.resource.kind, item.resource.group);
    const name = item.object.metadata.name ?? '';
    if (!warnedClusterScope && !item.resource.namespaced) {
      inv.out.warning('deleting cluster-scoped resources, not scoped to the provided namespace');
      warnedClusterScope = true;
    }
    let operation = gracePeriod === 0 ? 'force deleted' : 'deleted';
    if (strategy === 'client') operation += ' (dry run)';
    if (strategy === 'server') operation += ' (server dry run)';
    if (strategy !== 'client') {
      try {
        inv.host.api.delete(keyFor(item.resource, item.object.metadata.namespace ?? namespace, name), {
          dryRun: strategy === 'server',
          propagationPolicy: policy,
          ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
        });
      } catch (e) {
        if (!(ignoreNotFound && e instanceof ApiError && e.reason === 'NotFound')) errors.push(e as Error);
        continue;
      }
      inv.host.settle();
    }
    deleted.push(item);
    inv.out.out(output === 'name' ? `${kind}/${name}\n` : `${kind} "${name}" ${operation}\n`);
  }
  if (errors.length > 0) throw new AggregateError(errors);
  if (sel.items.length === 0) {
    inv.out.out('No resources found\n');
    return;
  }
  if (inv.flags.bool('wait') && strategy === 'none' && deleted.length > 0) {
    await waitDeleted(inv, deleted, namespace, inv.flags.duration('timeout'));
  }
}

export const deleteCommand: CommandSpec = {
  name: 'delete',
  suggestFor: ['rm'],
  flags: [
    bool('all'),
    bool('all-namespaces', 'A'),
    CASCADE_FLAG,
    DRY_RUN_FLAG,
    str('field-selector'),
    ...FILENAME_FLAGS,
    bool('force'),
    int('grace-period', undefined, '-1'),
    bool('ignore-not-found'),
    bool('interactive', 'i'),
    bool('now'),
    str('output', 'o'),
    str('raw'),
    str('selector', 'l'),
    duration('timeout', '0s'),
    bool('wait', undefined, 'true'),
  ],
  run,
};
