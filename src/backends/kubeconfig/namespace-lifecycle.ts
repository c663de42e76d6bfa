/**
 * One namespace per scenario on a real cluster: made with a generated name and
 * our labels, deleted after the scenario whatever happened, and, for runs that
 * were killed, found by label and deleted by a later run. Cluster-scoped objects
 * the scenario's commands created are labelled too and deleted with it; the end
 * of a scenario waits until all of it is gone, so the next one finds no leftover
 * (a name, an allocated NodePort).
 */
import { createdClusterObjects, describeRef, type ClusterObjectRef } from './created-objects.ts';

/** Labels on everything the kubeconfig backend creates; nothing without them is ever changed or deleted. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'kube-scenarios';
export const RUN_LABEL = 'kube-scenarios.io/run';
/** On cluster-scoped objects a scenario created: the scenario's namespace, whose end deletes them. */
export const SCENARIO_LABEL = 'kube-scenarios.io/scenario';
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
  /** Deletes every pod of a namespace with grace period 0. */
  deletePods(namespace: string): Promise<void>;
  /** The labels of a cluster-scoped object, or undefined when it does not exist. */
  labelsOf(ref: ClusterObjectRef): Promise<Record<string, string> | undefined>;
  /** Adds labels to a cluster-scoped object (merge patch). */
  addLabels(ref: ClusterObjectRef, labels: Record<string, string>): Promise<void>;
  /** Deletes a cluster-scoped object; one already gone is no error. */
  deleteObject(ref: ClusterObjectRef): Promise<void>;
}

/** How the end of a scenario waits for its objects to be gone. */
export interface DeletionWait {
  timeoutSeconds: number;
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const namespaceRef = (name: string): ClusterObjectRef => ({ apiVersion: 'v1', kind: 'Namespace', name });

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
  /** Per scenario namespace: the cluster-scoped objects its commands created and we labelled. */
  private readonly adopted = new Map<string, ClusterObjectRef[]>();
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

  /**
   * Labels the cluster-scoped objects a command of the scenario created (read
   * from kubectl's output) that carry no managed-by label yet, so that the
   * scenario's end deletes them. Returns what it labelled.
   */
  async adopt(scenario: string, stdout: string): Promise<ClusterObjectRef[]> {
    if (!this.live.has(scenario)) throw new Error(`namespace "${scenario}" is not a scenario of this run`);
    const labelled: ClusterObjectRef[] = [];
    for (const ref of createdClusterObjects(stdout)) {
      const labels = await this.api.labelsOf(ref);
      if (!labels || labels[MANAGED_BY_LABEL] !== undefined) continue;
      await this.api.addLabels(ref, { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [RUN_LABEL]: this.runId, [SCENARIO_LABEL]: scenario });
      labelled.push(ref);
    }
    if (labelled.length > 0) this.adopted.set(scenario, [...(this.adopted.get(scenario) ?? []), ...labelled]);
    return labelled;
  }

  /**
   * Ends a scenario: deletes its pods at once, its namespace and the cluster-scoped
   * objects it labelled (those still carrying its label), then waits until all are
   * gone. On timeout the error names what is still there.
   */
  async end(scenario: string, wait: DeletionWait): Promise<void> {
    if (!this.live.has(scenario)) throw new Error(`namespace "${scenario}" was not made by this run: not deleting it`);
    const now = wait.now ?? Date.now;
    const sleep = wait.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const deadline = now() + wait.timeoutSeconds * 1000;
    // Grace period 0: scenarios need no graceful stop, and terminating pods hold the namespace (and its NodePorts) for 30 s.
    try {
      await this.api.deletePods(scenario);
    } catch {
      // Deleting the namespace deletes the pods too, only slower.
    }
    const doomed: ClusterObjectRef[] = [];
    for (const ref of this.adopted.get(scenario) ?? []) {
      const labels = await this.api.labelsOf(ref);
      // Gone already, or replaced by an object that is not this scenario's: nothing of ours to delete.
      if (!labels || labels[SCENARIO_LABEL] !== scenario || labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) continue;
      await this.api.deleteObject(ref);
      doomed.push(ref);
    }
    this.adopted.delete(scenario);
    await this.api.deleteObject(namespaceRef(scenario));
    this.live.delete(scenario);
    doomed.push(namespaceRef(scenario));
    let remaining = doomed;
    for (;;) {
      const still: ClusterObjectRef[] = [];
      for (const ref of remaining) if ((await this.api.labelsOf(ref)) !== undefined) still.push(ref);
      remaining = still;
      if (remaining.length === 0) return;
      if (now() >= deadline) {
        throw new Error(`after ${wait.timeoutSeconds}s the scenario's objects are still there: ${remaining.map(describeRef).join(', ')}`);
      }
      await sleep(Math.max(0, Math.min(wait.intervalMs ?? 500, deadline - now())));
    }
  }

  /** The namespaces still alive, the scenarios' and those they created (for the interrupt handler). */
  alive(): string[] {
    const created = [...this.adopted.values()].flat().filter((ref) => ref.kind === 'Namespace').map((ref) => ref.name);
    return [...this.live, ...created];
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
