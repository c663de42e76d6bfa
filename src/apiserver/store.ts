/**
 * The storage layer (etcd in a real cluster): objects by kind, namespace and
 * name; one global resourceVersion counter bumped by every committed write;
 * watch fan-out after each commit, synchronously, in commit order. Handlers
 * must only enqueue work: they run inside the write that triggered them.
 */
import type { KubeObject } from '../api/meta.ts';
import type { WatchEvent, WatchEventType, WatchHandler } from './types.ts';

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private revision = 0;
  private readonly handlers = new Map<string, Set<WatchHandler>>();

  /** The stored object itself (callers copy before handing it out). */
  read(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(keyOf(kind, namespace, name));
  }

  /** Stored objects of a kind, ordered by namespace then name as etcd keys sort. */
  readAll(kind: string, namespace?: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const obj of this.objects.values()) {
      if (obj.kind !== kind) continue;
      if (namespace !== undefined && (obj.metadata.namespace ?? '') !== namespace) continue;
      out.push(obj);
    }
    return out.sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }

  /** Every stored object in a namespace, of any kind. */
  readNamespace(namespace: string): KubeObject[] {
    return [...this.objects.values()].filter((o) => o.metadata.namespace === namespace);
  }

  /** The resourceVersion the next write will carry. */
  nextResourceVersion(): string {
    return String(this.revision + 1);
  }

  /** Stores a new or changed object with a fresh resourceVersion and tells the watchers. */
  commit(obj: KubeObject, type: Exclude<WatchEventType, 'DELETED'>, old?: KubeObject): KubeObject {
    this.revision++;
    obj.metadata.resourceVersion = String(this.revision);
    this.objects.set(keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name!), obj);
    this.notify({ type, object: obj, old });
    return obj;
  }

  /** Removes an object; the DELETED event carries it with a fresh resourceVersion, as a watch does. */
  remove(obj: KubeObject): KubeObject {
    this.revision++;
    this.objects.delete(keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name!));
    const gone = structuredClone(obj);
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

  private notify(event: WatchEvent): void {
    const targets = [...(this.handlers.get(event.object.kind) ?? []), ...(this.handlers.get('*') ?? [])];
    for (const handler of targets) {
      handler({
        type: event.type,
        object: structuredClone(event.object),
        ...(event.old ? { old: structuredClone(event.old) } : {}),
      });
    }
  }
}
