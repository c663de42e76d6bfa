/**
 * The memory cluster's kube-apiserver: the REST verbs of the generic registry
 * (apiserver pkg/registry/generic/registry/store.go) over ObjectStore, with
 * the write pipeline of a real server in its order:
 *   decode (conversion, defaulting) → mutating admission (NamespaceLifecycle,
 *   ServiceAccount, DefaultTolerationSeconds, Priority) → name generation →
 *   service allocation (BeginCreate/BeginUpdate) → strategy prepare →
 *   validation → storage (AlreadyExists / Conflict) → watch fan-out.
 *
 * Namespace deletion: there is no namespace controller in this cluster, so the
 * API server plays its part synchronously. Deleting a namespace marks it
 * Terminating (deletionTimestamp set), deletes every object in it at once
 * (pods go through graceful deletion, so they stay Terminating until the
 * kubelet finishes them), and removes the namespace when its last object is gone.
 *
 * Pod deletion is graceful as on a real server: a pod bound to a node and not
 * finished gets deletionTimestamp = now + grace period and stays until someone
 * (the kubelet) deletes it again with gracePeriodSeconds 0.
 */
import type { KubeObject, ObjectMeta } from '../api/meta.ts';
import { deepCopy } from './deep-copy.ts';
import type { Pod, Service } from '../api/core.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import {
  ApiError,
  type ApiServer,
  type DeleteOptions,
  type ListOptions,
  type ObjectKey,
  type PatchType,
  type ResourceInfo,
  type WatchHandler,
  type WriteOptions,
  type WriteResult,
} from './types.ts';
import { admitDefaultTolerationSeconds } from './admission/default-toleration-seconds.ts';
import { admitPriority } from './admission/priority.ts';
import { admitServiceAccount } from './admission/service-account.ts';
import { ClusterIPAllocator } from './allocators/cluster-ip-allocator.ts';
import { NodePortAllocator, type PortRange } from './allocators/node-port-allocator.ts';
import { ServiceAllocation, type AllocationTransaction } from './allocators/service-allocation.ts';
import { convertIngressToV1 } from './conversion/ingress-v1beta1.ts';
import { deprecationWarning } from './conversion/deprecation-warnings.ts';
import { defaultObject } from './defaults/default-object.ts';
import { jsonEqual } from './json-equal.ts';
import { generateName, newUID, randomSuffix } from './object-identity.ts';
import { applyJsonPatch, JsonPatchError } from './patch/json-patch.ts';
import { applyMergePatch } from './patch/json-merge-patch.ts';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch.ts';
import { NoKindMatchError, ResourceRegistry, type ResourceDefinition } from './resources.ts';
import { compileFieldSelector, FieldSelectorError } from './selectors/field-selector.ts';
import { LabelSelectorParseError, parseLabelSelector } from './selectors/label-selector.ts';
import {
  OBJECT_MODIFIED,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newForbidden,
  newInvalid,
  newNoSuchResource,
  newNotFound,
  newUnprocessable,
  type GroupResource,
} from './status-errors.ts';
import { prepareForCreate, prepareForUpdate } from './strategies/prepare.ts';
import { dropTypeDependentFields, normalizeClusterIPs, patchAllocatedValues } from './strategies/service.ts';
import { serviceWarnings } from './strategies/service-warnings.ts';
import { ObjectStore } from './store.ts';
import { validateCreate, validateUpdate } from './validation/validate-object.ts';

export interface ApiServerOptions {
  clock: VirtualClock;
  random: SeededRandom;
  /** "1.31" (kind's default here), "1.19" ... decides which group/versions are served. */
  kubernetesVersion: string;
  /** The service ClusterIP range: "10.96.0.0/16" on kind. */
  serviceCIDR: string;
  /** --service-node-port-range, 30000-32767 by default. */
  nodePortRange?: PortRange;
}

