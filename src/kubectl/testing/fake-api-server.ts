/**
 * A small in-memory ApiServer for kubectl's unit tests only: a store with the
 * API server's NotFound / AlreadyExists / namespace errors (texts from
 * apimachinery pkg/api/errors), resourceVersion and uid bookkeeping, label
 * equality selectors and JSON merge patches. It does no defaulting nor
 * validation beyond what a test injects through `failNextWrite`.
 */
import type { KubeObject, Status } from '../../api/meta.ts';
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
} from '../../apiserver/types.ts';
import { applyMergePatch } from '../json-merge-patch.ts';
import { matchesSelector } from '../label-selector.ts';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const r = (resource: string, singular: string, kind: string, group: string, version: string, namespaced: boolean, shortNames: string[] = []): ResourceInfo => ({
  resource,
  singular,
  kind,
  group,
  version,
  namespaced,
  shortNames,
  verbs: VERBS,
});

/** The kinds of a kind 1.31 cluster kubectl's tests touch, as discovery lists them. */
export const TEST_RESOURCES: ResourceInfo[] = [
  r('configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'event', 'Event', '', 'v1', true, ['ev']),
  r('namespaces', 'namespace', 'Namespace', '', 'v1', false, ['ns']),
  r('nodes', 'node', 'Node', '', 'v1', false, ['no']),
  r('pods', 'pod', 'Pod', '', 'v1', true, ['po']),
  r('replicationcontrollers', 'replicationcontroller', 'ReplicationController', '', 'v1', true, ['rc']),
  r('secrets', 'secret', 'Secret', '', 'v1', true),
  r('services', 'service', 'Service', '', 'v1', true, ['svc']),
  r('deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs']),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io', 'v1', true, ['ing']),
];

