/**
 * `kubectl create -f FILE` and the generator subcommands
 * (kubectl/pkg/cmd/create/create.go): each object from the files is created,
 * `kind/name created` printed; failures are collected with the file name
 * (`error when creating "x.yaml": ...`) while the others go on.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { CommandSpec, Invocation } from '../../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../../dry-run.ts';
import { AggregateError, KubectlError, UsageError, addSourceToError } from '../../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, str } from '../../flags/flag-spec.ts';
import { withLastApplied } from '../../last-applied.ts';
import { matchesSelector } from '../../label-selector.ts';
import { readManifests } from '../../manifests/read-manifests.ts';
import { resourceForObject } from '../../manifests/resource-for-object.ts';
import { commandNamespace } from '../../namespace.ts';
import { checkWriteOutput, printWritten } from '../../print-result.ts';
import { checkFileNamespace } from '../../select-objects.ts';
import { createConfigMapCommand } from './create-configmap.ts';
import { createDeploymentCommand } from './create-deployment.ts';
import { createIngressCommand } from './create-ingress.ts';
import { createNamespaceCommand } from './create-namespace.ts';
import { createSecretCommand } from './create-secret.ts';
import { createServiceCommand } from './create-service.ts';

function run(inv: Invocation): void {
  const filenames = inv.flags.list('filename');
  if (filenames.length === 0 && inv.flags.string('kustomize') === '') {
    if (inv.args.length > 0) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`, inv.commandPath);
    throw new KubectlError('must specify one of -f and -k');
  }
  if (inv.args.length > 0) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`, inv.commandPath);
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  const ns = commandNamespace(inv);
  const api = inv.host.api;
  const read = readManifests({ fs: inv.ctx.fs, cwd: inv.ctx.cwd, stdin: inv.ctx.stdin }, filenames, inv.flags.bool('recursive'));
  const errors: Error[] = [...read.errors];
  const selector = inv.flags.string('selector');
  for (const { source, object } of read.objects) {
    if (selector !== '' && !matchesSelector(selector, object.metadata.labels ?? {})) continue;
    try {
      checkFileNamespace(object, { namespace: ns.namespace, enforceNamespace: ns.enforce });
      const resource = resourceForObject(api, object, source);
      let obj: KubeObject = structuredClone(object);
      if (resource.namespaced) obj.metadata.namespace = obj.metadata.namespace || ns.namespace;
      if (inv.flags.bool('save-config')) obj = withLastApplied(obj);
      if (strategy !== 'client') {
        try {
          const result = api.create(obj, { dryRun: strategy === 'server', fieldManager: inv.flags.string('field-manager') });
          for (const w of result.warnings) inv.out.warning(w);
          obj = result.object;
        } catch (e) {
          throw addSourceToError('creating', source, e);
        }
        inv.host.settle();
      }
      printWritten(inv, { resource, object: obj }, `created${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const createCommand: CommandSpec = {
  name: 'create',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    bool('edit'),
    str('field-manager', undefined, 'kubectl-create'),
    ...FILENAME_FLAGS,
    str('raw'),
    bool('save-config'),
    str('selector', 'l'),
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    bool('windows-line-endings'),
  ],
  subcommands: [createConfigMapCommand, createDeploymentCommand, createIngressCommand, createNamespaceCommand, createSecretCommand, createServiceCommand],
  run,
};