/** The in-memory API server: the ApiServer contract plus what the memory cluster's own parts need. */
export interface MemoryApiServer extends ApiServer {
  /** Throws NoKindMatchError when this cluster does not serve apiVersion+kind (kubectl's resource mapping). */
  checkServed(apiVersion: string, kind: string): ResourceInfo;
  /** The binding subresource: sets spec.nodeName of an unbound pod (what the scheduler does). */
  bind(key: ObjectKey, nodeName: string): WriteResult<Pod>;
  /** The ClusterIP range as configured, e.g. "10.96.0.0/16". */
  readonly serviceCIDR: string;
  /** The NodePort range, e.g. { min: 30000, max: 32767 }. */
  readonly nodePortRange: PortRange;
}

/** Namespaces the real server creates itself (pkg/controlplane/controller/systemnamespaces). */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
/** NamespaceLifecycle's immortal namespaces (plugin/pkg/admission/namespace/lifecycle). */
const IMMORTAL_NAMESPACES = ['default', 'kube-public', 'kube-system'];
/** maxNameGenerationCreateAttempts of the generic registry (RetryGenerateName, GA in 1.31). */
const NAME_GENERATION_ATTEMPTS = 8;

export function createApiServer(options: ApiServerOptions): MemoryApiServer {
  return new InMemoryApiServer(options);
}

function clone<T>(value: T): T {
  return deepCopy(value);
}

/**
 * A body the server cannot read as its Go type (a list where a map belongs,
 * null items) is refused as a BadRequest, as the JSON decoder refuses it,
 * instead of surfacing as a crash.
 */
function decodingGuard<R>(write: () => R): R {
  try {
    return write();
  } catch (e) {
    if (e instanceof ApiError || !(e instanceof TypeError)) throw e;
    throw newBadRequest(`the request body could not be decoded: ${e.message}`);
  }
}

class InMemoryApiServer implements MemoryApiServer {
  readonly serviceCIDR: string;
  readonly nodePortRange: PortRange;
  private readonly registry: ResourceRegistry;
  private readonly store = new ObjectStore((obj) => this.output(obj));
  private readonly clock: VirtualClock;
  private readonly uids: SeededRandom;
  private readonly names: SeededRandom;
  private readonly allocation: ServiceAllocation;

