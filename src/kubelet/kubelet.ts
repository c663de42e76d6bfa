/**
 * The kubelet of one node, with its container runtime (pkg/kubelet, containerd
 * on a kind node). It watches the pods bound to its node, runs them on the
 * virtual clock (pod-worker.ts), writes their status, records their events,
 * runs `kubectl exec` and publishes every sandbox in the cluster-wide
 * PodRuntimeRegistry for the network layer.
 *
 * Like the controllers it only enqueues in watch handlers and works in
 * processQueue(); timers it sets on the clock enqueue a pod again when its
 * next step is due.
 */
import type { Node, Pod } from '../api/core.ts';
import type { ApiServer, WatchEvent } from '../apiserver/types.ts';
import type { VirtualClock, TimerHandle } from '../clock/virtual-clock.ts';
import type { Controller } from '../controllers/controller.ts';
import type { EventRecorder } from '../controllers/events.ts';
import { WorkQueue } from '../controllers/work-queue.ts';
import type { ImageCatalog } from '../images/image-catalog.ts';
import { parseImageReference } from '../images/image-reference.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import type { CommandResult } from '../shell/types.ts';
import { badRequest, containerNotRunning, containerNotValid, execStartFailed, podNotFound } from './exec/exec-errors.ts';
import { Backoff } from './lifecycle/backoff.ts';
import { ImagePuller } from './lifecycle/image-puller.ts';
import { PodIPAllocator } from './lifecycle/pod-ip-allocator.ts';
import { ServiceVariablesCache } from './env/service-variables-cache.ts';
import { KIND_DNS_SETTINGS, type ClusterDNSSettings } from './network/dns-config.ts';
import { PodWorker, type PodWorkerDeps } from './pod-worker.ts';
import { newContainerID } from './runtime/container-ids.ts';
import type { PodRuntime } from './runtime/pod-runtime.ts';
import { ensureGenericPrograms } from './runtime/generic-programs.ts';
import { programRegistry, type ProgramRegistry } from './runtime/program-registry.ts';
import type { PodRuntimeRegistry } from './runtime/registry.ts';

export interface KubeletOptions {
  api: ApiServer;
  clock: VirtualClock;
  /** The run's random source; the kubelet derives its own streams per node. */
  random: SeededRandom;
  nodeName: string;
  images: ImageCatalog;
  /** An EventRecorder with source {component: 'kubelet', host: nodeName}. */
  events: EventRecorder;
  /** --cluster-dns, --cluster-domain and the node's resolv.conf; kind's by default. */
  dns?: ClusterDNSSettings;
  /** The cluster-wide table of sandboxes by IP, shared by every kubelet and read by the network. */
  runtimes: PodRuntimeRegistry;
  /** Where container programs come from; the process-wide registry by default. */
  programs?: ProgramRegistry;
  /** Lets virtual time pass for `sleep` run through exec (the cluster advances its clock). */
  sleep?: (seconds: number) => Promise<void>;
  /** Called when work finished outside processQueue (an asynchronous exec probe): the cluster should settle. */
  onAsyncWork?: () => void;
  /** "1.31": the probes' User-Agent is kube-probe/<version>. */
  kubernetesVersion?: string;
}

export class Kubelet implements Controller {
  readonly name: string;
  readonly nodeName: string;
  private readonly api: ApiServer;
  private readonly clock: VirtualClock;
  private readonly images: ImageCatalog;
  private readonly events: EventRecorder;
  private readonly queue = new WorkQueue();
  private readonly workers = new Map<string, PodWorker>();
  private readonly timers = new Map<string, { at: number; handle: TimerHandle }>();
  private readonly puller: ImagePuller;
  private readonly ipAllocator = new PodIPAllocator();
  private readonly crashBackoff = new Backoff();
  private readonly pullBackoff = new Backoff();
  private readonly ids: SeededRandom;
  private readonly envOrder: SeededRandom;
  private readonly options: KubeletOptions;
  private readonly serviceVariables: ServiceVariablesCache;
  private nodeObject?: Node;
  /** What every pod worker of this node gets: one object, not one (with its closures) per pod. */
  private sharedWorkerDeps?: PodWorkerDeps;

