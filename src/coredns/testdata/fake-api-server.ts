/**
 * A minimal in-memory stand-in for the ApiServer interface: list, tryGet, get,
 * create, delete and watch over a plain object store. Tests of the DNS server use
 * it until they can run against the real API server; everything else throws.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer, ListOptions, ObjectKey, WatchHandler } from '../../apiserver/types.ts';

export class FakeApiServer implements Pick<ApiServer, 'list' | 'tryGet' | 'get' | 'watch'> {
  private readonly objects: KubeObject[] = [];
  private readonly handlers: { kind: string; handler: WatchHandler }[] = [];

  constructor(objects: KubeObject[] = []) {
    for (const object of objects) this.add(object);
  }

  add(object: KubeObject): void {
    this.objects.push(structuredClone(object));
    this.emit('ADDED', object);
  }

  remove(kind: string, namespace: string | undefined, name: string): void {
    const index = this.objects.findIndex((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
    if (index < 0) throw new Error(`no ${kind} ${namespace}/${name}`);
    const [removed] = this.objects.splice(index, 1);
    this.emit('DELETED', removed);
  }

  listShared<T extends KubeObject>(kind: string, options?: ListOptions): readonly T[] {
    return this.list<T>(kind, options);
  }

  list<T extends KubeObject>(kind: string, options?: ListOptions): T[] {
    return this.objects
      .filter((o) => o.kind === kind && (options?.namespace === undefined || o.metadata.namespace === options.namespace))
      .map((o) => structuredClone(o) as T);
  }

  tryGet<T extends KubeObject>(key: ObjectKey): T | undefined {
    const found = this.objects.find((o) => o.kind === key.kind && o.metadata.namespace === key.namespace && o.metadata.name === key.name);
    return found ? (structuredClone(found) as T) : undefined;
  }

  get<T extends KubeObject>(key: ObjectKey): T {
    const found = this.tryGet<T>(key);
    if (!found) throw new Error(`not found: ${key.kind} ${key.name}`);
    return found;
  }

  watch(kind: string, handler: WatchHandler): () => void {
    const entry = { kind, handler };
    this.handlers.push(entry);
    return () => this.handlers.splice(this.handlers.indexOf(entry), 1);
  }

  /** This fake where the full interface is asked for (only the methods above are ever called). */
  asApiServer(): ApiServer {
    return this as unknown as ApiServer;
  }

  private emit(type: 'ADDED' | 'DELETED', object: KubeObject): void {
    for (const { kind, handler } of this.handlers) if (kind === '*' || kind === object.kind) handler({ type, object });
  }
}
