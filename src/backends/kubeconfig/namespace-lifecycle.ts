/**
 * One namespace per scenario on a real cluster: made with a generated name and
 * our labels, deleted after the scenario whatever happened, and, for runs that
 * were killed, found by label and deleted by a later run.
 */

/** Labels on everything the kubeconfig backend creates; nothing without them is ever changed or deleted. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'kube-scenarios';
export const RUN_LABEL = 'kube-scenarios.io/run';
/** Annotation with the host and process that owns a run: a later run on the same host cleans only runs whose process is gone. */
export const OWNER_ANNOTATION = 'kube-scenarios.io/owner';

export interface ManagedNamespace {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** RFC 3339 */
  creationTimestamp?: string;
}

/** The few namespace calls the lifecycle needs; the real implementation wraps @kubernetes/client-node. */
export interface NamespaceApi {
  create(namespace: ManagedNamespace): Promise<void>;
  delete(name: string): Promise<void>;
  list(labelSelector: string): Promise<ManagedNamespace[]>;
}

export interface Owner {
  host: string;
  pid: number;
  isAlive(pid: number): boolean;
  now(): number;
}

/** Runs of another host, or of a process that no longer exists, older than this are stale. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export class NamespaceLifecycle {
  private readonly live = new Set<string>();
  private counter = 0;

  constructor(
    private readonly api: NamespaceApi,
    readonly runId: string,
    private readonly owner: Owner,
  ) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(runId) || runId.length > 40) throw new Error(`run id "${runId}" is not usable in a namespace name`);
  }

  /** Makes the namespace of the next scenario. */
  async create(): Promise<string> {
    this.counter += 1;
    const name = `ks-${this.runId}-${this.owner.pid}-${this.counter}`.slice(0, 63).replace(/-+$/, '');
    await this.api.create({
      name,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_LABEL]: this.runId },
      annotations: { [OWNER_ANNOTATION]: `${this.owner.host}/${this.owner.pid}` },
    });
    this.live.add(name);
    return name;
  }

  /** Deletes a namespace this lifecycle made; refuses any other. */
  async delete(name: string): Promise<void> {
    if (!this.live.has(name)) throw new Error(`namespace "${name}" was not made by this run: not deleting it`);
    this.live.delete(name);
    await this.api.delete(name);
  }

  /** The namespaces still alive (for the interrupt handler). */
  alive(): string[] {
    return [...this.live];
  }

  /**
   * Deletes namespaces left by runs that were killed: ours by label, owned by a
   * process on this host that is gone, or older than an hour from anywhere else.
   * Namespaces of runs still going (here or elsewhere) are left alone.
   */
  async cleanStale(): Promise<string[]> {
    const found = await this.api.list(`${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`);
    const removed: string[] = [];
    for (const ns of found) {
      if (ns.labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) continue;
      if (ns.labels[RUN_LABEL] === this.runId) continue;
      const [host, pidText] = (ns.annotations[OWNER_ANNOTATION] ?? '/').split('/');
      const pid = Number(pidText);
      const age = ns.creationTimestamp ? this.owner.now() - Date.parse(ns.creationTimestamp) : Infinity;
      const ownerGone = host === this.owner.host && Number.isInteger(pid) && pid > 0 && !this.owner.isAlive(pid);
      if (ownerGone || age > STALE_AFTER_MS) {
        await this.api.delete(ns.name);
        removed.push(ns.name);
      }
    }
    return removed;
  }
}
