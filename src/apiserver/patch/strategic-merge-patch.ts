/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), for
 * the lists users patch: a list with a patch merge key (the
 * `patchMergeKey`/`patchStrategy:"merge"` struct tags of k8s.io/api, 1.31)
 * merges item by item on that key, every other list is replaced. Directives:
 * `$patch: replace|delete` on maps and list items, `$setElementOrder/<list>`,
 * `$deleteFromPrimitiveList/<list>` and `$retainKeys` (as kubectl apply sends them).
 */
import { patchMergeKey } from '../../api/patch-merge-keys.ts';


type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function mergeList(kind: string, path: string[], original: unknown[], patch: unknown[]): unknown[] {
  const key = patchMergeKey(path);
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace'));
  }
  if (key === 'set') {
    const out = [...original];
    for (const item of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(item))) out.push(item);
    return out;
  }
  if (!key) return patch.filter((item) => !(isObject(item) && item.$patch === 'delete'));
  const out = original.map((item) => structuredClone(item));
  // Kubernetes' list walk: items are found by key; nested lists merge with the item's own path.
  const itemPath = [...path];
  for (const item of patch) {
    if (!isObject(item)) {
      out.push(item);
      continue;
    }
    const index = out.findIndex((o) => isObject(o) && o[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = mergeMap(kind, itemPath, out[index] as Json, item);
    else out.push(mergeMap(kind, itemPath, {}, item));
  }
  return out;
}

function reorder(list: unknown[], order: unknown[], key: string | undefined): unknown[] {
  const keyOf = (v: unknown) => (key && isObject(v) ? JSON.stringify(v[key]) : JSON.stringify(v));
  const ordered: unknown[] = [];
  for (const o of order) {
    const found = list.find((v) => keyOf(v) === keyOf(o));
    if (found !== undefined && !ordered.includes(found)) ordered.push(found);
  }
  return [...ordered, ...list.filter((v) => !ordered.includes(v))];
}

function mergeMap(kind: string, path: string[], original: Json, patch: Json): Json {
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return stripDirectives(rest) as Json;
  }
  const out: Json = { ...original };
  const orders: [string, unknown[]][] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (field === '$patch' || field === '$retainKeys') continue;
    if (field.startsWith('$setElementOrder/')) {
      orders.push([field.slice('$setElementOrder/'.length), value as unknown[]]);
      continue;
    }
    if (field.startsWith('$deleteFromPrimitiveList/')) {
      const target = field.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[target])) out[target] = (out[target] as unknown[]).filter((v) => !(value as unknown[]).includes(v));
      continue;
    }
    if (field.startsWith('$')) continue;
    const childPath = [...path, field];
    if (value === null) delete out[field];
    else if (isObject(value) && value.$patch === 'delete') delete out[field];
    else if (isObject(value)) out[field] = mergeMap(kind, childPath, isObject(out[field]) ? (out[field] as Json) : {}, value);
    else if (Array.isArray(value)) out[field] = mergeList(kind, childPath, Array.isArray(out[field]) ? (out[field] as unknown[]) : [], value);
    else out[field] = value;
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const field of Object.keys(out)) if (!(patch.$retainKeys as string[]).includes(field)) delete out[field];
  }
  for (const [field, order] of orders) {
    if (Array.isArray(out[field])) {
      const key = patchMergeKey([...path, field]);
      out[field] = reorder(out[field] as unknown[], order, key === 'set' ? undefined : key);
    }
  }
  return out;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, stripDirectives(v)]));
}

/** Applies a strategic merge patch to an object of `kind`. */
export function applyStrategicMergePatch(kind: string, original: Json, patch: unknown): Json {
  if (!isObject(patch)) throw new Error('strategic merge patch must be a JSON object');
  return mergeMap(kind, [], structuredClone(original), patch);
}
