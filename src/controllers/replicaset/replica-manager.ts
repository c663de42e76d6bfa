/**
 * The ReplicaSet controller's reconcile loop (pkg/controller/replicaset/replica_set.go,
 * Kubernetes 1.31), shared with the ReplicationController manager which in Kubernetes runs the
 * same code through an adapter (pkg/controller/replication/replication_controller.go):
 * - claim pods: adopt orphans the selector matches, release owned pods it no longer matches
 *   (pkg/controller/controller_ref_manager.go ClaimPods);
 * - count active pods (not Succeeded/Failed, not terminating), create or delete the difference:
 *   pods from the template with generateName `<owner>-`, the template's labels, annotations and
 *   finalizers, and a controller reference (controller_utils.go GetPodFromTemplate, getPodsPrefix);
 *   deletions picked by podsToDelete;
 * - events `SuccessfulCreate` `Created pod: x`, `SuccessfulDelete` `Deleted pod: x`,
 *   `FailedCreate` `Error creating: <err>` (controller_utils.go RealPodControl);
 * - status replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration
 *   (replica_set_utils.go calculateStatus); with minReadySeconds, a recheck once pods can be available.
 */
import { deepCopy } from '../../apiserver/deep-copy.ts';
import type { Pod, PodTemplateSpec } from '../../api/core.ts';
import type { KubeObject, OwnerReference } from '../../api/meta.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { EventRecorder } from '../events.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { controllerOf, newControllerRef } from '../owner-references.ts';
import { isPodActive, isPodAvailable, isPodReady } from '../pod-readiness.ts';
import { CONTROLLER_UID_INDEX, controlledAndOrphans, controllerUIDIndexValues } from '../informers/controller-uid-index.ts';
import { Indexer } from '../informers/indexer.ts';
import { WorkQueue } from '../work-queue.ts';
import { podsToDelete } from './pods-to-delete.ts';

/** A ReplicaSet or ReplicationController status. */
export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
}

/** What differs between the two kinds the manager runs. */
export interface ReplicaOwnerKind<T extends KubeObject> {
  kind: 'ReplicaSet' | 'ReplicationController';
  /** The controller's name in kube-controller-manager and its event source component. */
  controllerName: string;
  replicas(owner: T): number;
  selects(owner: T, labels: Record<string, string> | undefined): boolean;
  template(owner: T): PodTemplateSpec | undefined;
  minReadySeconds(owner: T): number;
  status(owner: T): ReplicaStatus | undefined;
}

export class ReplicaManager<T extends KubeObject> implements Controller {
  readonly name: string;
  private readonly queue = new WorkQueue();
  private readonly recorder: EventRecorder;
  /** Pods by controller UID (and orphans by namespace): a sync reads its own pods, not its namespace's. */
  private readonly pods: Indexer<Pod>;

