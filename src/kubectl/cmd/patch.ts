/**
 * `kubectl patch` (kubectl/pkg/cmd/patch/patch.go): `-p` or `--patch-file`
 * (JSON or YAML), `--type strategic|merge|json`, sent to the API server;
 * `patched`, or `patched (no change)` when the object came back unchanged.
 */
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../api/meta.ts';
import type { PatchType } from '../../apiserver/types.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, str } from '../flags/flag-spec.ts';
import { jsonEqual } from '../json-equal.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { keyFor, byNameOrFile, selectObjects } from '../select-objects.ts';

const TYPES = ['json', 'merge', 'strategic'];

function run(inv: Invocation): void {
  let patchText = inv.flags.string('patch');
  const patchFile = inv.flags.string('patch-file');
  if (patchText !== '' && patchFile !== '') throw new KubectlError('both patch and patch-file cannot be specified');
  if (patchFile !== '') {
    const content = inv.ctx.fs.readFile(inv.ctx.fs.resolve(inv.ctx.cwd, patchFile));
    if (content === undefined) throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    patchText = content;
  }
  if (patchText === '') throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  const type = inv.flags.string('type').toLowerCase();
  if (!TYPES.includes(type)) throw new KubectlError(`--type must be one of [${TYPES.join(' ')}], not "${inv.flags.string('type')}"`);
  checkWriteOutput(inv.flags.string('output'));
  let patch: unknown;
  try {
    patch = parseYaml(patchText, { version: '1.1' });
  } catch (e) {
    throw new KubectlError(`unable to parse "${patchText}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  const strategy = dryRunStrategy(inv);
  const { namespace, enforce } = commandNamespace(inv);
  const sel = selectObjects(inv, inv.args, byNameOrFile(inv, namespace, enforce));
  const errors = [...sel.errors];
  for (const item of sel.items) {
    try {
      const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
      if (strategy === 'client') {
        printWritten(inv, item, `patched${dryRunSuffix(strategy)}`);
        continue;
      }
      const result = inv.host.api.patch<KubeObject>(key, type as PatchType, patch, { dryRun: strategy === 'server', fieldManager: inv.flags.string('field-manager') });
      for (const w of result.warnings) inv.out.warning(w);
      inv.host.settle();
      const unchanged = jsonEqual(result.object, item.object);
      printWritten(inv, { resource: item.resource, object: result.object }, `patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(strategy)}`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

export const patchCommand: CommandSpec = {
  name: 'patch',
  flags: [
    ...PRINT_FLAGS,
    DRY_RUN_FLAG,
    str('field-manager', undefined, 'kubectl-patch'),
    ...FILENAME_FLAGS,
    bool('local'),
    str('patch', 'p'),
    str('patch-file'),
    str('subresource'),
    str('type', undefined, 'strategic'),
  ],
  run,
};
