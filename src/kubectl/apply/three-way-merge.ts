/**
 * Client-side apply's three-way merge, as the result of
 * strategicpatch.CreateThreeWayMergePatch applied to the live object
 * (apimachinery pkg/util/strategicpatch): fields the last applied
 * configuration had and the new one drops are removed, fields the new one
 * sets win, fields only the live object has (server defaults, allocated
 * clusterIP and nodePorts, other writers' labels) stay. Lists of objects that
 * have a patchMergeKey in k8s.io/api are merged item by item on that key, so a
 * Service port keeps its nodePort; other lists are replaced.
 */
import { patchMergeKey } from '../../api/patch-merge-keys.ts';


type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The merge key of a list field (src/api/patch-merge-keys.ts); a set of scalars is replaced whole by apply. */
export function mergeKeyFor(path: string[]): string | undefined {
  const key = patchMergeKey(path);
  return key === 'set' ? undefined : key;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function mergeList(original: Json[] | undefined, modified: Json[], current: Json[], key: string, path: string[]): Json[] {
  const keyOf = (item: Json) => (isMap(item) ? JSON.stringify(item[key]) : undefined);
  const modifiedKeys = new Set(modified.map(keyOf));
  const removed = new Set((original ?? []).map(keyOf).filter((k) => !modifiedKeys.has(k)));
  const byKey = new Map(current.map((item) => [keyOf(item), item] as const));
  const originalByKey = new Map((original ?? []).map((item) => [keyOf(item), item] as const));
  const out: Json[] = [];
  for (const item of modified) {
    const live = byKey.get(keyOf(item));
    out.push(isMap(item) && isMap(live) ? mergeMaps(originalByKey.get(keyOf(item)) as JsonMap | undefined, item, live, path) : clone(item));
  }
  // Items only the live object has (added by the server or another writer) are kept, after the applied ones.
  for (const item of current) {
    const k = keyOf(item);
    if (!modifiedKeys.has(k) && !removed.has(k)) out.push(clone(item));
  }
  return out;
}

function mergeMaps(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, path: string[]): JsonMap {
  const out: JsonMap = clone(current);
  for (const key of Object.keys(original ?? {})) if (!(key in modified)) delete out[key];
  for (const [key, m] of Object.entries(modified)) {
    const c = current[key];
    const o = original?.[key];
    const childPath = [...path, key];
    if (m === null) delete out[key];
    else if (isMap(m) && isMap(c)) out[key] = mergeMaps(isMap(o) ? o : undefined, m, c, childPath);
    else if (Array.isArray(m) && Array.isArray(c) && mergeKeyFor(childPath)) {
      out[key] = mergeList(Array.isArray(o) ? o : undefined, m, c, mergeKeyFor(childPath)!, childPath);
    } else out[key] = clone(m);
  }
  return out;
}

/** The live object after applying `modified` over `current`, given the last applied `original`. */
export function threeWayMerge<T extends object>(original: object | undefined, modified: T, current: T): T {
  return mergeMaps(original as JsonMap | undefined, modified as JsonMap, current as JsonMap, []) as T;
}