  constructor(options: ApiServerOptions) {
    this.clock = options.clock;
    this.registry = new ResourceRegistry(options.kubernetesVersion);
    this.serviceCIDR = options.serviceCIDR;
    this.nodePortRange = options.nodePortRange ?? { min: 30000, max: 32767 };
    this.uids = options.random.derive('uids');
    this.names = options.random.derive('names');
    this.allocation = new ServiceAllocation(
      new ClusterIPAllocator(options.serviceCIDR, options.random.derive('cluster-ips')),
      new NodePortAllocator(this.nodePortRange, options.random.derive('node-ports')),
    );
    for (const name of SYSTEM_NAMESPACES) this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  resources(): ResourceInfo[] {
    return this.registry.resources();
  }

  resolveResource(typed: string): ResourceInfo | undefined {
    return this.registry.resolveResource(typed);
  }

  checkServed(apiVersion: string, kind: string): ResourceInfo {
    return this.registry.checkServed(apiVersion, kind);
  }

  // ---- helpers ----

  private definition(kind: string): ResourceDefinition {
    const def = this.registry.definition(kind);
    if (!def) throw newNoSuchResource();
    return def;
  }

  private groupResource(kind: string): GroupResource {
    const def = this.definition(kind);
    const apiVersion = this.registry.storageApiVersion(kind);
    const slash = apiVersion.lastIndexOf('/');
    return { group: slash < 0 ? '' : apiVersion.slice(0, slash), resource: def.resource };
  }

  private namespaceOf(def: ResourceDefinition, namespace: string | undefined): string | undefined {
    return def.namespaced ? namespace || 'default' : undefined;
  }

  /** Decoding: the request's group/version must be served; old Ingress versions convert to v1 with a warning. */
  private decode(obj: KubeObject, warnings: string[]): KubeObject {
    const def = this.definition(obj.kind);
    let out = clone(obj);
    if (out.apiVersion) {
      try {
        this.registry.checkServed(out.apiVersion, out.kind);
      } catch (e) {
        if (e instanceof NoKindMatchError) throw newNoSuchResource();
        throw e;
      }
      const warning = deprecationWarning(out.apiVersion, out.kind, this.registry.minor);
      if (warning) warnings.push(warning);
      if (out.kind === 'Ingress' && out.apiVersion !== 'networking.k8s.io/v1') out = convertIngressToV1(out);
    }
    out.apiVersion = this.registry.storageApiVersion(out.kind);
    out.metadata = out.metadata ?? {};
    const ns = this.namespaceOf(def, out.metadata.namespace);
    if (ns === undefined) delete out.metadata.namespace;
    else out.metadata.namespace = ns;
    return out;
  }

  /** The object as handed out: a copy with the served apiVersion. */
  private output<T extends KubeObject>(obj: KubeObject): T {
    const out = clone(obj) as T;
    out.apiVersion = this.registry.storageApiVersion(obj.kind);
    return out;
  }

  /** NamespaceLifecycle admission for creates. */
  private admitNamespace(obj: KubeObject): void {
    const ns = obj.metadata.namespace;
    if (ns === undefined) return;
    const namespace = this.store.read('Namespace', undefined, ns);
    if (!namespace) throw newNotFound({ group: '', resource: 'namespaces' }, ns);
    if (namespace.metadata.deletionTimestamp) {
      throw newForbidden(
        this.groupResource(obj.kind),
        obj.metadata.name ?? '',
        `unable to create new content in namespace ${ns} because it is being terminated`,
      );
    }
  }

  private admitPod(pod: Pod): void {
    admitServiceAccount(pod, () => randomSuffix(this.names));
    admitDefaultTolerationSeconds(pod);
    admitPriority(pod);
  }

  private invalid(obj: KubeObject, errs: Parameters<typeof newInvalid>[2]): ApiError {
    const { group } = this.groupResource(obj.kind);
    return newInvalid({ group, kind: obj.kind }, obj.metadata.name ?? '', errs);
  }

  // ---- create ----

  create<T extends KubeObject>(obj: T, options: WriteOptions = {}): WriteResult<T> {
    return decodingGuard(() => this.createChecked(obj, options));
  }

  private createChecked<T extends KubeObject>(obj: T, options: WriteOptions): WriteResult<T> {
    const warnings: string[] = [];
    const def = this.definition(obj.kind);
    const decoded = this.decode(obj, warnings);
    if (decoded.metadata.resourceVersion) throw newBadRequest('resourceVersion should not be set on objects to be created');
    this.admitNamespace(decoded);
    defaultObject(decoded);
    if (decoded.kind === 'Pod') this.admitPod(decoded as Pod);
    const generated = !decoded.metadata.name && !!decoded.metadata.generateName;
    for (let attempt = 1; ; attempt++) {
      const candidate = clone(decoded);
      if (generated) candidate.metadata.name = generateName(candidate.metadata.generateName!, this.names);
      try {
        const object = this.createOnce(candidate, def, options, warnings);
        return { object: object as T, warnings };
      } catch (e) {
        const retry = generated && e instanceof ApiError && e.reason === 'AlreadyExists' && attempt < NAME_GENERATION_ATTEMPTS;
        if (!retry) throw e;
      }
    }
  }

  private createOnce(obj: KubeObject, def: ResourceDefinition, options: WriteOptions, warnings: string[]): KubeObject {
    const meta: ObjectMeta = obj.metadata;
    meta.uid = newUID(this.uids);
    meta.creationTimestamp = this.clock.nowRFC3339();
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    let txn: AllocationTransaction | undefined;
    if (obj.kind === 'Service') {
      const svc = obj as Service;
      svc.spec ??= {};
      normalizeClusterIPs(svc);
      txn = this.allocation.allocateCreate(svc, !!options.dryRun);
    }
    try {
      prepareForCreate(obj, def);
      const errs = validateCreate(obj, def.namespaced);
      if (errs.length > 0) throw this.invalid(obj, errs);
      if (this.store.read(obj.kind, meta.namespace, meta.name!)) throw newAlreadyExists(this.groupResource(obj.kind), meta.name!);
    } catch (e) {
      txn?.revert();
      throw e;
    }
    if (obj.kind === 'Service') warnings.push(...serviceWarnings(obj as Service));
    if (options.dryRun) {
      txn?.revert();
      return this.output(obj);
    }
    txn?.commit();
    return this.output(this.store.commit(obj, 'ADDED'));
  }

  // ---- read ----

  get<T extends KubeObject>(key: ObjectKey): T {
    const found = this.tryGet<T>(key);
    if (!found) throw newNotFound(this.groupResource(key.kind), key.name);
    return found;
  }

  tryGet<T extends KubeObject>(key: ObjectKey): T | undefined {
    const def = this.definition(key.kind);
    const obj = this.store.read(key.kind, this.namespaceOf(def, key.namespace), key.name);
    return obj ? this.output<T>(obj) : undefined;
  }

  list<T extends KubeObject>(kind: string, options: ListOptions = {}): T[] {
    return this.select(kind, options).map((o) => this.output<T>(o));
  }

  resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined {
    try {
      return this.checkServed(apiVersion, kind);
    } catch (e) {
      if (e instanceof NoKindMatchError) return undefined;
      throw e;
    }
  }

  listShared<T extends KubeObject>(kind: string, options: ListOptions = {}): readonly T[] {
    return this.select(kind, options).map((o) => this.store.snapshot(o) as T);
  }

  /** The stored objects a list asks for, in key order. */
  private select(kind: string, options: ListOptions): KubeObject[] {
    const def = this.definition(kind);
    let labelMatch: ((o: KubeObject) => boolean) | undefined;
    let fieldMatch: ((o: KubeObject) => boolean) | undefined;
    let indexed: { key: string; value: string } | undefined;
    try {
      if (options.labelSelector) {
        const selector = parseLabelSelector(options.labelSelector);
        labelMatch = (o) => selector.matches(o.metadata.labels);
        // An equality requirement narrows the candidates through the store's label index.
        const equality = selector.requirements.find((r) => (r.operator === '=' || r.operator === '==' || (r.operator === 'in' && r.values.length === 1)));
        if (equality) indexed = { key: equality.key, value: equality.values[0] };
      }
      if (options.fieldSelector) fieldMatch = compileFieldSelector(kind, options.fieldSelector);
    } catch (e) {
      if (e instanceof LabelSelectorParseError || e instanceof FieldSelectorError) throw newBadRequest(e.message);
      throw e;
    }
    const namespace = def.namespaced ? options.namespace : undefined;
    const candidates = indexed ? this.store.readLabelled(kind, indexed.key, indexed.value, namespace) : this.store.readAll(kind, namespace);
    return labelMatch || fieldMatch ? candidates.filter((o) => (!labelMatch || labelMatch(o)) && (!fieldMatch || fieldMatch(o))) : candidates;
  }

  watch(kind: string, handler: WatchHandler): () => void {
    // The store presents each event once (output(): a copy at the served apiVersion) and shares it, frozen.
    return this.store.watch(kind, handler);
  }

  // ---- update ----

  update<T extends KubeObject>(obj: T, options: WriteOptions = {}): WriteResult<T> {
    return decodingGuard(() => this.updateChecked(obj, options));
  }

  private updateChecked<T extends KubeObject>(obj: T, options: WriteOptions): WriteResult<T> {
    const warnings: string[] = [];
    const def = this.definition(obj.kind);
    const next = this.decode(obj, warnings);
    const name = next.metadata.name ?? '';
    const old = this.store.read(next.kind, next.metadata.namespace, name);
    if (!old) throw newNotFound(this.groupResource(next.kind), name);
    if (next.metadata.resourceVersion && next.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw newConflict(this.groupResource(next.kind), name, OBJECT_MODIFIED);
    }
    defaultObject(next);
    const object = this.updateOnce(next, old, def, options, warnings);
    return { object: object as T, warnings };
  }

  private updateOnce(next: KubeObject, old: KubeObject, def: ResourceDefinition, options: WriteOptions, warnings: string[]): KubeObject {
    const meta = next.metadata;
    meta.uid ||= old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) {
      meta.deletionTimestamp = old.metadata.deletionTimestamp;
      meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete meta.deletionTimestamp;
      delete meta.deletionGracePeriodSeconds;
    }
    let txn: AllocationTransaction | undefined;
    if (next.kind === 'Service') {
      const svc = next as Service;
      svc.spec ??= {};
      patchAllocatedValues(svc, old as Service);
      normalizeClusterIPs(svc, old as Service);
      txn = this.allocation.allocateUpdate(svc, old as Service, !!options.dryRun);
    }
    try {
      prepareForUpdate(next, old, def);
      if (next.kind === 'Service') dropTypeDependentFields(next as Service, old as Service);
      const errs = validateUpdate(next, old);
      if (errs.length > 0) throw this.invalid(next, errs);
    } catch (e) {
      txn?.revert();
      throw e;
    }
    if (next.kind === 'Service') warnings.push(...serviceWarnings(next as Service));
    meta.resourceVersion = old.metadata.resourceVersion;
    if (options.dryRun) {
      txn?.revert();
      return this.output(next);
    }
    txn?.commit();
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0) return this.output(this.removeObject(next));
    if (jsonEqual(next, old)) return this.output(old);
    return this.output(this.store.commit(next, 'MODIFIED'));
  }

  updateStatus<T extends KubeObject>(obj: T): WriteResult<T> {
    const def = this.definition(obj.kind);
    const name = obj.metadata.name ?? '';
    const old = this.store.read(obj.kind, this.namespaceOf(def, obj.metadata.namespace), name);
    if (!old) throw newNotFound(this.groupResource(obj.kind), name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw newConflict(this.groupResource(obj.kind), name, OBJECT_MODIFIED);
    }
    const next = clone(old);
    if (obj.status === undefined) delete next.status;
    else next.status = clone(obj.status);
    defaultObject(next);
    if (jsonEqual(next, old)) return { object: this.output<T>(old), warnings: [] };
    return { object: this.output<T>(this.store.commit(next, 'MODIFIED')), warnings: [] };
  }

  bind(key: ObjectKey, nodeName: string): WriteResult<Pod> {
    const namespace = key.namespace || 'default';
    const old = this.store.read('Pod', namespace, key.name);
    if (!old) throw newNotFound({ group: '', resource: 'pods' }, key.name);
    const pod = old as Pod;
    if (pod.metadata.deletionTimestamp) {
      throw newConflict({ group: '', resource: 'pods' }, key.name, 'pod is being deleted, cannot be assigned to a host');
    }
    if (pod.spec.nodeName) {
      throw newConflict({ group: '', resource: 'pods' }, key.name, `pod ${key.name} is already assigned to node "${pod.spec.nodeName}"`);
    }
    const next = clone(pod);
    next.spec.nodeName = nodeName;
    const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: this.clock.nowRFC3339() });
    next.status = { ...(next.status ?? {}), conditions };
    return { object: this.output<Pod>(this.store.commit(next, 'MODIFIED')), warnings: [] };
  }

  // ---- patch ----

  patch<T extends KubeObject>(key: ObjectKey, type: PatchType, patch: unknown, options: WriteOptions = {}): WriteResult<T> {
    return decodingGuard(() => this.patchChecked<T>(key, type, patch, options));
  }

  private patchChecked<T extends KubeObject>(key: ObjectKey, type: PatchType, patch: unknown, options: WriteOptions): WriteResult<T> {
    const def = this.definition(key.kind);
    const namespace = this.namespaceOf(def, key.namespace);
    const old = this.store.read(key.kind, namespace, key.name);
    if (!old) throw newNotFound(this.groupResource(key.kind), key.name);
    const current = this.output<KubeObject>(old);
    let patched: KubeObject;
    try {
      if (type === 'json') patched = applyJsonPatch(current, patch) as KubeObject;
      else if (type === 'merge') patched = applyMergePatch(current, patch) as KubeObject;
      else patched = applyStrategicMergePatch(key.kind, current, patch) as KubeObject;
    } catch (e) {
      if (e instanceof JsonPatchError) throw e.decode ? newBadRequest(e.message) : newUnprocessable(e.message);
      throw newBadRequest((e as Error).message);
    }
    if (!patched || typeof patched !== 'object' || !patched.metadata) throw newBadRequest('the patched object is not a Kubernetes object');
    if (patched.metadata.name !== key.name) {
      throw newBadRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${key.name})`);
    }
    patched.kind = key.kind;
    patched.metadata.namespace = namespace;
    const warnings: string[] = [];
    const next = this.decode(patched, warnings);
    if (next.metadata.resourceVersion && next.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw newConflict(this.groupResource(key.kind), key.name, OBJECT_MODIFIED);
    }
    defaultObject(next);
    const object = this.updateOnce(next, old, def, options, warnings);
    return { object: object as T, warnings };
  }

  // ---- delete ----

  delete<T extends KubeObject>(key: ObjectKey, options: DeleteOptions = {}): T {
    const def = this.definition(key.kind);
    const namespace = this.namespaceOf(def, key.namespace);
    const old = this.store.read(key.kind, namespace, key.name);
    if (!old) throw newNotFound(this.groupResource(key.kind), key.name);
    if (key.kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(key.name)) {
      throw newForbidden({ group: '', resource: 'namespaces' }, key.name, 'this namespace may not be deleted');
    }
    if (options.dryRun) return this.output<T>(old);
    if (key.kind === 'Namespace') return this.output<T>(this.deleteNamespace(old));

    const next = clone(old);
    const finalizers = [...(next.metadata.finalizers ?? [])];
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (finalizers.length > 0) next.metadata.finalizers = finalizers;

    if (key.kind === 'Pod') {
      const grace = this.podGracePeriod(next as Pod, options);
      if (grace > 0) return this.output<T>(this.markDeleting(next, old, grace));
      if (finalizers.length > 0) return this.output<T>(this.markDeleting(next, old, 0));
      return this.output<T>(this.removeObject(old));
    }
    if (finalizers.length > 0) {
      if (old.metadata.deletionTimestamp && jsonEqual(next, old)) return this.output<T>(old);
      return this.output<T>(this.markDeleting(next, old, 0));
    }
    return this.output<T>(this.removeObject(old));
  }

  /** CheckGracefulDelete of the pod strategy: unbound or finished pods go at once. */
  private podGracePeriod(pod: Pod, options: DeleteOptions): number {
    if (!pod.spec.nodeName) return 0;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    const grace = options.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    // A negative grace period means "immediately" for the kubelet but is stored as 1 (pod strategy).
    return grace < 0 ? 1 : grace;
  }

  /** Sets deletionTimestamp (now + grace) unless it is already set and not shortened. */
  private markDeleting(next: KubeObject, old: KubeObject, grace: number): KubeObject {
    const meta = next.metadata;
    if (!old.metadata.deletionTimestamp || grace < (old.metadata.deletionGracePeriodSeconds ?? Infinity)) {
      meta.deletionTimestamp = new Date(this.clock.now() + grace * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      meta.deletionGracePeriodSeconds = grace;
    }
    if (jsonEqual(next, old)) return old;
    return this.store.commit(next, 'MODIFIED');
  }

  /** The object leaves storage: allocations are released, a terminating namespace may finish. */
  private removeObject(obj: KubeObject): KubeObject {
    const gone = this.store.remove(obj);
    if (obj.kind === 'Service') this.allocation.release(obj as Service);
    const ns = obj.metadata.namespace;
    if (ns) this.finishNamespaceIfEmpty(ns);
    return gone;
  }

  private deleteNamespace(old: KubeObject): KubeObject {
    if (old.metadata.deletionTimestamp) return old;
    const next = clone(old);
    next.metadata.deletionTimestamp = this.clock.nowRFC3339();
    next.metadata.deletionGracePeriodSeconds = 0;
    next.status = { ...((next.status as object) ?? {}), phase: 'Terminating' };
    const name = old.metadata.name!;
    const terminating = this.store.commit(next, 'MODIFIED');
    for (const obj of this.store.readNamespace(name)) {
      if (this.store.read(obj.kind, name, obj.metadata.name!)) {
        this.delete({ kind: obj.kind, namespace: name, name: obj.metadata.name! });
      }
    }
    // Gone already when nothing in it had to wait (pods on nodes and finalizers do).
    return this.store.read('Namespace', undefined, name) ?? terminating;
  }

  private finishNamespaceIfEmpty(namespace: string): void {
    const ns = this.store.read('Namespace', undefined, namespace);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    if (this.store.readNamespace(namespace).length > 0) return;
    this.store.remove(ns);
  }
}
