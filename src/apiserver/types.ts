/**
 * The API server's contract inside the memory cluster: what kubectl, the
 * controllers, the scheduler and the kubelet call. It mirrors the REST verbs
 * of a real API server; every failure is an ApiError carrying the metav1.Status
 * a real server would send, so kubectl can print it the same way.
 */
import type { KubeObject, Status } from '../api/meta.ts';

/** How a kind is served (what `kubectl api-resources` prints). */
export interface ResourceInfo {
  /** Plural resource name, e.g. "services". */
  resource: string;
  singular: string;
  kind: string;
  /** "" for the core group. */
  group: string;
  /** Preferred version, e.g. "v1". */
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
}

/** Identifies one object. namespace is undefined for cluster-scoped kinds. */
export interface ObjectKey {
  kind: string;
  namespace?: string;
  name: string;
}

export interface ListOptions {
  /** undefined: all namespaces (for namespaced kinds). */
  namespace?: string;
  /** A label selector in the string form kubectl sends (`app=x,tier in (a,b),!legacy`). */
  labelSelector?: string;
  /** Field selector, e.g. `metadata.name=x` or `spec.nodeName=kind-worker`. */
  fieldSelector?: string;
}

export interface WriteOptions {
  /** `--dry-run=server`: validate and default, persist nothing. */
  dryRun?: boolean;
  fieldManager?: string;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  gracePeriodSeconds?: number;
}

export type PatchType = 'strategic' | 'merge' | 'json';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  /** For MODIFIED: the object before the change. */
  old?: T;
}

export type WatchHandler = (event: WatchEvent) => void;

/** The result of a successful write. Warnings are the `Warning:` headers a real server sends (kubectl prints them to stderr). */
export interface WriteResult<T extends KubeObject = KubeObject> {
  object: T;
  warnings: string[];
}

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string {
    return this.status.reason;
  }
}

/**
 * The API server. Objects handed out are copies: mutating them changes nothing
 * until they are written back. Writes are synchronous; watch handlers are called
 * synchronously after each committed write and must only enqueue work.
 */
export interface ApiServer {
  /** Discovery: every served kind, with the group/version it is served at for this cluster's Kubernetes version. */
  resources(): ResourceInfo[];
  /** The REST mapping of an apiVersion and kind, at any version this server serves (discovery lists them all); undefined when not served. */
  resourceFor(apiVersion: string, kind: string): ResourceInfo | undefined;
  /** Looks up a kind by what a user may type: `svc`, `services`, `service`, `Service`, `deployments.apps`, `ing` ... */
  resolveResource(typed: string): ResourceInfo | undefined;

  create<T extends KubeObject>(obj: T, options?: WriteOptions): WriteResult<T>;
  get<T extends KubeObject>(key: ObjectKey): T;
  /** undefined instead of a NotFound error. */
  tryGet<T extends KubeObject>(key: ObjectKey): T | undefined;
  list<T extends KubeObject>(kind: string, options?: ListOptions): T[];
  /**
   * What an informer's lister gives a controller: the same objects as list(),
   * but shared and frozen instead of copied. Cheap on a busy cluster; the
   * objects must not be modified (copy one before changing it), as with client-go listers.
   */
  listShared<T extends KubeObject>(kind: string, options?: ListOptions): readonly T[];
  /** Replaces the whole object (PUT). resourceVersion, when set, must match (409 Conflict otherwise). */
  update<T extends KubeObject>(obj: T, options?: WriteOptions): WriteResult<T>;
  /** Writes only .status (the status subresource): controllers and the kubelet use it. */
  updateStatus<T extends KubeObject>(obj: T): WriteResult<T>;
  patch<T extends KubeObject>(key: ObjectKey, type: PatchType, patch: unknown, options?: WriteOptions): WriteResult<T>;
  delete<T extends KubeObject>(key: ObjectKey, options?: DeleteOptions): T;

  /** Calls `handler` for every later change of `kind` ('*' for all kinds). Returns an unsubscribe function. */
  watch(kind: string, handler: WatchHandler): () => void;
}
