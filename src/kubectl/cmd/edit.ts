/**
 * `kubectl edit` (kubectl/pkg/cmd/util/editor/editoptions.go) without an
 * editor: the object is shown as YAML to the change a step queued
 * (host.pendingEdits); an unchanged result is `Edit cancelled, no changes
 * made.`, a changed one is written back and reported `edited`.
 */
import { parse as parseYaml } from 'yaml';
import type { KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { FILENAME_FLAGS, PRINT_FLAGS, bool, str } from '../flags/flag-spec.ts';
import { applyMergePatch } from '../json-merge-patch.ts';
import { jsonEqual } from '../json-equal.ts';
import { commandNamespace } from '../namespace.ts';
import { print, printOptionsFrom, printWritten } from '../print-result.ts';
import { keyFor, byNameOrFile, selectObjects } from '../select-objects.ts';

function run(inv: Invocation): void {
  const { namespace, enforce } = commandNamespace(inv);
  const sel = selectObjects(inv, inv.args, byNameOrFile(inv, namespace, enforce));
  if (sel.errors.length > 0) throw new AggregateError(sel.errors);
  let edited = 0;
  for (const item of sel.items) {
    const change = inv.host.pendingEdits.take();
    if (!change) continue;
    let next: KubeObject;
    if (typeof change === 'function') {
      const shown = print([item], printOptionsFrom(inv, 'yaml'));
      const saved = change(shown);
      if (saved === shown) continue;
      try {
        next = parseYaml(saved, { version: '1.1' }) as KubeObject;
      } catch (e) {
        throw new KubectlError(`error: error parsing edited-file: ${(e as Error).message.split('\n')[0]}`);
      }
    } else {
      next = applyMergePatch(item.object, change.mergePatch) as KubeObject;
    }
    if (jsonEqual(next, item.object)) continue;
    const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
    const live = inv.host.api.get<KubeObject>(key);
    const result = inv.host.api.update({ ...next, metadata: { ...next.metadata, resourceVersion: live.metadata.resourceVersion } });
    for (const w of result.warnings) inv.out.warning(w);
    inv.host.settle();
    printWritten(inv, { resource: item.resource, object: result.object }, 'edited');
    edited++;
  }
  if (edited === 0) inv.out.err('Edit cancelled, no changes made.\n');
}

export const editCommand: CommandSpec = {
  name: 'edit',
  flags: [
    ...PRINT_FLAGS,
    str('field-manager', undefined, 'kubectl-edit'),
    ...FILENAME_FLAGS,
    bool('output-patch'),
    bool('save-config'),
    str('subresource'),
    { name: 'validate', type: 'string', default: 'strict', noOptDefVal: 'strict' },
    bool('windows-line-endings'),
  ],
  run,
};
