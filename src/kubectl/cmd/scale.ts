/**
 * `kubectl scale` (kubectl/pkg/cmd/scale/scale.go, pkg/scale/scale.go): sets
 * spec.replicas through the scale subresource of deployments, replica sets,
 * replication controllers and stateful sets, checking `--current-replicas`.
 */
import type { KubeObject } from '../../api/meta.ts';
import { newScaleNotFound } from '../scale-subresource.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, duration, int, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { keyFor, selectObjects } from '../select-objects.ts';

const SCALABLE = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

function run(inv: Invocation): void {
  const replicas = inv.flags.int('replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  const { namespace, enforce } = commandNamespace(inv);
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: enforce,
    allNamespaces: false,
    labelSelector: inv.flags.string('selector'),
    fieldSelector: '',
    selectAll: inv.flags.bool('all'),
    allowEmptySelector: false,
    filenames: inv.flags.list('filename'),
    recursive: inv.flags.bool('recursive'),
  });
  const errors = [...sel.errors];
  const current = inv.flags.int('current-replicas');
  const api = inv.host.api;
  for (const item of sel.items) {
    try {
      if (!SCALABLE.includes(item.object.kind)) throw newScaleNotFound();
      const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
      const live = api.get<KubeObject>(key);
      const spec = (live.spec ?? {}) as { replicas?: number };
      const actual = spec.replicas ?? 1;
      if (current >= 0 && current !== actual) throw new KubectlError(`Expected replicas to be ${current}, was ${actual}`);
      let written = live;
      if (strategy !== 'client') {
        const result = api.update({ ...live, spec: { ...spec, replicas } }, { dryRun: strategy === 'server' });
        for (const w of result.warnings) inv.out.warning(w);
        written = result.object;
        inv.host.settle();
      }
      printWritten(inv, { resource: item.resource, object: written }, `scaled${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const scaleCommand: CommandSpec = {
  name: 'scale',
  flags: [
    ...PRINT_FLAGS,
    bool('all'),
    int('current-replicas', undefined, '-1'),
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    int('replicas', undefined, '0'),
    str('resource-version'),
    str('selector', 'l'),
    duration('timeout', '0s'),
  ],
  requiredFlags: ['replicas'],
  run,
};
