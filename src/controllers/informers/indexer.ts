/**
 * An informer's local cache with indexes (client-go tools/cache: a SharedIndexInformer's
 * Indexer). It lists a kind once, then follows the API server's watch, and answers "which
 * objects have index value v" without scanning the kind: controllers look up the pods of one
 * owner (pkg/controller/controller_utils.go PodControllerUIDIndex) instead of listing a whole
 * namespace on every sync.
 *
 * Watches are synchronous in the memory cluster, so the cache is as fresh as the store: a
 * controller reads its own writes. Objects are the API server's shared, frozen snapshots (what
 * listShared gives): copy one before changing it.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { objectKey } from '../object-key.ts';

/** The index values of an object (cache.IndexFunc); an object may sit under several. */
export type IndexFunc<T extends KubeObject> = (obj: T) => readonly string[];

interface Entry<T> {
  obj: T;
  /** The values each index filed the object under, to unfile it when it changes. */
  values: Map<string, readonly string[]>;
}

export class Indexer<T extends KubeObject> {
  private readonly entries = new Map<string, Entry<T>>();
  /** index name -> index value -> object keys */
  private readonly indices = new Map<string, Map<string, Set<string>>>();

  constructor(
    api: ApiServer,
    kind: string,
    private readonly indexers: Readonly<Record<string, IndexFunc<T>>>,
  ) {
    for (const name of Object.keys(indexers)) this.indices.set(name, new Map());
    api.watch(kind, (e) => {
      if (e.type === 'DELETED') this.delete(objectKey(e.object));
      else this.put(e.object as T);
    });
    for (const obj of api.listShared<T>(kind)) this.put(obj);
  }

  /**
   * The objects filed under `value` in index `indexName`, in the API server's list order
   * (namespace/name as etcd keys sort), so that callers act in the order a full list gives.
   */
  byIndex(indexName: string, value: string): T[] {
    const keys = this.indices.get(indexName)?.get(value);
    if (!keys || keys.size === 0) return [];
    return [...keys].sort(compareKeys).map((key) => this.entries.get(key)!.obj);
  }

  /** The cached object of key `namespace/name` (`name` for cluster-scoped kinds), as a lister's Get. */
  get(key: string): T | undefined {
    return this.entries.get(key)?.obj;
  }

  private put(obj: T): void {
    const key = objectKey(obj);
    this.delete(key);
    const values = new Map<string, readonly string[]>();
    for (const [name, indexFunc] of Object.entries(this.indexers)) {
      const filed = indexFunc(obj);
      values.set(name, filed);
      const index = this.indices.get(name)!;
      for (const value of filed) {
        let keys = index.get(value);
        if (!keys) index.set(value, (keys = new Set()));
        keys.add(key);
      }
    }
    this.entries.set(key, { obj, values });
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const [name, filed] of entry.values) {
      const index = this.indices.get(name)!;
      for (const value of filed) {
        const keys = index.get(value);
        keys?.delete(key);
        if (keys?.size === 0) index.delete(value);
      }
    }
  }
}

/** Order of `namespace/name` keys: code units, as the API server sorts its keys (not localeCompare). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
