/**
 * A small in-memory ApiServer for controller tests, used until the real one
 * (src/apiserver/api-server.ts) can stand in. It keeps the semantics controllers rely on:
 * generateName with the 5-character alphabet of apiserver names (FIDELITY §2), uid,
 * resourceVersion, generation bumps on spec changes, the status subresource, finalizers
 * and deletionTimestamp, propagationPolicy Foreground / Orphan finalizers
 * (apiserver pkg/registry/generic/registry/store.go), graceful pod deletion when asked,
 * synchronous watches.
 */
import type { KubeObject, Status } from '../../api/meta.ts';
import { parseLabelSelector } from '../../apiserver/selectors/label-selector.ts';
import {
  ApiError,
  type ApiServer,
  type DeleteOptions,
  type ListOptions,
  type ObjectKey,
  type ResourceInfo,
  type WatchHandler,
  type WriteResult,
} from '../../apiserver/types.ts';
import type { VirtualClock } from '../../clock/virtual-clock.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';

const CLUSTER_SCOPED = new Set(['Node', 'Namespace']);
const STATUS_SUBRESOURCE = new Set(['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'Service', 'Node', 'Namespace']);
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface FakeApiServerOptions {
  /** Pods bound to a node get deletionTimestamp and stay until a kubelet (or the test) removes them. */
  gracefulPodDeletion?: boolean;
}

export class FakeApiServer implements ApiServer {
  private readonly store = new Map<string, KubeObject>();
  private readonly watchers: { kind: string; handler: WatchHandler }[] = [];
  private revision = 0;
  private readonly names: SeededRandom;
  private readonly uids: SeededRandom;

  constructor(
    private readonly clock: VirtualClock,
    random: SeededRandom,
    private readonly options: FakeApiServerOptions = {},
  ) {
    this.names = random.derive('names');
    this.uids = random.derive('uids');
  }

  resources(): ResourceInfo[] {
    return [];
  }

  resolveResource(): ResourceInfo | undefined {
    return undefined;
  }

  create<T extends KubeObject>(input: T): WriteResult<T> {
    const obj = clone(input);
    const meta = obj.metadata;
    if (!CLUSTER_SCOPED.has(obj.kind)) meta.namespace ??= 'default';
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.names.string(NAME_ALPHABET, 5);
    if (!meta.name) throw failure(422, 'Invalid', `${obj.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    const key = storeKey({ kind: obj.kind, namespace: meta.namespace, name: meta.name });
    if (this.store.has(key)) throw failure(409, 'AlreadyExists', `${obj.kind} "${meta.name}" already exists`);
    meta.uid = this.newUid();
    meta.creationTimestamp = this.clock.nowRFC3339();
    meta.resourceVersion = String(++this.revision);
    if ('spec' in obj) meta.generation = 1;
    this.store.set(key, obj);
    this.notify({ type: 'ADDED', object: obj });
    return { object: clone(obj), warnings: [] };
  }

  get<T extends KubeObject>(key: ObjectKey): T {
    const obj = this.tryGet<T>(key);
    if (!obj) throw notFound(key);
    return obj;
  }

  tryGet<T extends KubeObject>(key: ObjectKey): T | undefined {
    const obj = this.store.get(storeKey(key));
    return obj ? (clone(obj) as T) : undefined;
  }

  resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.resources().find((r) => r.kind === kind && r.group === group && r.version === version);
  }

  listShared<T extends KubeObject>(kind: string, options?: ListOptions): readonly T[] {
    return this.list<T>(kind, options);
  }

  list<T extends KubeObject>(kind: string, options: ListOptions = {}): T[] {
    const selector = options.labelSelector ? parseLabelSelector(options.labelSelector) : undefined;
    const out: T[] = [];
    for (const obj of this.store.values()) {
      if (obj.kind !== kind) continue;
      if (options.namespace !== undefined && obj.metadata.namespace !== options.namespace) continue;
      if (selector && !selector.matches(obj.metadata.labels)) continue;
      out.push(clone(obj) as T);
    }
    return out.sort((a, b) => storeKey(objectKeyOf(a)).localeCompare(storeKey(objectKeyOf(b))));
  }

  update<T extends KubeObject>(input: T): WriteResult<T> {
    const key = objectKeyOf(input);
    const old = this.store.get(storeKey(key));
    if (!old) throw notFound(key);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw failure(409, 'Conflict', `Operation cannot be fulfilled on ${input.kind} "${key.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const obj: KubeObject = clone(input);
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
      if (old.metadata[f] === undefined) delete (obj.metadata as Record<string, unknown>)[f];
    }
    if (STATUS_SUBRESOURCE.has(obj.kind)) {
      if (old.status === undefined) delete obj.status;
      else obj.status = clone(old.status);
    }
    if ('spec' in obj && JSON.stringify(obj.spec) !== JSON.stringify(old.spec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    return this.commit(old, obj);
  }

  updateStatus<T extends KubeObject>(input: T): WriteResult<T> {
    const key = objectKeyOf(input);
    const old = this.store.get(storeKey(key));
    if (!old) throw notFound(key);
    const obj = clone(old);
    obj.status = clone((input as KubeObject).status);
    return this.commit(old, obj);
  }

  patch<T extends KubeObject>(): WriteResult<T> {
    throw new Error('FakeApiServer: patch is not supported');
  }

  delete<T extends KubeObject>(key: ObjectKey, options: DeleteOptions = {}): T {
    const old = this.store.get(storeKey(key));
    if (!old) throw notFound(key);
    const obj = clone(old);
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    if (options.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan') finalizers.add('orphan');
    const graceful =
      this.options.gracefulPodDeletion && obj.kind === 'Pod' && (obj.spec as { nodeName?: string }).nodeName && options.gracePeriodSeconds !== 0;
    if (finalizers.size === 0 && !graceful) {
      this.remove(old);
      return clone(old) as T;
    }
    if (obj.metadata.deletionTimestamp) return clone(old) as T;
    obj.metadata.finalizers = finalizers.size ? [...finalizers] : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    obj.metadata.deletionTimestamp = this.clock.nowRFC3339();
    if (graceful) obj.metadata.deletionGracePeriodSeconds = options.gracePeriodSeconds ?? 30;
    return this.commit(old, obj).object as T;
  }

  watch(kind: string, handler: WatchHandler): () => void {
    const entry = { kind, handler };
    this.watchers.push(entry);
    return () => this.watchers.splice(this.watchers.indexOf(entry), 1);
  }

  private commit<T extends KubeObject>(old: KubeObject, obj: KubeObject): WriteResult<T> {
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).length && !(obj.metadata.deletionGracePeriodSeconds)) {
      this.remove(old);
      return { object: clone(obj) as T, warnings: [] };
    }
    obj.metadata.resourceVersion = String(++this.revision);
    this.store.set(storeKey(objectKeyOf(obj)), obj);
    this.notify({ type: 'MODIFIED', object: obj, old });
    return { object: clone(obj) as T, warnings: [] };
  }

  private remove(old: KubeObject): void {
    this.store.delete(storeKey(objectKeyOf(old)));
    this.notify({ type: 'DELETED', object: old });
  }

  private notify(event: { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject; old?: KubeObject }): void {
    for (const w of [...this.watchers]) {
      if (w.kind !== '*' && w.kind !== event.object.kind) continue;
      w.handler({ type: event.type, object: clone(event.object), old: event.old && clone(event.old) });
    }
  }

  private newUid(): string {
    const hex = this.uids.string('0123456789abcdef', 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

function storeKey(key: ObjectKey): string {
  return `${key.kind}/${key.namespace ?? ''}/${key.name}`;
}

function objectKeyOf(obj: KubeObject): ObjectKey {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: String(obj.metadata.name) };
}

function clone<T>(v: T): T {
  return v === undefined ? v : structuredClone(v);
}

function notFound(key: ObjectKey): ApiError {
  return failure(404, 'NotFound', `${key.kind} "${key.name}" not found`);
}

function failure(code: number, reason: Status['reason'], message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });
}
