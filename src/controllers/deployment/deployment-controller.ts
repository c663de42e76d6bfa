/**
 * The Deployment controller (pkg/controller/deployment, Kubernetes 1.31): deployment_controller.go
 * syncDeployment, sync.go (getNewReplicaSet, scale, cleanupDeployment, calculateStatus),
 * rolling.go, recreate.go, progress.go.
 * - The new ReplicaSet is `<deployment>-<pod-template-hash>` with the hash label added to its
 *   selector, template and labels, a controller reference, and the revision / desired-replicas /
 *   max-replicas annotations.
 * - RollingUpdate scales the new ReplicaSet up within maxSurge and the old ones down within
 *   maxUnavailable as pods become available; Recreate scales the old ones to zero, waits for
 *   their pods to be gone, then scales the new one up.
 * - Events `ScalingReplicaSet`: `Scaled up replica set x to 2` when a ReplicaSet is created with
 *   replicas, `Scaled down replica set x to 0 from 2` for later scaling (sync.go scaleReplicaSet).
 * - Status and the Available / Progressing conditions with their reasons and messages.
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { Pod } from '../../api/core.ts';
import type { Condition } from '../../api/meta.ts';
import { deepCopy } from '../../apiserver/deep-copy.ts';
import { labelSelectorMatches } from '../../apiserver/selectors/label-selector-object.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { TimerHandle } from '../../clock/virtual-clock.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { EventRecorder } from '../events.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { controllerOf, newControllerRef } from '../owner-references.ts';
import { CONTROLLER_UID_INDEX, controlledAndOrphans, controllerUIDIndexValues } from '../informers/controller-uid-index.ts';
import { Indexer } from '../informers/indexer.ts';
import { WorkQueue } from '../work-queue.ts';
import { getCondition, newCondition, REASON, removeCondition, setCondition } from './deployment-conditions.ts';
import { desiredReplicas, isRollingUpdate, maxSurge, maxUnavailable } from './fenceposts.ts';
import { computePodTemplateHash } from './pod-template-hash.ts';
import {
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  maxRevision,
  replicasAnnotationsNeedUpdate,
  REVISION,
  revisionOf,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './replica-set-annotations.ts';
import {
  activeReplicaSets,
  byCreationTimestamp,
  bySizeNewer,
  bySizeOlder,
  findActiveOrLatest,
  findNewReplicaSet,
  specReplicas,
  sumAvailableReplicas,
  sumReadyReplicas,
  sumSpecReplicas,
  sumStatusReplicas,
} from './replica-set-sets.ts';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL } from './template-equality.ts';

type DeploymentStatus = NonNullable<Deployment['status']>;

/** progressDeadlineSeconds as the API server defaults it (pkg/apis/apps/v1/defaults.go). */
const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
const MAX_INT32 = 2147483647;
/** revisionHistoryLimit default (pkg/apis/apps/v1/defaults.go). */
const DEFAULT_REVISION_HISTORY_LIMIT = 10;

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private readonly queue = new WorkQueue();
  private readonly recorder: EventRecorder;
  private readonly progressChecks = new Map<string, TimerHandle>();
  /** ReplicaSets by controller UID (and orphans by namespace): a sync reads its own, not its namespace's. */
  private readonly replicaSets: Indexer<ReplicaSet>;

  constructor(private readonly deps: ControllerDeps) {
    this.replicaSets = new Indexer<ReplicaSet>(deps.api, 'ReplicaSet', { [CONTROLLER_UID_INDEX]: controllerUIDIndexValues });
    this.recorder = new EventRecorder(deps.api, deps.clock, deps.random, { component: 'deployment-controller' });
    deps.api.watch('Deployment', (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('ReplicaSet', (e) => this.enqueueOwnerOf(e.object as ReplicaSet));
    // A Recreate rollout waits for the old pods to be gone (deployment_controller.go deletePod).
    deps.api.watch('Pod', (e) => {
      if (e.type !== 'DELETED') return;
      const rsRef = controllerOf(e.object);
      if (rsRef?.kind !== 'ReplicaSet') return;
      const rs = deps.api.tryGet<ReplicaSet>({ kind: 'ReplicaSet', namespace: e.object.metadata.namespace, name: rsRef.name });
      if (rs) this.enqueueOwnerOf(rs);
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.syncDeployment(key));
  }

  private enqueueOwnerOf(rs: ReplicaSet): void {
    const ref = controllerOf(rs);
    if (ref) {
      if (ref.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`);
      return;
    }
    for (const d of this.deps.api.listShared<Deployment>('Deployment', { namespace: rs.metadata.namespace })) {
      if (selects(d, rs.metadata.labels)) this.queue.add(objectKey(d));
    }
  }

  private now(): string {
    return this.deps.clock.nowRFC3339();
  }

  /** deployment_controller.go syncDeployment */
  private syncDeployment(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    let d = this.deps.api.tryGet<Deployment>({ kind: 'Deployment', namespace, name });
    if (!d) return;
    const selector = d.spec.selector;
    if (!selector || (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length)) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if (d.status?.observedGeneration !== d.metadata.generation) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
        this.write(() => this.deps.api.updateStatus(d!));
      }
      return;
    }
    const rsList = this.claimReplicaSets(d);
    if (d.metadata.deletionTimestamp) {
      this.syncStatusOnly(d, rsList);
      return;
    }
    d = this.checkPausedConditions(d);
    if (d.spec.paused || this.isScalingEvent(d, rsList)) {
      this.syncScale(d, rsList);
      return;
    }
    if (isRollingUpdate(d)) this.rolloutRolling(d, rsList);
    else this.rolloutRecreate(d, rsList);
  }

  /** getReplicaSetsForDeployment: adopt matching orphans, release owned ReplicaSets that no longer match. */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const claimed: ReplicaSet[] = [];
    // Only the ReplicaSets this Deployment may claim are copied (claiming and scaling change them).
    for (const rs of controlledAndOrphans(this.replicaSets, d).map((shared) => deepCopy(shared))) {
      const ref = controllerOf(rs);
      const matches = selects(d, rs.metadata.labels);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches || d.metadata.deletionTimestamp) {
          claimed.push(rs);
        } else {
          rs.metadata.ownerReferences = rs.metadata.ownerReferences?.filter((r) => r.uid !== d.metadata.uid);
          this.write(() => this.deps.api.update(rs));
        }
        continue;
      }
      if (!matches || d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      rs.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)];
      const adopted = this.write(() => this.deps.api.update(rs).object);
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  /** sync.go checkPausedConditions */
  private checkPausedConditions(d: Deployment): Deployment {
    if (!hasProgressDeadline(d)) return d;
    const cond = getCondition(d.status?.conditions, 'Progressing');
    if (cond?.reason === REASON.timedOut) return d;
    const pausedCondExists = cond?.reason === REASON.paused;
    let conditions = d.status?.conditions ?? [];
    if (d.spec.paused && !pausedCondExists) {
      conditions = setCondition(conditions, newCondition('Progressing', 'Unknown', REASON.paused, 'Deployment is paused', this.now()));
    } else if (!d.spec.paused && pausedCondExists) {
      conditions = setCondition(conditions, newCondition('Progressing', 'Unknown', REASON.resumed, 'Deployment is resumed', this.now()));
    } else {
      return d;
    }
    d.status = { ...(d.status ?? {}), conditions };
    return this.write(() => this.deps.api.updateStatus(d).object) ?? d;
  }

  /** sync.go isScalingEvent: an active ReplicaSet was sized for another replica count. */
  private isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs);
      if (desired !== undefined && desired !== desiredReplicas(d)) return true;
    }
    return false;
  }

  private syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** sync.go sync: scaling events and paused deployments. */
  private syncScale(d: Deployment, rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    this.scale(d, newRS, oldRSs);
    ({ newRS, oldRSs } = this.refresh(d, newRS, oldRSs));
    if (d.spec.paused) this.cleanupDeployment(oldRSs, d);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, this.reread(d));
  }

  /** Re-reads the ReplicaSets after writes, as the informer cache would have caught up. */
  private refresh(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const get = (rs: ReplicaSet) => this.deps.api.tryGet<ReplicaSet>({ kind: 'ReplicaSet', namespace: d.metadata.namespace, name: String(rs.metadata.name) });
    return {
      newRS: newRS && get(newRS),
      oldRSs: oldRSs.map(get).filter((rs): rs is ReplicaSet => rs !== undefined),
    };
  }

  private reread(d: Deployment): Deployment {
    return this.deps.api.tryGet<Deployment>({ kind: 'Deployment', namespace: d.metadata.namespace, name: String(d.metadata.name) }) ?? d;
  }

  /** sync.go getAllReplicaSetsAndSyncRevision */
  private getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const newExisting = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs.metadata.uid !== newExisting?.metadata.uid);
    const newRS = this.getNewReplicaSet(d, rsList, oldRSs, create);
    return { newRS, oldRSs };
  }

  /** sync.go getNewReplicaSet */
  private getNewReplicaSet(d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const desired = desiredReplicas(d);
    const max = desired + maxSurge(d);
    if (existing) {
      const rsCopy = deepCopy(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true, desired, max);
      const minReadyNeedsUpdate = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyNeedsUpdate) {
        if (d.spec.minReadySeconds) rsCopy.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete rsCopy.spec.minReadySeconds;
        return this.write(() => this.deps.api.update(rsCopy).object) ?? existing;
      }
      this.setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION] ?? newRevision);
      const cond = getCondition(d.status?.conditions, 'Progressing');
      if (hasProgressDeadline(d) && !cond) {
        const condition = newCondition('Progressing', 'True', REASON.foundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, this.now());
        d.status = { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions ?? [], condition) };
        this.write(() => this.deps.api.updateStatus(d));
      }
      return rsCopy;
    }
    if (!create) return undefined;

    const template = structuredClone(d.spec.template);
    const hash = computePodTemplateHash(template, d.status?.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
    const newRS: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        ownerReferences: [newControllerRef(d)],
        labels: { ...template.metadata.labels! },
      },
      spec: {
        replicas: 0,
        selector: {
          ...structuredClone(d.spec.selector),
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash },
        },
        template,
      },
    };
    if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
    const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    newRS.spec.replicas = newReplicas;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false, desired, max);

    let created: ReplicaSet;
    let alreadyExisted = false;
    try {
      created = this.deps.api.create(newRS).object;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.reason === 'AlreadyExists') {
        const found = this.deps.api.tryGet<ReplicaSet>({ kind: 'ReplicaSet', namespace: d.metadata.namespace, name: String(newRS.metadata.name) });
        if (found && controllerOf(found)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, found.spec.template)) {
          created = found;
          alreadyExisted = true;
        } else {
          // A hash collision: bump collisionCount; the status write requeues the Deployment.
          d.status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
          this.write(() => this.deps.api.updateStatus(d));
          return undefined;
        }
      } else {
        const msg = `Failed to create new replica set "${newRS.metadata.name}": ${err.message}`;
        if (hasProgressDeadline(d)) {
          d.status = { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions ?? [], newCondition('Progressing', 'False', REASON.failedRSCreate, msg, this.now())) };
          this.write(() => this.deps.api.updateStatus(d));
        }
        this.recorder.event(d, 'Warning', REASON.failedRSCreate, msg);
        return undefined;
      }
    }
    if (!alreadyExisted && newReplicas > 0) {
      this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${newReplicas}`);
    }
    this.setDeploymentRevision(d, newRevision);
    if (!alreadyExisted && hasProgressDeadline(d)) {
      const condition = newCondition('Progressing', 'True', REASON.newReplicaSet, `Created new replica set "${created.metadata.name}"`, this.now());
      d.status = { ...(d.status ?? {}), conditions: setCondition(d.status?.conditions ?? [], condition) };
      this.write(() => this.deps.api.updateStatus(d));
    }
    return created;
  }

  /**
   * SetDeploymentRevision. The real controller writes the annotation with its status update
   * (the Deployment status strategy keeps metadata changes); here it is a metadata update.
   */
  private setDeploymentRevision(d: Deployment, revision: string): void {
    if (d.metadata.annotations?.[REVISION] === revision) return;
    const current = this.reread(d);
    current.metadata.annotations = { ...(current.metadata.annotations ?? {}), [REVISION]: revision };
    const written = this.write(() => this.deps.api.update(current).object);
    if (written) {
      d.metadata = written.metadata;
    }
  }

  /** sync.go scale: proportional scaling of all active ReplicaSets. */
  private scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const desired = desiredReplicas(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (specReplicas(activeOrLatest) === desired) return;
      this.scaleReplicaSetAndRecordEvent(activeOrLatest, desired, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeReplicaSets(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = activeReplicaSets([...oldRSs, newRS]);
    const allReplicas = sumSpecReplicas(all);
    const allowedSize = desired > 0 ? desired + maxSurge(d) : 0;
    const toAdd = allowedSize - allReplicas;
    let operation = '';
    if (toAdd > 0) {
      all.sort(bySizeNewer);
      operation = 'up';
    } else if (toAdd < 0) {
      all.sort(bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const proportion = getProportion(rs, d, toAdd, added);
        sizes.set(String(rs.metadata.name), specReplicas(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(String(rs.metadata.name), specReplicas(rs));
      }
    }
    all.forEach((rs, i) => {
      const name = String(rs.metadata.name);
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, sizes.get(name)! + (toAdd - added)));
      this.scaleReplicaSet(rs, sizes.get(name)!, d, operation);
    });
  }

  private scaleReplicaSetAndRecordEvent(rs: ReplicaSet, newScale: number, d: Deployment): boolean {
    if (specReplicas(rs) === newScale) return false;
    return this.scaleReplicaSet(rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** sync.go scaleReplicaSet: writes the size and the replica annotations; true when the size changed. */
  private scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment, operation: string): boolean {
    const desired = desiredReplicas(d);
    const max = desired + maxSurge(d);
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
    const oldScale = specReplicas(rs);
    const current = this.deps.api.tryGet<ReplicaSet>({ kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: String(rs.metadata.name) });
    if (!current) return false;
    current.spec.replicas = newScale;
    setReplicasAnnotations(current, desired, max);
    const written = this.write(() => this.deps.api.update(current).object);
    if (!written) return false;
    rs.spec.replicas = newScale;
    rs.metadata = written.metadata;
    if (sizeNeedsUpdate) {
      this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} to ${newScale} from ${oldScale}`);
    }
    return sizeNeedsUpdate;
  }

  /** rolling.go rolloutRolling */
  private rolloutRolling(d: Deployment, rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, true);
    d = this.reread(d);
    if (this.reconcileNewReplicaSet([...oldRSs, newRS], newRS, d) || this.reconcileOldReplicaSets([...oldRSs, newRS], activeReplicaSets(oldRSs), newRS, d)) {
      ({ newRS, oldRSs } = this.refresh(d, newRS, oldRSs));
      this.syncRolloutStatus([...oldRSs, newRS], newRS, this.reread(d));
      return;
    }
    if (deploymentComplete(d, d.status)) this.cleanupDeployment(oldRSs, d);
    ({ newRS, oldRSs } = this.refresh(d, newRS, oldRSs));
    this.syncRolloutStatus([...oldRSs, newRS], newRS, this.reread(d));
  }

  /** rolling.go reconcileNewReplicaSet */
  private reconcileNewReplicaSet(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): boolean {
    if (!newRS) return false;
    const desired = desiredReplicas(d);
    if (specReplicas(newRS) === desired) return false;
    if (specReplicas(newRS) > desired) return this.scaleReplicaSetAndRecordEvent(newRS, desired, d);
    const count = newRSNewReplicas(d, allRSs, newRS);
    return this.scaleReplicaSetAndRecordEvent(newRS, count, d);
  }

  /** rolling.go reconcileOldReplicaSets */
  private reconcileOldReplicaSets(allRSs: (ReplicaSet | undefined)[], oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): boolean {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const allPods = sumSpecReplicas(allRSs);
    const minAvailable = desiredReplicas(d) - maxUnavailable(d);
    const newRSUnavailable = newRS ? specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
    const maxScaledDown = allPods - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;
    const cleaned = this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    const scaledDown = this.scaleDownOldReplicaSetsForRollingUpdate([...oldRSs, newRS], oldRSs, d);
    return cleaned + scaledDown > 0;
  }

  /** rolling.go cleanupUnhealthyReplicas: scales down old ReplicaSets' unavailable pods first. */
  private cleanupUnhealthyReplicas(oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): number {
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
      if (total >= maxCleanup) break;
      const available = rs.status?.availableReplicas ?? 0;
      if (specReplicas(rs) === 0 || specReplicas(rs) === available) continue;
      const count = Math.min(maxCleanup - total, specReplicas(rs) - available);
      this.scaleReplicaSetAndRecordEvent(rs, specReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  /** rolling.go scaleDownOldReplicaSetsForRollingUpdate */
  private scaleDownOldReplicaSetsForRollingUpdate(allRSs: (ReplicaSet | undefined)[], oldRSs: ReplicaSet[], d: Deployment): number {
    const minAvailable = desiredReplicas(d) - maxUnavailable(d);
    const available = sumAvailableReplicas(allRSs);
    if (available <= minAvailable) return 0;
    const totalToScaleDown = available - minAvailable;
    let total = 0;
    for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
      if (total >= totalToScaleDown) break;
      if (specReplicas(rs) === 0) continue;
      const count = Math.min(specReplicas(rs), totalToScaleDown - total);
      this.scaleReplicaSetAndRecordEvent(rs, specReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  /** recreate.go rolloutRecreate */
  private rolloutRecreate(d: Deployment, rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
    d = this.reread(d);
    let scaledDown = false;
    for (const rs of activeReplicaSets(oldRSs)) scaledDown = this.scaleReplicaSetAndRecordEvent(rs, 0, d) || scaledDown;
    if (scaledDown || this.oldPodsRunning(d, newRS, oldRSs)) {
      ({ newRS, oldRSs } = this.refresh(d, newRS, oldRSs));
      this.syncRolloutStatus([...oldRSs, newRS], newRS, this.reread(d));
      return;
    }
    if (!newRS) {
      ({ newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, this.claimReplicaSets(d), true));
      d = this.reread(d);
    }
    if (newRS) this.scaleReplicaSetAndRecordEvent(newRS, desiredReplicas(d), d);
    if (deploymentComplete(d, d.status)) this.cleanupDeployment(oldRSs, d);
    ({ newRS, oldRSs } = this.refresh(d, newRS, oldRSs));
    this.syncRolloutStatus([...oldRSs, newRS], newRS, this.reread(d));
  }

  /** recreate.go oldPodsRunning: old ReplicaSets still report pods, or pods of theirs are not terminal. */
  private oldPodsRunning(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (sumStatusReplicas(oldRSs) > 0) return true;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    for (const pod of this.deps.api.listShared<Pod>('Pod', { namespace: d.metadata.namespace })) {
      const ref = controllerOf(pod);
      if (!ref || ref.uid === newRS?.metadata.uid || !oldUids.has(ref.uid)) continue;
      if (!selects(d, pod.metadata.labels)) continue;
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
    return false;
  }

  /** sync.go cleanupDeployment: keeps revisionHistoryLimit old ReplicaSets. */
  private cleanupDeployment(oldRSs: ReplicaSet[], d: Deployment): void {
    const limit = d.spec.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreationTimestamp(a, b));
    for (const rs of cleanable.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      this.write(() => this.deps.api.delete({ kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: String(rs.metadata.name) }));
    }
  }

  /** sync.go syncDeploymentStatus */
  private syncDeploymentStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
    const status = calculateStatus(allRSs, newRS, d, this.now());
    if (sameStatus(d.status, status)) return;
    d.status = status;
    this.write(() => this.deps.api.updateStatus(d));
  }

  /** progress.go syncRolloutStatus */
  private syncRolloutStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
    const now = this.now();
    const status = calculateStatus(allRSs, newRS, d, now);
    if (!hasProgressDeadline(d)) status.conditions = removeCondition(status.conditions ?? [], 'Progressing');
    const currentCond = getCondition(d.status?.conditions, 'Progressing');
    const isComplete = status.replicas === status.updatedReplicas && currentCond?.reason === REASON.newRSAvailable;
    if (hasProgressDeadline(d) && !isComplete) {
      const rsName = newRS?.metadata.name;
      if (deploymentComplete(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
        status.conditions = setCondition(status.conditions ?? [], newCondition('Progressing', 'True', REASON.newRSAvailable, msg, now));
      } else if (deploymentProgressing(d, status)) {
        const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
        const condition = newCondition('Progressing', 'True', REASON.replicaSetUpdated, msg, now);
        if (currentCond) {
          if (currentCond.status === 'True') condition.lastTransitionTime = currentCond.lastTransitionTime;
          status.conditions = removeCondition(status.conditions ?? [], 'Progressing');
        }
        status.conditions = setCondition(status.conditions ?? [], condition);
      } else if (deploymentTimedOut(d, status, this.deps.clock.now())) {
        const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        status.conditions = setCondition(status.conditions ?? [], newCondition('Progressing', 'False', REASON.timedOut, msg, now));
      }
    }
    status.conditions = removeCondition(status.conditions ?? [], 'ReplicaFailure');
    if (sameStatus(d.status, status)) {
      this.requeueStuckDeployment(d, status);
      return;
    }
    d.status = status;
    const written = this.write(() => this.deps.api.updateStatus(d).object);
    if (written) this.requeueStuckDeployment(written, status);
  }

  /** progress.go requeueStuckDeployment: a progress check when the deadline would pass. */
  private requeueStuckDeployment(d: Deployment, status: DeploymentStatus): void {
    const key = objectKey(d);
    this.progressChecks.get(key)?.cancel();
    this.progressChecks.delete(key);
    const cond = getCondition(d.status?.conditions, 'Progressing');
    if (!hasProgressDeadline(d) || !cond) return;
    if (deploymentComplete(d, status) || cond.reason === REASON.timedOut) return;
    const deadline = Date.parse(cond.lastUpdateTime ?? this.now()) + progressDeadlineSeconds(d) * 1000;
    const after = Math.max(0, deadline - this.deps.clock.now()) + 1000;
    this.progressChecks.set(key, this.deps.clock.schedule(after, `deployment-controller ${key} progress check`, () => this.queue.add(key)));
  }

  /** Runs an API write; a refused one is left for the next sync, as a requeue would. */
  private write<R>(write: () => R): R | undefined {
    try {
      return write();
    } catch (err) {
      if (err instanceof ApiError) return undefined;
      throw err;
    }
  }
}

function selects(d: Deployment, labels: Record<string, string> | undefined): boolean {
  try {
    return labelSelectorMatches(d.spec.selector, labels);
  } catch {
    return false;
  }
}

function progressDeadlineSeconds(d: Deployment): number {
  return d.spec.progressDeadlineSeconds ?? DEFAULT_PROGRESS_DEADLINE_SECONDS;
}

/** HasProgressDeadline: set and not MaxInt32. */
function hasProgressDeadline(d: Deployment): boolean {
  return progressDeadlineSeconds(d) !== MAX_INT32;
}

/** deployment_util.go NewRSNewReplicas */
export function newRSNewReplicas(d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const desired = desiredReplicas(d);
  if (!isRollingUpdate(d)) return desired;
  const current = sumSpecReplicas(allRSs);
  const maxTotal = desired + maxSurge(d);
  if (current >= maxTotal) return specReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, desired - specReplicas(newRS));
  return specReplicas(newRS) + scaleUp;
}

/** deployment_util.go IsSaturated */
function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicas(d);
  return desiredReplicasAnnotation(rs) === desired && specReplicas(rs) === desired && (rs.status?.availableReplicas ?? 0) === desired;
}

/** deployment_util.go GetProportion / getReplicaSetFraction */
function getProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const desired = desiredReplicas(d);
  if (desired === 0) return -specReplicas(rs);
  const deploymentReplicas = desired + maxSurge(d);
  const annotated = maxReplicasAnnotation(rs) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  // integer.RoundToInt32: math.Round, halves away from zero.
  const size = (specReplicas(rs) * deploymentReplicas) / annotated;
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs);
}

/** sync.go calculateStatus */
function calculateStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: string): DeploymentStatus {
  const available = sumAvailableReplicas(allRSs);
  const total = sumSpecReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: sumStatusReplicas(allRSs),
    updatedReplicas: sumStatusReplicas([newRS]),
    readyReplicas: sumReadyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  let conditions: Condition[] = [...(d.status?.conditions ?? [])];
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    conditions = setCondition(conditions, newCondition('Available', 'True', REASON.minimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    conditions = setCondition(conditions, newCondition('Available', 'False', REASON.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  status.conditions = conditions;
  return status;
}

/** deployment_util.go DeploymentComplete */
function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const desired = desiredReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === desired &&
    (status?.replicas ?? 0) === desired &&
    (status?.availableReplicas ?? 0) === desired &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** deployment_util.go DeploymentProgressing */
function deploymentProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** deployment_util.go DeploymentTimedOut */
function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status.conditions, 'Progressing');
  if (!cond) return false;
  if (cond.reason === REASON.newRSAvailable) return false;
  if (cond.reason === REASON.timedOut) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  return from + progressDeadlineSeconds(d) * 1000 < nowMs;
}

/** reflect.DeepEqual of two statuses, as JSON. */
function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return JSON.stringify(normalizeStatus(a)) === JSON.stringify(normalizeStatus(b));
}

function normalizeStatus(s: DeploymentStatus | undefined): unknown {
  if (!s) return {};
  return {
    observedGeneration: s.observedGeneration ?? 0,
    replicas: s.replicas ?? 0,
    updatedReplicas: s.updatedReplicas ?? 0,
    readyReplicas: s.readyReplicas ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
    unavailableReplicas: s.unavailableReplicas ?? 0,
    collisionCount: s.collisionCount,
    conditions: (s.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message, c.lastUpdateTime, c.lastTransitionTime]),
  };
}

