/**
 * `kubectl rollout status|restart` (kubectl/pkg/cmd/rollout, status texts from
 * polymorphichelpers/rollout_status.go DeploymentStatusViewer). status prints
 * each new state while the virtual clock runs, until the rollout is done.
 */
import type { Deployment } from '../../api/apps.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, duration, int, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { printWritten, type PrintItem } from '../print-result.ts';
import { keyFor, selectObjects } from '../select-objects.ts';

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done. */
export function deploymentStatus(d: Deployment): { text: string; done: boolean } {
  const name = d.metadata.name;
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    if (updated < replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((status.replicas ?? 0) > updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    }
    if ((status.availableReplicas ?? 0) < updated) {
      return { text: `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { text: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function select(inv: Invocation): { items: PrintItem[]; namespace: string } {
  const { namespace, enforce } = commandNamespace(inv);
  const filenames = inv.flags.list('filename');
  if (inv.args.length === 0 && filenames.length === 0) throw new KubectlError('required resource not specified');
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: enforce,
    allNamespaces: false,
    labelSelector: inv.flags.has('selector') ? inv.flags.string('selector') : '',
    fieldSelector: '',
    selectAll: false,
    allowEmptySelector: false,
    filenames,
    recursive: inv.flags.bool('recursive'),
  });
  if (sel.errors.length > 0) throw new AggregateError(sel.errors);
  return { items: sel.items, namespace };
}

async function runStatus(inv: Invocation): Promise<void> {
  const { items, namespace } = select(inv);
  const timeoutMs = inv.flags.duration('timeout');
  for (const item of items) {
    if (item.object.kind !== 'Deployment') {
      throw new KubectlError(`no status viewer has been implemented for ${item.resource.group ? `${item.object.kind}.${item.resource.group}` : item.object.kind}`);
    }
    const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
    let last = '';
    const current = () => deploymentStatus(inv.host.api.get<Deployment>(key));
    for (;;) {
      const state = current();
      if (state.text !== last) inv.out.out(state.text);
      last = state.text;
      if (state.done || !inv.flags.bool('watch')) break;
      const ok = await inv.host.waitFor(() => current().text !== last, timeoutMs === 0 ? 3600 : timeoutMs / 1000);
      if (!ok) throw new KubectlError('timed out waiting for the condition');
    }
  }
}

function runRestart(inv: Invocation): void {
  const { items, namespace } = select(inv);
  const strategy = dryRunStrategy(inv);
  const errors: Error[] = [];
  const at = new Date(inv.host.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const item of items) {
    try {
      if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(item.object.kind)) {
        throw new KubectlError(`restarting is not supported`);
      }
      const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
      let written: KubeObject = item.object;
      if (strategy !== 'client') {
        const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } };
        written = inv.host.api.patch<KubeObject>(key, 'strategic', patch, { dryRun: strategy === 'server' }).object;
        inv.host.settle();
      }
      printWritten(inv, { resource: item.resource, object: written }, `restarted${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const rolloutCommand: CommandSpec = {
  name: 'rollout',
  flags: [],
  subcommands: [
    {
      name: 'restart',
      flags: [...PRINT_FLAGS, DRY_RUN_FLAG, str('field-manager', undefined, 'kubectl-rollout'), ...FILENAME_FLAGS, str('selector', 'l')],
      run: runRestart,
    },
    {
      name: 'status',
      flags: [...FILENAME_FLAGS, int('revision', undefined, '0', 'int64'), str('selector', 'l'), duration('timeout', '0s'), bool('watch', 'w', 'true')],
      run: runStatus,
    },
  ],
};