function status(code: number, reason: Status['reason'], message: string, details?: Status['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) });
}

export class FakeApiServer implements ApiServer {
  private readonly objects = new Map<string, KubeObject>();
  private version = 100;
  private uidCounter = 0;
  /** An error the next create/update/patch throws instead of writing (a test's stand-in for validation). */
  failNextWrite: ApiError | undefined;
  /** Warnings the next write returns. */
  nextWarnings: string[] = [];

  constructor(
    private readonly clockMs: () => number,
    private readonly served: ResourceInfo[] = TEST_RESOURCES,
  ) {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']) {
      this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    }
  }

  resources(): ResourceInfo[] {
    return this.served;
  }

  resolveResource(typed: string): ResourceInfo | undefined {
    const [name, ...rest] = typed.split('.');
    const group = rest.length > 1 && /^v\d/.test(rest[0]) ? rest.slice(1).join('.') : rest.join('.');
    return this.served.find(
      (s) =>
        (group === '' || s.group === group) &&
        (s.resource === name.toLowerCase() || s.singular === name.toLowerCase() || s.shortNames.includes(name.toLowerCase()) || s.kind === name),
    );
  }

  private info(kind: string): ResourceInfo {
    const found = this.served.find((s) => s.kind === kind);
    if (!found) throw status(404, 'NotFound', 'the server could not find the requested resource');
    return found;
  }

  private qualified(kind: string): string {
    const i = this.info(kind);
    return i.group ? `${i.resource}.${i.group}` : i.resource;
  }

  private static key(k: ObjectKey): string {
    return `${k.kind}/${k.namespace ?? ''}/${k.name}`;
  }

  private keyOf(obj: KubeObject): ObjectKey {
    const namespaced = this.info(obj.kind).namespaced;
    return { kind: obj.kind, namespace: namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name ?? '' };
  }

  private takeFailure(): void {
    const f = this.failNextWrite;
    this.failNextWrite = undefined;
    if (f) throw f;
  }

  private warnings(): string[] {
    const w = this.nextWarnings;
    this.nextWarnings = [];
    return w;
  }

  create<T extends KubeObject>(input: T, options?: WriteOptions): WriteResult<T> {
    this.takeFailure();
    const obj = structuredClone(input);
    const info = this.info(obj.kind);
    if (info.namespaced) {
      obj.metadata.namespace ||= 'default';
      if (!this.objects.has(FakeApiServer.key({ kind: 'Namespace', name: obj.metadata.namespace }))) {
        throw status(404, 'NotFound', `namespaces "${obj.metadata.namespace}" not found`, { name: obj.metadata.namespace, kind: 'namespaces' });
      }
    }
    const key = FakeApiServer.key(this.keyOf(obj));
    if (this.objects.has(key)) throw status(409, 'AlreadyExists', `${this.qualified(obj.kind)} "${obj.metadata.name}" already exists`);
    obj.metadata.uid = `00000000-0000-4000-8000-${String(++this.uidCounter).padStart(12, '0')}`;
    obj.metadata.resourceVersion = String(++this.version);
    obj.metadata.creationTimestamp = new Date(this.clockMs()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    obj.metadata.generation = 1;
    if (!options?.dryRun) this.objects.set(key, obj);
    return { object: structuredClone(obj), warnings: this.warnings() };
  }

  get<T extends KubeObject>(key: ObjectKey): T {
    const found = this.tryGet<T>(key);
    if (!found) throw status(404, 'NotFound', `${this.qualified(key.kind)} "${key.name}" not found`, { name: key.name, kind: this.info(key.kind).resource });
    return found;
  }

  tryGet<T extends KubeObject>(key: ObjectKey): T | undefined {
    const namespaced = this.info(key.kind).namespaced;
    const found = this.objects.get(FakeApiServer.key({ ...key, namespace: namespaced ? key.namespace : undefined }));
    return found ? (structuredClone(found) as T) : undefined;
  }

  resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return this.resources().find((r) => r.kind === kind && r.group === group && r.version === version);
  }

  listShared<T extends KubeObject>(kind: string, options?: ListOptions): readonly T[] {
    return this.list<T>(kind, options);
  }

  list<T extends KubeObject>(kind: string, options?: ListOptions): T[] {
    return [...this.objects.values()]
      .filter((o) => o.kind === kind)
      .filter((o) => options?.namespace === undefined || o.metadata.namespace === options.namespace)
      .filter((o) => !options?.labelSelector || matchesSelector(options.labelSelector, o.metadata.labels ?? {}))
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`))
      .map((o) => structuredClone(o) as T);
  }

  update<T extends KubeObject>(input: T, options?: WriteOptions): WriteResult<T> {
    this.takeFailure();
    const current = this.get<T>(this.keyOf(input));
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== current.metadata.resourceVersion) {
      throw status(409, 'Conflict', `Operation cannot be fulfilled on ${this.qualified(input.kind)} "${input.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const obj = structuredClone(input);
    obj.metadata = { ...obj.metadata, uid: current.metadata.uid, creationTimestamp: current.metadata.creationTimestamp, resourceVersion: String(++this.version) };
    if (JSON.stringify(obj.spec) !== JSON.stringify(current.spec)) obj.metadata.generation = (current.metadata.generation ?? 1) + 1;
    if ('status' in current) (obj as KubeObject).status = current.status;
    if (!options?.dryRun) this.objects.set(FakeApiServer.key(this.keyOf(obj)), obj);
    return { object: structuredClone(obj), warnings: this.warnings() };
  }

  updateStatus<T extends KubeObject>(obj: T): WriteResult<T> {
    const current = this.get<T>(this.keyOf(obj));
    const next = { ...current, status: structuredClone(obj.status) } as T;
    next.metadata.resourceVersion = String(++this.version);
    this.objects.set(FakeApiServer.key(this.keyOf(next)), next);
    return { object: structuredClone(next), warnings: [] };
  }

  patch<T extends KubeObject>(key: ObjectKey, type: PatchType, patch: unknown, options?: WriteOptions): WriteResult<T> {
    const current = this.get<T>(key);
    if (type === 'json') throw status(400, 'BadRequest', 'json patches are not supported by the test server');
    const next = applyMergePatch(current, patch) as T;
    if (JSON.stringify(next) === JSON.stringify(current)) return { object: current, warnings: [] };
    return this.update({ ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } }, options);
  }

  delete<T extends KubeObject>(key: ObjectKey, options?: DeleteOptions): T {
    const found = this.get<T>(key);
    if (!options?.dryRun) this.objects.delete(FakeApiServer.key({ ...key, namespace: this.info(key.kind).namespaced ? key.namespace : undefined }));
    return found;
  }

  watch(_kind: string, _handler: WatchHandler): () => void {
    return () => undefined;
  }
}
