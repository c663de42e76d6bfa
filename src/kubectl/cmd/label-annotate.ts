/**
 * `kubectl label` and `kubectl annotate` (kubectl/pkg/cmd/label/label.go,
 * annotate/annotate.go, cmd/util GetResourcesAndPairs): resources first, then
 * `key=value` and `key-` changes; an existing different value needs
 * `--overwrite`. label prints `labeled` or `not labeled`, annotate `annotated`.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { CommandSpec, Invocation } from '../command.ts';
import { dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, bool, str } from '../flags/flag-spec.ts';
import { jsonEqual } from '../json-equal.ts';
import { commandNamespace } from '../namespace.ts';
import { checkWriteOutput, printWritten } from '../print-result.ts';
import { keyFor, selectObjects } from '../select-objects.ts';

type Field = 'labels' | 'annotations';

/** GetResourcesAndPairs. */
function splitArgs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

function parsePairs(pairs: string[], what: string): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq >= 0) {
      set.set(p.slice(0, eq), p.slice(eq + 1));
    } else if (p.endsWith('-')) {
      remove.push(p.slice(0, -1));
    } else throw new KubectlError(`invalid ${what} format: ${p}`);
  }
  for (const key of remove) if (set.has(key)) throw new KubectlError(`can not both modify and remove ${what === 'label' ? 'a label' : 'an annotation'} in the same command`);
  return { set, remove };
}

function makeRun(field: Field) {
  const noun = field === 'labels' ? 'label' : 'annotation';
  return (inv: Invocation): void => {
    const { resources, pairs } = splitArgs(inv.args, noun);
    const filenames = inv.flags.list('filename');
    if (resources.length === 0 && filenames.length === 0) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    const listing = field === 'labels' && inv.flags.bool('list');
    if (pairs.length === 0 && !listing) throw new KubectlError(`at least one ${noun} update is required`);
    const { set, remove } = parsePairs(pairs, noun);
    checkWriteOutput(inv.flags.string('output'));
    const strategy = dryRunStrategy(inv);
    const { namespace, enforce } = commandNamespace(inv);
    const sel = selectObjects(inv, resources, {
      namespace,
      enforceNamespace: enforce,
      allNamespaces: inv.flags.bool('all-namespaces'),
      labelSelector: inv.flags.string('selector'),
      fieldSelector: inv.flags.string('field-selector'),
      selectAll: inv.flags.bool('all'),
      allowEmptySelector: false,
      filenames,
      recursive: inv.flags.bool('recursive'),
    });
    const errors = [...sel.errors];
    const overwrite = inv.flags.bool('overwrite');
    for (const item of sel.items) {
      try {
        const live = item.object;
        const current = { ...(live.metadata[field] ?? {}) };
        if (listing) {
          for (const k of Object.keys(current).sort()) inv.out.out(`${k}=${current[k]}\n`);
          continue;
        }
        if (!overwrite) {
          for (const [k, v] of set) {
            if (k in current && current[k] !== v) throw new KubectlError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
          }
        }
        const next = { ...current };
        for (const [k, v] of set) next[k] = v;
        for (const k of remove) {
          if (!(k in next) && field === 'labels') inv.out.out(`label "${k}" not found.\n`);
          delete next[k];
        }
        const changed = !jsonEqual(current, next);
        let written: KubeObject = { ...live, metadata: { ...live.metadata, [field]: next } };
        if (strategy !== 'client' && changed) {
          const key = keyFor(item.resource, live.metadata.namespace ?? namespace, live.metadata.name ?? '');
          const result = inv.host.api.patch<KubeObject>(key, 'merge', { metadata: { [field]: Object.fromEntries([...set, ...remove.map((k) => [k, null])]) } }, {
            dryRun: strategy === 'server',
          });
          for (const w of result.warnings) inv.out.warning(w);
          written = result.object;
          inv.host.settle();
        }
        const operation = field === 'labels' ? (changed ? 'labeled' : 'not labeled') : 'annotated';
        printWritten(inv, { resource: item.resource, object: written }, `${operation}${dryRunSuffix(strategy)}`);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
  };
}

const COMMON_FLAGS = [
  ...PRINT_FLAGS,
  bool('all'),
  bool('all-namespaces', 'A'),
  DRY_RUN_FLAG,
  str('field-selector'),
  ...FILENAME_FLAGS,
  bool('local'),
  bool('overwrite'),
  str('resource-version'),
  str('selector', 'l'),
];

export const labelCommand: CommandSpec = {
  name: 'label',
  flags: [...COMMON_FLAGS, str('field-manager', undefined, 'kubectl-label'), bool('list')],
  run: makeRun('labels'),
};

export const annotateCommand: CommandSpec = {
  name: 'annotate',
  flags: [...COMMON_FLAGS, str('field-manager', undefined, 'kubectl-annotate'), bool('list')],
  run: makeRun('annotations'),
};