  constructor(options: KubeletOptions) {
    ensureGenericPrograms();
    this.options = options;
    this.api = options.api;
    this.clock = options.clock;
    this.images = options.images;
    this.events = options.events;
    this.nodeName = options.nodeName;
    this.name = `kubelet/${options.nodeName}`;
    const random = options.random.derive(`kubelet/${options.nodeName}`);
    this.ids = random.derive('container-ids');
    this.envOrder = random.derive('env-map-order');
    this.puller = new ImagePuller(random.derive('image-pulls'));
    this.serviceVariables = new ServiceVariablesCache(this.api);
    this.api.watch('Pod', (event) => this.onPod(event));
    this.api.watch('ConfigMap', (event) => this.onConfigObject(event));
    this.api.watch('Secret', (event) => this.onConfigObject(event));
    this.api.watch('Node', (event) => {
      if (event.object.metadata.name !== this.nodeName) return;
      this.nodeObject = event.type === 'DELETED' ? undefined : (event.object as Node);
      for (const key of this.workers.keys()) this.queue.add(key);
    });
    this.nodeObject = this.api.tryGet<Node>({ kind: 'Node', name: this.nodeName });
    for (const pod of this.api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${this.nodeName}` })) this.queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  /** Marks an image present on this node (kind's preloaded images, `kind load docker-image`). */
  preloadImage(image: string): void {
    const parsed = parseImageReference(image);
    if (parsed.ok) this.puller.preload(parsed.reference.normalized);
  }

  private onPod(event: WatchEvent): void {
    const pod = event.object as Pod;
    const old = event.old as Pod | undefined;
    if (pod.spec?.nodeName !== this.nodeName && old?.spec?.nodeName !== this.nodeName) return;
    this.queue.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
  }

  private onConfigObject(event: WatchEvent): void {
    const namespace = event.object.metadata.namespace;
    for (const key of this.workers.keys()) if (key.startsWith(`${namespace}/`)) this.queue.add(key);
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.syncPod(key));
  }

  private syncPod(key: string): void {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const pod = this.api.tryGet<Pod>({ kind: 'Pod', namespace, name });
    let worker = this.workers.get(key);
    if (worker && (!pod || pod.metadata.uid !== worker.uid || worker.finished)) {
      // The object is gone (or replaced by a namesake): the runtime forgets the old sandbox.
      worker.cleanup();
      this.workers.delete(key);
      this.cancelTimer(key);
      worker = undefined;
    }
    if (!pod || pod.spec.nodeName !== this.nodeName) return;
    if (!worker) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      worker = new PodWorker(pod, (this.sharedWorkerDeps ??= this.workerDeps()));
      this.workers.set(key, worker);
    }
    const next = worker.sync(pod);
    if (worker.finished) {
      this.workers.delete(key);
      this.cancelTimer(key);
      return;
    }
    this.wakeAt(key, next);
  }

  private wakeAt(key: string, at: number | undefined): void {
    const existing = this.timers.get(key);
    if (at === undefined) {
      this.cancelTimer(key);
      return;
    }
    if (existing && existing.at === at) return;
    existing?.handle.cancel();
    const handle = this.clock.schedule(at - this.clock.now(), `${this.name} ${key}`, () => {
      this.timers.delete(key);
      this.queue.add(key);
    });
    this.timers.set(key, { at, handle });
  }

  private cancelTimer(key: string): void {
    this.timers.get(key)?.handle.cancel();
    this.timers.delete(key);
  }

  /** This kubelet's Node as its watch last delivered it (shared: read only). */
  private node(): Node | undefined {
    return this.nodeObject;
  }

  private hostIP(): string {
    return this.node()?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  private workerDeps(): PodWorkerDeps {
    const version = this.options.kubernetesVersion ?? '1.31';
    return {
      nodeName: this.nodeName,
      clock: this.clock,
      api: this.api,
      images: this.images,
      puller: this.puller,
      ipAllocator: this.ipAllocator,
      runtimes: this.options.runtimes,
      programs: this.options.programs ?? programRegistry,
      dns: this.options.dns ?? KIND_DNS_SETTINGS,
      crashBackoff: this.crashBackoff,
      pullBackoff: this.pullBackoff,
      ids: this.ids,
      envOrder: this.envOrder,
      serviceVariables: (namespace: string, enableServiceLinks: boolean) => this.serviceVariables.variables(namespace, enableServiceLinks),
      userAgent: `kube-probe/${version.split('.').slice(0, 2).join('.')}`,
      hostIP: () => this.hostIP(),
      podCIDR: () => this.node()?.spec.podCIDR,
      nodeHostsFile: () =>
        `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${this.hostIP()}\t${this.nodeName}\n`,
      record: (pod: Pod, event: { type: 'Normal' | 'Warning'; reason: string; message: string }, fieldPath?: string) =>
        this.events.event(pod, event.type, event.reason, event.message, fieldPath),
      sleep: this.options.sleep ?? (async () => {}),
      wake: () => {
        for (const [key, worker] of this.workers) if (!worker.finished) this.queue.add(key);
        this.options.onAsyncWork?.();
      },
    };
  }

  /** The sandbox of a pod this kubelet runs. */
  podRuntime(namespace: string, name: string): PodRuntime | undefined {
    return this.workers.get(`${namespace}/${name}`)?.podRuntime;
  }

  /**
   * `kubectl logs`: what the container's main process wrote, one line each
   * (`previous`: the instance before the last restart). Throws the kubelet's
   * error (kubelet_pods.go validateContainerLogStatus) when there is none,
   * which kubectl prints as `Error from server (BadRequest): <message>`.
   */
  logs(namespace: string, podName: string, containerName: string | undefined, previous = false): string {
    const pod = this.api.tryGet<Pod>({ kind: 'Pod', namespace, name: podName });
    if (!pod) throw podNotFound(podName);
    const name = containerName ?? pod.spec.containers[0]?.name ?? '';
    if (!pod.spec.containers.some((c) => c.name === name)) throw containerNotValid(name, podName);
    const container = this.workers.get(`${namespace}/${podName}`)?.container(name);
    const instance = previous ? container?.previous : container?.instance;
    if (!instance) {
      const waiting = pod.status?.containerStatuses?.find((c) => c.name === name)?.state.waiting?.reason ?? 'ContainerCreating';
      const message = previous
        ? `previous terminated container "${name}" in pod "${podName}" not found`
        : waiting === 'ErrImagePull'
          ? `container "${name}" in pod "${podName}" is waiting to start: image can't be pulled`
          : waiting === 'ImagePullBackOff'
            ? `container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image`
            : `container "${name}" in pod "${podName}" is waiting to start: ${waiting}`;
      throw badRequest(message);
    }
    return instance.logs.map((line) => `${line}\n`).join('');
  }

  /**
   * `kubectl exec`: runs argv in a container of a pod on this node with the
   * container's environment and file system. `containerName` undefined means
   * the pod's first container (kubectl's default). Throws ExecError when the
   * command cannot start (see exec-errors.ts for who prints what); a command
   * that ran returns its result, whatever its exit code.
   */
  async exec(namespace: string, podName: string, containerName: string | undefined, argv: string[], stdin: string, tty: boolean): Promise<CommandResult> {
    const pod = this.api.tryGet<Pod>({ kind: 'Pod', namespace, name: podName });
    if (!pod) throw podNotFound(podName);
    const name = containerName ?? pod.spec.containers[0]?.name ?? '';
    const worker = this.workers.get(`${namespace}/${podName}`);
    if (!pod.spec.containers.some((c) => c.name === name)) throw containerNotValid(name, podName);
    const instance = worker?.container(name)?.instance;
    if (!instance?.running) throw containerNotRunning(name);
    const outcome = await instance.exec(argv, stdin, tty);
    if (outcome.kind === 'not-found') throw execStartFailed(newContainerID(this.ids), outcome.message);
    return outcome.result;
  }
}
