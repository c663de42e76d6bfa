/**
 * `kubectl replace -f` (kubectl/pkg/cmd/replace/replace.go): PUT of each
 * object from the files over the live one (`replaced`); a missing object is
 * NotFound unless `--force`, which deletes and recreates.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError, addSourceToError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, duration, int, str } from '../flags/flag-spec.ts';
import { readManifests } from '../manifests/read-manifests.ts';
import { resourceForObject } from '../manifests/resource-for-object.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { checkFileNamespace, keyFor } from '../select-objects.ts';

function run(inv: Invocation): void {
  const filenames = inv.flags.list('filename');
  if (filenames.length === 0 && inv.flags.string('kustomize') === '') throw new KubectlError('must specify one of -f and -k');
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  const ns = commandNamespace(inv);
  const api = inv.host.api;
  const read = readManifests({ fs: inv.ctx.fs, cwd: inv.ctx.cwd, stdin: inv.ctx.stdin }, filenames, inv.flags.bool('recursive'));
  const errors: Error[] = [...read.errors];
  for (const { source, object } of read.objects) {
    try {
      checkFileNamespace(object, { namespace: ns.namespace, enforceNamespace: ns.enforce });
      const resource = resourceForObject(api, object, source);
      let obj: KubeObject = structuredClone(object);
      if (resource.namespaced) obj.metadata.namespace = obj.metadata.namespace || ns.namespace;
      const key = keyFor(resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '');
      if (strategy !== 'client') {
        try {
          if (inv.flags.bool('force')) {
            if (api.tryGet(key)) {
              api.delete(key);
              inv.out.out(`${resource.group ? `${resource.kind.toLowerCase()}.${resource.group}` : resource.kind.toLowerCase()} "${obj.metadata.name}" deleted\n`);
            }
            inv.host.settle();
            obj = api.create(obj).object;
          } else {
            const live = api.get<KubeObject>(key);
            // replace keeps the live resourceVersion unless the file pins one (replace.go: only when the file has none... it sends it as given).
            const result = api.update({ ...obj, metadata: { ...obj.metadata, resourceVersion: obj.metadata.resourceVersion ?? live.metadata.resourceVersion } }, { dryRun: strategy === 'server' });
            for (const w of result.warnings) inv.out.warning(w);
            obj = result.object;
          }
        } catch (e) {
          throw addSourceToError('replacing', source, e);
        }
        inv.host.settle();
      }
      printWritten(inv, { resource, object: obj }, `replaced${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const replaceCommand: CommandSpec = {
  name: 'replace',
  flags: [
    ...PRINT_FLAGS,
    str('cascade', undefined, 'background'),
    DRY_RUN_FLAG,
    str('field-manager', undefined, 'kubectl-replace'),
    ...FILENAME_FLAGS,
    bool('force'),
    int('grace-period', undefined, '-1'),
    str('raw'),
    bool('save-config'),
    str('subresource'),
    duration('timeout', '0s'),
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    bool('wait'),
  ],
  run,
};
