/**
 * The garbage collector (pkg/controller/garbagecollector, Kubernetes 1.31): cascading deletion
 * through ownerReferences.
 * - Background: a dependent whose owners are all gone (absent, or present under another UID)
 *   is deleted; dangling references next to a live owner are removed (attemptToDeleteItem).
 * - Foreground: an owner deleted with propagationPolicy Foreground carries the
 *   `foregroundDeletion` finalizer and a deletionTimestamp; its dependents are deleted first
 *   (foreground themselves when they have dependents of their own), and the finalizer is removed
 *   once no dependent with blockOwnerDeletion is left (processDeletingDependentsItem).
 * - Orphan: an owner with the `orphan` finalizer has its references removed from every
 *   dependent, then the finalizer (orphanDependents).
 * The dependency graph is built from watch events of every kind (graph_builder.go).
 */
import type { KubeObject, OwnerReference } from '../../api/meta.ts';
import { ApiError, type ObjectKey } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { WorkQueue } from '../work-queue.ts';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/** Kinds that are not namespaced, for owner lookups. */
const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'StorageClass', 'CustomResourceDefinition']);

function keyOf(kind: string, namespace: string | undefined, name: string): string {
  return JSON.stringify([kind, namespace ?? '', name]);
}

function parseKey(key: string): ObjectKey {
  const [kind, namespace, name] = JSON.parse(key) as [string, string, string];
  return namespace ? { kind, namespace, name } : { kind, name };
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  private readonly queue = new WorkQueue();
  /** owner UID -> keys of objects that reference it */
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly deps: ControllerDeps) {
    deps.api.watch('*', (e) => {
      const obj = e.object;
      const key = keyOf(obj.kind, obj.metadata.namespace, String(obj.metadata.name));
      for (const ref of e.old?.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(key);
      if (e.type !== 'DELETED') {
        for (const ref of obj.metadata.ownerReferences ?? []) {
          let set = this.dependents.get(ref.uid);
          if (!set) this.dependents.set(ref.uid, (set = new Set()));
          set.add(key);
        }
        if (obj.metadata.ownerReferences?.length || obj.metadata.deletionTimestamp) this.queue.add(key);
      } else {
        for (const ref of obj.metadata.ownerReferences ?? []) {
          this.dependents.get(ref.uid)?.delete(key);
          // An owner waiting in foreground deletion may now be free to go.
          this.queue.add(keyOf(ref.kind, CLUSTER_SCOPED.has(ref.kind) ? undefined : obj.metadata.namespace, ref.name));
        }
      }
      // An owner that is gone or going: its dependents need a look.
      if (e.type === 'DELETED' || obj.metadata.deletionTimestamp) {
        for (const dep of this.dependents.get(String(obj.metadata.uid)) ?? []) this.queue.add(dep);
      }
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.process(key));
  }

  private process(key: string): void {
    const obj = this.deps.api.tryGet(parseKey(key));
    if (!obj) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN_FINALIZER)) {
      this.orphanDependents(obj);
      return;
    }
    if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND_FINALIZER)) {
      this.processDeletingDependents(obj);
      return;
    }
    this.attemptToDelete(obj);
  }

  private dependentsOf(owner: KubeObject): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of this.dependents.get(String(owner.metadata.uid)) ?? []) {
      const dep = this.deps.api.tryGet(parseKey(key));
      if (dep && dep.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid)) out.push(dep);
    }
    return out;
  }

  private orphanDependents(owner: KubeObject): void {
    for (const dep of this.dependentsOf(owner)) {
      dep.metadata.ownerReferences = dep.metadata.ownerReferences!.filter((r) => r.uid !== owner.metadata.uid);
      if (dep.metadata.ownerReferences.length === 0) delete dep.metadata.ownerReferences;
      this.write(() => this.deps.api.update(dep));
    }
    this.removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  private processDeletingDependents(owner: KubeObject): void {
    let blocking = 0;
    for (const dep of this.dependentsOf(owner)) {
      const ref = dep.metadata.ownerReferences!.find((r) => r.uid === owner.metadata.uid)!;
      if (ref.blockOwnerDeletion) blocking++;
      if (!dep.metadata.deletionTimestamp) this.deleteObject(dep);
    }
    if (blocking === 0) this.removeFinalizer(owner, FOREGROUND_FINALIZER);
  }

  private attemptToDelete(obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.lookupOwner(obj, ref);
      if (!owner) dangling.push(ref);
      else if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length > 0) {
      // Live owners keep the object; references to gone ones are dropped.
      if (dangling.length > 0 || waiting.length > 0) {
        obj.metadata.ownerReferences = refs.filter((r) => !dangling.includes(r) && !waiting.includes(r));
        this.write(() => this.deps.api.update(obj));
      }
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    this.deleteObject(obj, waiting.some((r) => r.blockOwnerDeletion));
  }

  /** Deletes a dependent: foreground when an owner waits on it and it has dependents of its own, else as its finalizers say. */
  private deleteObject(obj: KubeObject, ownerWaiting = true): void {
    const finalizers = obj.metadata.finalizers ?? [];
    let policy: 'Foreground' | 'Background' | 'Orphan' = 'Background';
    if (finalizers.includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    else if (finalizers.includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
    else if (ownerWaiting && (this.dependents.get(String(obj.metadata.uid))?.size ?? 0) > 0) policy = 'Foreground';
    const key: ObjectKey = { kind: obj.kind, namespace: obj.metadata.namespace, name: String(obj.metadata.name) };
    this.write(() => this.deps.api.delete(key, { propagationPolicy: policy }));
  }

  private lookupOwner(obj: KubeObject, ref: OwnerReference): KubeObject | undefined {
    const namespace = CLUSTER_SCOPED.has(ref.kind) ? undefined : obj.metadata.namespace;
    const owner = this.deps.api.tryGet({ kind: ref.kind, namespace, name: ref.name });
    return owner && owner.metadata.uid === ref.uid ? owner : undefined;
  }

  private removeFinalizer(obj: KubeObject, finalizer: string): void {
    const current = this.deps.api.tryGet({ kind: obj.kind, namespace: obj.metadata.namespace, name: String(obj.metadata.name) });
    if (!current) return;
    current.metadata.finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (current.metadata.finalizers.length === 0) delete current.metadata.finalizers;
    this.write(() => this.deps.api.update(current));
  }

  private write(action: () => unknown): void {
    try {
      action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}