  constructor(
    private readonly deps: ControllerDeps,
    private readonly owners: ReplicaOwnerKind<T>,
  ) {
    this.name = owners.controllerName;
    this.recorder = new EventRecorder(deps.api, deps.clock, deps.random, { component: owners.controllerName });
    this.pods = new Indexer<Pod>(deps.api, 'Pod', { [CONTROLLER_UID_INDEX]: controllerUIDIndexValues });
    deps.api.watch(owners.kind, (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('Pod', (e) => {
      this.enqueueOwnersOf(e.object as Pod);
      if (e.old) this.enqueueOwnersOf(e.old as Pod);
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.sync(key));
  }

  /** The controlling owner, or for an orphan every owner whose selector matches (it may adopt). */
  private enqueueOwnersOf(pod: Pod): void {
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind === this.owners.kind) this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
      return;
    }
    for (const owner of this.deps.api.listShared<T>(this.owners.kind, { namespace: pod.metadata.namespace })) {
      if (this.owners.selects(owner, pod.metadata.labels)) this.queue.add(objectKey(owner));
    }
  }

  private sync(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    const owner = this.deps.api.tryGet<T>({ kind: this.owners.kind, namespace, name });
    if (!owner) return;
    // Shared from the cache: a pod is copied only to be changed (adopted or released).
    const all = controlledAndOrphans(this.pods, owner).filter((p) => controllerOf(p) || this.owners.selects(owner, p.metadata.labels));
    const pods = this.claimPods(owner, all.filter(isPodActive));
    let failure: string | undefined;
    if (!owner.metadata.deletionTimestamp) failure = this.manageReplicas(owner, pods);
    const current = this.pods
      .byIndex(CONTROLLER_UID_INDEX, String(owner.metadata.uid))
      .filter((p) => p.metadata.namespace === namespace && isPodActive(p));
    this.updateStatus(owner, current, failure);
  }

  private claimPods(owner: T, pods: Pod[]): Pod[] {
    const claimed: Pod[] = [];
    const deleting = Boolean(owner.metadata.deletionTimestamp);
    for (const pod of pods) {
      const ref = controllerOf(pod);
      const matches = this.owners.selects(owner, pod.metadata.labels);
      if (ref) {
        if (ref.uid !== owner.metadata.uid) continue;
        if (matches || deleting) claimed.push(pod);
        else this.release(owner, pod);
        continue;
      }
      if (!matches || deleting || pod.metadata.deletionTimestamp) continue;
      const adopted = this.adopt(owner, pod);
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  private adopt(owner: T, shared: Pod): Pod | undefined {
    const pod = deepCopy(shared);
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), newControllerRef(owner)];
    return this.tryWrite(() => this.deps.api.update(pod).object);
  }

  private release(owner: T, shared: Pod): void {
    const pod = deepCopy(shared);
    pod.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r: OwnerReference) => r.uid !== owner.metadata.uid);
    if (pod.metadata.ownerReferences.length === 0) delete pod.metadata.ownerReferences;
    this.tryWrite(() => this.deps.api.update(pod));
  }

  /** Creates or deletes pods; returns the text of a failed create, if any. */
  private manageReplicas(owner: T, pods: Pod[]): string | undefined {
    const diff = pods.length - this.owners.replicas(owner);
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const failure = this.createPod(owner);
        if (failure) return failure;
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(pods, pods, diff, this.deps.clock.now())) {
        const key = { kind: 'Pod', namespace: pod.metadata.namespace, name: String(pod.metadata.name) };
        const deleted = this.tryWrite(() => this.deps.api.delete(key));
        if (deleted) this.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      }
    }
    return undefined;
  }

  private createPod(owner: T): string | undefined {
    const template = this.owners.template(owner);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${owner.metadata.name}-`,
        namespace: owner.metadata.namespace,
        ownerReferences: [newControllerRef(owner)],
      },
      spec: structuredClone(template?.spec ?? { containers: [] }),
    };
    if (template?.metadata?.labels) pod.metadata.labels = { ...template.metadata.labels };
    if (template?.metadata?.annotations) pod.metadata.annotations = { ...template.metadata.annotations };
    const finalizers = (template?.metadata as { finalizers?: string[] } | undefined)?.finalizers;
    if (finalizers) pod.metadata.finalizers = [...finalizers];
    try {
      const created = this.deps.api.create(pod).object;
      this.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      return undefined;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
      return err.message;
    }
  }

  private updateStatus(owner: T, pods: Pod[], _failure: string | undefined): void {
    const now = this.deps.clock.now();
    const minReady = this.owners.minReadySeconds(owner);
    const templateLabels = this.owners.template(owner)?.metadata?.labels ?? {};
    const ready = pods.filter(isPodReady);
    const status: ReplicaStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: ready.length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: owner.metadata.generation,
    };
    const previous = this.owners.status(owner);
    if (!sameStatus(previous, status)) {
      (owner as KubeObject).status = { ...(previous ?? {}), ...status };
      this.tryWrite(() => this.deps.api.updateStatus(owner));
    }
    // Pods ready but not yet available: look again once minReadySeconds have passed (replica_set.go AddAfter).
    if (minReady > 0 && status.readyReplicas !== status.availableReplicas) {
      const key = objectKey(owner);
      this.deps.clock.schedule(minReady * 1000, `${this.name} ${key} minReadySeconds`, () => this.queue.add(key));
    }
  }

  /** Runs an API write; a refused write (conflict, gone) is retried on the next event, as a requeue would. */
  private tryWrite<R>(write: () => R): R | undefined {
    try {
      return write();
    } catch (err) {
      if (err instanceof ApiError) return undefined;
      throw err;
    }
  }
}

function sameStatus(a: ReplicaStatus | undefined, b: ReplicaStatus): boolean {
  if (!a) return false;
  return (
    (a.replicas ?? 0) === b.replicas &&
    (a.fullyLabeledReplicas ?? 0) === b.fullyLabeledReplicas &&
    (a.readyReplicas ?? 0) === b.readyReplicas &&
    (a.availableReplicas ?? 0) === b.availableReplicas &&
    a.observedGeneration === b.observedGeneration
  );
}
