/**
 * `kubectl wait --for=condition=C|delete|jsonpath=...` (kubectl/pkg/cmd/wait):
 * checks the objects on the virtual clock until the condition holds
 * (`pod/x condition met`) or `--timeout` (30s) passes
 * (`timed out waiting for the condition on pods/x`).
 */
import type { Condition, KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { FILENAME_FLAGS, PRINT_FLAGS, bool, duration, str } from '../flags/flag-spec.ts';
import { commandNamespace } from '../namespace.ts';
import { itemRef, print, printOptionsFrom, type PrintItem } from '../print-result.ts';
import { keyFor, selectObjects } from '../select-objects.ts';
import { ApiError } from '../../apiserver/types.ts';

type WaitFor = { kind: 'delete' } | { kind: 'condition'; type: string; value: string } | { kind: 'jsonpath'; path: string; value?: string };

/** conditionFuncFor. */
function parseFor(text: string): WaitFor {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { kind: 'condition', type: rest, value: 'true' } : { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const close = rest.lastIndexOf('}');
    const path = close >= 0 ? rest.slice(0, close + 1) : rest;
    const tail = rest.slice(path.length);
    if (tail !== '' && !tail.startsWith('=')) throw new KubectlError(`unrecognized condition: "${text}"`);
    return tail === '' ? { kind: 'jsonpath', path } : { kind: 'jsonpath', path, value: tail.slice(1) };
  }
  throw new KubectlError(`unrecognized condition: "${text}"`);
}

function holds(inv: Invocation, cond: WaitFor, item: PrintItem, obj: KubeObject | undefined): boolean {
  if (cond.kind === 'delete') return !obj || obj.metadata.uid !== item.object.metadata.uid;
  if (!obj) return false;
  if (cond.kind === 'condition') {
    const conditions = ((obj.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
    return conditions.some((c) => c.type.toLowerCase() === cond.type.toLowerCase() && c.status.toLowerCase() === cond.value.toLowerCase());
  }
  const path = cond.path.startsWith('{') ? cond.path : `{${cond.path}}`;
  const got = print([{ resource: item.resource, object: obj }], printOptionsFrom(inv, `jsonpath=${path}`));
  return cond.value === undefined ? got !== '' : got === cond.value;
}

async function run(inv: Invocation): Promise<void> {
  const cond = parseFor(inv.flags.string('for'));
  const { namespace, enforce } = commandNamespace(inv);
  const sel = selectObjects(inv, inv.args, {
    namespace,
    enforceNamespace: enforce,
    allNamespaces: inv.flags.bool('all-namespaces'),
    labelSelector: inv.flags.string('selector'),
    fieldSelector: inv.flags.string('field-selector'),
    selectAll: inv.flags.bool('all'),
    allowEmptySelector: false,
    filenames: inv.flags.list('filename'),
    recursive: inv.flags.bool('recursive'),
  });
  const errors = sel.errors.filter((e) => !(cond.kind === 'delete' && e instanceof ApiError && e.reason === 'NotFound'));
  if (errors.length > 0) throw new AggregateError(errors);
  if (sel.items.length === 0) {
    if (cond.kind === 'delete') return;
    throw new KubectlError('no matching resources found');
  }
  const timeoutSeconds = inv.flags.duration('timeout') / 1000;
  for (const item of sel.items) {
    const key = keyFor(item.resource, item.object.metadata.namespace ?? namespace, item.object.metadata.name ?? '');
    const check = () => holds(inv, cond, item, inv.host.api.tryGet<KubeObject>(key));
    const ok = check() || (timeoutSeconds > 0 && (await inv.host.waitFor(check, timeoutSeconds)));
    if (!ok) {
      const resource = item.resource.group ? `${item.resource.resource}.${item.resource.group}` : item.resource.resource;
      throw new KubectlError(`timed out waiting for the condition on ${resource}/${item.object.metadata.name}`);
    }
    inv.out.out(`${itemRef(item)} condition met\n`);
  }
}

export const waitCommand: CommandSpec = {
  name: 'wait',
  suggestFor: ['ps'],
  flags: [
    ...PRINT_FLAGS,
    bool('all'),
    bool('all-namespaces', 'A'),
    str('field-selector'),
    ...FILENAME_FLAGS,
    str('for'),
    bool('local'),
    str('selector', 'l'),
    duration('timeout', '30s'),
  ],
  run,
};
