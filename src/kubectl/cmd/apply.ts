/**
 * `kubectl apply -f` (client-side apply, kubectl/pkg/cmd/apply/apply.go and
 * patcher.go): each object is created with the last-applied annotation, or
 * three-way merged with the live one (`configured`, or `unchanged` when the
 * merge changes nothing). A document that fails does not stop the others; all
 * errors are reported at the end, exit 1.
 */
import type { KubeObject } from '../../api/meta.ts';
import { ApiError } from '../../apiserver/types.ts';
import { threeWayMerge } from '../apply/three-way-merge.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError, UsageError, addSourceToError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, duration, int, str, strArray } from '../flags/flag-spec.ts';
import { jsonEqual } from '../json-equal.ts';
import { LAST_APPLIED_ANNOTATION, withLastApplied } from '../last-applied.ts';
import { readManifests } from '../manifests/read-manifests.ts';
import { resourceForObject } from '../manifests/resource-for-object.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { checkFileNamespace, keyFor } from '../select-objects.ts';
import { matchesSelector } from '../label-selector.ts';

function applyOne(inv: Invocation, source: string, fileObject: KubeObject, namespace: string, strategy: ReturnType<typeof dryRunStrategy>): void {
  const api = inv.host.api;
  const resource = resourceForObject(api, fileObject, source);
  const obj: KubeObject = structuredClone(fileObject);
  if (resource.namespaced) obj.metadata.namespace = obj.metadata.namespace || namespace;
  else delete obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  const modified = withLastApplied(obj);
  const key = keyFor(resource, obj.metadata.namespace ?? '', name);
  const current = api.tryGet<KubeObject>(key);
  const suffix = dryRunSuffix(strategy);
  const fieldManager = inv.flags.string('field-manager');
  if (!current) {
    let created = modified;
    if (strategy !== 'client') {
      try {
        const result = api.create(modified, { dryRun: strategy === 'server', fieldManager });
        for (const w of result.warnings) inv.out.warning(w);
        created = result.object;
      } catch (e) {
        throw addSourceToError('creating', source, e);
      }
    }
    printWritten(inv, { resource, object: created }, `created${suffix}`);
    return;
  }
  const lastApplied = current.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (lastApplied === undefined) {
    inv.out.warning(
      `resource ${resource.group ? `${resource.resource}.${resource.group}` : resource.resource}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  let original: object | undefined;
  try {
    original = lastApplied ? (JSON.parse(lastApplied) as object) : undefined;
  } catch {
    original = undefined;
  }
  const merged = threeWayMerge(original, modified, current);
  if (jsonEqual(merged, current)) {
    printWritten(inv, { resource, object: current }, `unchanged${suffix}`);
    return;
  }
  let result = merged;
  if (strategy !== 'client') {
    try {
      const written = api.update(merged, { dryRun: strategy === 'server', fieldManager });
      for (const w of written.warnings) inv.out.warning(w);
      result = written.object;
    } catch (e) {
      throw addSourceToError('patching', source, e);
    }
  }
  printWritten(inv, { resource, object: result }, `configured${suffix}`);
}

function run(inv: Invocation): void {
  // ApplyFlags.ToOptions refuses positional arguments before anything else (pkg/cmd/apply/apply.go).
  if (inv.args.length > 0) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`, inv.commandPath);
  const filenames = inv.flags.list('filename');
  if (filenames.length === 0 && inv.flags.string('kustomize') === '') throw new KubectlError('must specify one of -f and -k');
  checkWriteOutput(inv.flags.string('output'));
  const strategy = dryRunStrategy(inv);
  const ns = commandNamespace(inv);
  const read = readManifests({ fs: inv.ctx.fs, cwd: inv.ctx.cwd, stdin: inv.ctx.stdin }, filenames, inv.flags.bool('recursive'));
  const errors: Error[] = [...read.errors];
  const selector = inv.flags.string('selector');
  const objects = read.objects.filter((o) => selector === '' || matchesSelector(selector, o.object.metadata.labels ?? {}));
  if (objects.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  for (const { source, object } of objects) {
    try {
      checkFileNamespace(object, { namespace: ns.namespace, enforceNamespace: ns.enforce });
      applyOne(inv, source, object, ns.namespace, strategy);
      inv.host.settle();
    } catch (e) {
      errors.push(e instanceof ApiError || e instanceof Error ? e : new KubectlError(String(e)));
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const applyCommand: CommandSpec = {
  name: 'apply',
  flags: [
    ...PRINT_FLAGS,
    bool('all'),
    str('cascade', undefined, 'background'),
    DRY_RUN_FLAG,
    str('field-manager', undefined, 'kubectl-client-side-apply'),
    ...FILENAME_FLAGS,
    bool('force'),
    bool('force-conflicts'),
    int('grace-period', undefined, '-1'),
    bool('openapi-patch', undefined, 'true'),
    bool('overwrite', undefined, 'true'),
    bool('prune'),
    strArray('prune-allowlist'),
    str('selector', 'l'),
    bool('server-side'),
    duration('timeout', '0s'),
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    bool('wait'),
  ],
  run,
};
