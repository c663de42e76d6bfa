/**
 * The storage layer (etcd in a real cluster): objects by kind, namespace and
 * name; one global resourceVersion counter bumped by every committed write;
 * watch fan-out after each commit, synchronously, in commit order. Handlers
 * must only enqueue work: they run inside the write that triggered them.
 */
import type { KubeObject } from '../api/meta.ts';
import { deepCopy, deepFreeze } from './deep-copy.ts';
import type { WatchEvent, WatchEventType, WatchHandler } from './types.ts';

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/**
 * ObjectMeta's maps and lists are `omitempty` (apimachinery meta/v1 types.go): an empty one does
 * not survive serialisation, so a controller that writes `labels: {}` stores no labels at all.
 */
function omitEmptyMetadata(obj: KubeObject): void {
  const meta = obj.metadata as Record<string, unknown>;
  for (const field of ['labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields']) {
    const value = meta[field];
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete meta[field];
  }
}

/** What a watcher sees of a stored object (the API server sets the served apiVersion). */
export type Presenter = (obj: KubeObject) => KubeObject;

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  /** Objects by kind, and each kind's objects in key order, computed when first read after a change. */
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly sorted = new Map<string, KubeObject[]>();
  private revision = 0;
  private readonly handlers = new Map<string, Set<WatchHandler>>();
  /** Store keys by kind and `label=value`: a list with an equality selector reads only the objects it names. */
  private readonly labelIndex = new Map<string, Map<string, Set<string>>>();
  /** The presented, frozen form of each stored object, made on first use and dropped when the object changes. */
  private readonly snapshots = new WeakMap<KubeObject, KubeObject>();

  constructor(private readonly present: Presenter = deepCopy) {}

  /** The stored object itself (callers copy before handing it out). */
  read(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(keyOf(kind, namespace, name));
  }

  /** Stored objects of a kind, ordered by namespace then name as etcd keys sort. */
  readAll(kind: string, namespace?: string): KubeObject[] {
    let all = this.sorted.get(kind);
    if (!all) {
      const entries = [...(this.byKind.get(kind)?.entries() ?? [])].map(([key, obj]) => ({ order: key.slice(kind.length + 1), obj }));
      entries.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      all = entries.map((e) => e.obj);
      this.sorted.set(kind, all);
    }
    if (namespace === undefined) return [...all];
    return all.filter((obj) => (obj.metadata.namespace ?? '') === namespace);
  }

  /** The shared, frozen presentation of a stored object (what listers and watchers see). */
  snapshot(obj: KubeObject): KubeObject {
    let snap = this.snapshots.get(obj);
    if (!snap) {
      snap = deepFreeze(this.present(obj));
      this.snapshots.set(obj, snap);
    }
    return snap;
  }

  /** Every stored object in a namespace, of any kind. */
  readNamespace(namespace: string): KubeObject[] {
    return [...this.objects.values()].filter((o) => o.metadata.namespace === namespace);
  }

  private index(key: string, obj: KubeObject | undefined, kind: string): void {
    let kindMap = this.byKind.get(kind);
    if (!kindMap) this.byKind.set(kind, (kindMap = new Map()));
    const previous = kindMap.get(key);
    if (obj) kindMap.set(key, obj);
    else kindMap.delete(key);
    this.sorted.delete(kind);
    let labels = this.labelIndex.get(kind);
    if (!labels) this.labelIndex.set(kind, (labels = new Map()));
    for (const [k, v] of Object.entries(previous?.metadata.labels ?? {})) labels.get(`${k}=${v}`)?.delete(key);
    for (const [k, v] of Object.entries(obj?.metadata.labels ?? {})) {
      const pair = `${k}=${v}`;
      let set = labels.get(pair);
      if (!set) labels.set(pair, (set = new Set()));
      set.add(key);
    }
  }

  /**
   * The stored objects of a kind carrying label `key=value`, in key order, or
   * undefined when the index cannot answer (callers then read all).
   */
  readLabelled(kind: string, key: string, value: string, namespace?: string): KubeObject[] {
    const keys = this.labelIndex.get(kind)?.get(`${key}=${value}`);
    if (!keys || keys.size === 0) return [];
    const kindMap = this.byKind.get(kind)!;
    const out: { order: string; obj: KubeObject }[] = [];
    for (const k of keys) {
      const obj = kindMap.get(k);
      if (obj && (namespace === undefined || (obj.metadata.namespace ?? '') === namespace)) out.push({ order: k, obj });
    }
    out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    return out.map((e) => e.obj);
  }

  /** The resourceVersion the next write will carry. */
  nextResourceVersion(): string {
    return String(this.revision + 1);
  }

  /**
   * Stores a new or changed object with a fresh resourceVersion and tells the watchers. A
   * MODIFIED event carries the object it replaces as `old`: the stored one, whose presentation
   * the watchers were given already, so it is not presented again. Stored objects are never
   * changed in place (writers change a copy), so it is the object as it was.
   */
  commit(obj: KubeObject, type: Exclude<WatchEventType, 'DELETED'>): KubeObject {
    omitEmptyMetadata(obj);
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name!);
    const previous = type === 'MODIFIED' ? this.objects.get(key) : undefined;
    this.objects.set(key, obj);
    this.index(key, obj, obj.kind);
    this.notify({ type, object: obj, old: previous });
    return obj;
  }

  /** Removes an object; the DELETED event carries it with a fresh resourceVersion, as a watch does. */
  remove(obj: KubeObject): KubeObject {
    this.revision++;
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name!);
    this.objects.delete(key);
    this.index(key, undefined, obj.kind);
    const gone = deepCopy(obj);
    gone.metadata.resourceVersion = String(this.revision);
    this.notify({ type: 'DELETED', object: gone });
    return gone;
  }

  watch(kind: string, handler: WatchHandler): () => void {
    let set = this.handlers.get(kind);
    if (!set) this.handlers.set(kind, (set = new Set()));
    set.add(handler);
    return () => set!.delete(handler);
  }

  /**
   * One copy of the event for all watchers, frozen: handlers only read it to
   * enqueue work, and copying it for each of them was most of a busy cluster's time.
   */
  private notify(event: WatchEvent): void {
    const targets = [...(this.handlers.get(event.object.kind) ?? []), ...(this.handlers.get('*') ?? [])];
    if (targets.length === 0) return;
    const shared: WatchEvent = Object.freeze({
      type: event.type,
      object: this.snapshot(event.object),
      ...(event.old ? { old: this.snapshot(event.old) } : {}),
    });
    for (const handler of targets) handler(shared);
  }
}
