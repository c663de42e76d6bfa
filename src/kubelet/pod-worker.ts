/**
 * One pod on one node, from admission to deletion (pkg/kubelet/pod_workers.go,
 * kubelet.go SyncPod / SyncTerminatingPod, kuberuntime_manager.go SyncPod),
 * driven by the virtual clock:
 *
 * - volumes are set up first (a missing Secret or ConfigMap keeps the pod in
 *   ContainerCreating with FailedMount events, retried with back-off);
 * - the sandbox gets an IP from the node's podCIDR;
 * - containers are started in order, each after its image is pulled (the
 *   node pulls one image at a time); the status shows no IP and
 *   ContainerCreating until the whole first round is done, as a real kubelet
 *   publishes status only between SyncPod runs;
 * - a container whose process exits is restarted per restartPolicy, at once
 *   the first time and then after 10s, 20s ... 300s (CrashLoopBackOff);
 * - probes run every period; readiness flips the Ready condition, liveness
 *   and startup failures restart the container;
 * - deletion stops every container (SIGTERM, SIGKILL at the end of the grace
 *   period), then removes the pod object.
 *
 * Timestamps are the virtual clock's; container IDs and jitter come from the
 * kubelet's seeded streams.
 */
import type { Container, ConfigMap, Pod, Secret, Volume } from '../api/core.ts';
import { jsonEqual } from '../apiserver/json-equal.ts';
import type { ApiServer } from '../apiserver/types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { ImageCatalog } from '../images/image-catalog.ts';
import { defaultPullPolicy } from '../images/image-reference.ts';
import type { ResolvedImage } from '../images/image-spec.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { MemoryFileSystem } from '../shell/memory-fs.ts';
import { makeEnvironmentVariables } from './env/container-env.ts';
import { ContainerEnvironment } from './env/container-environment.ts';
import { Backoff } from './lifecycle/backoff.ts';
import { goDuration } from './lifecycle/go-duration.ts';
import type { ImagePuller } from './lifecycle/image-puller.ts';
import { kubeletEvents, type KubeletEvent } from './lifecycle/kubelet-events.ts';
import type { PodIPAllocator } from './lifecycle/pod-ip-allocator.ts';
import { buildPodStatus, type ContainerView } from './lifecycle/pod-status.ts';
import { podResolverConfig, renderResolvConf, type ClusterDNSSettings } from './network/dns-config.ts';
import { hostNetworkHostsFile, managedHostsFile, podHostnameAndDomain } from './network/hosts-file.ts';
import { probeTiming, ProbeCounter, runProbe, type ProbeResult } from './probes/prober.ts';
import { newContainerID } from './runtime/container-ids.ts';
import { buildContainerFileSystem, type ContainerMount } from './runtime/container-filesystem.ts';
import { ContainerInstance } from './runtime/container-instance.ts';
import { mainProcess } from './runtime/main-process.ts';
import { PodRuntime } from './runtime/pod-runtime.ts';
import type { ProgramRegistry } from './runtime/program-registry.ts';
import type { PodRuntimeRegistry } from './runtime/registry.ts';
import { volumePayload, type VolumeSources } from './volumes/volume-payload.ts';
import { fallbackRootCA, kubeApiAccessVolume, SERVICE_ACCOUNT_MOUNT_PATH, serviceAccountToken } from './volumes/service-account-token.ts';

/** What a pod worker needs from its kubelet. */
export interface PodWorkerDeps {
  nodeName: string;
  clock: VirtualClock;
  api: ApiServer;
  images: ImageCatalog;
  puller: ImagePuller;
  ipAllocator: PodIPAllocator;
  runtimes: PodRuntimeRegistry;
  programs: ProgramRegistry;
  dns: ClusterDNSSettings;
  crashBackoff: Backoff;
  pullBackoff: Backoff;
  /** Container and exec IDs. */
  ids: SeededRandom;
  /** Go map order of environment variables. */
  envOrder: SeededRandom;
  /** The service variables of a namespace now (ServiceVariablesCache). */
  serviceVariables(namespace: string, enableServiceLinks: boolean): ReadonlyMap<string, string>;
  userAgent: string;
  hostIP(): string;
  podCIDR(): string | undefined;
  nodeHostsFile(): string;
  record(pod: Pod, event: KubeletEvent, fieldPath?: string): void;
  sleep(seconds: number): Promise<void>;
  /** An asynchronous probe finished: the worker wants another sync. */
  wake(): void;
}

/** PLEG relists every second: the kubelet notices an exited container this long after it exits. */
const PLEG_DELAY_MS = 1000;
/** The pod worker's retry period after a failed sync (kubelet.go backOffPeriod). */
const RETRY_MS = 10_000;
/** kubelet syncFrequency: volumes of Secrets and ConfigMaps are rewritten at the pod's next periodic sync. */
const RESYNC_MS = 60_000;
/** Volume manager exponential back-off (nestedpendingoperations: 500ms doubling to 2m2s). */
const MOUNT_RETRY_MS = [500, 1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 122_000];

interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}

type Due = 'begin' | 'pull-done' | 'image-backoff' | 'after-exit' | 'seen-running';

interface ProbeRunner {
  kind: 'Readiness' | 'Liveness' | 'Startup';
  probe: NonNullable<Container['readinessProbe']>;
  counter: ProbeCounter;
  periodMs: number;
  initialDelayMs: number;
  nextAt: number;
  inFlight: boolean;
}

interface ContainerRecord {
  spec: Container;
  /** When the next step is due, and which. */
  dueAt?: number;
  due?: Due;
  waiting?: { reason: string; message?: string };
  pull?: { requestedAt: number; startAt: number; endAt: number; image?: ResolvedImage; error?: string };
  lastPullFailureAt?: number;
  resolved?: ResolvedImage;
  instance?: ContainerInstance;
  previousInstance?: ContainerInstance;
  instances: number;
  terminated?: Terminated;
  lastTerminated?: Terminated;
  /** When the last instance exited: the crash back-off counts from here. */
  lastFinishedAt?: number;
  firstAttemptDone: boolean;
  ready: boolean;
  started: boolean;
  probes: ProbeRunner[];
  /** The main process exits by itself then (a finished `sleep`, a shell without stdin, nginx with a broken config). */
  exitPlan?: { exitAt: number; exitCode: number };
  /** The kubelet stopped it (deletion, failed liveness probe): it exits then. */
  stopping?: { exitAt: number; exitCode: number };
}

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function podFullName(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

export class PodWorker {
  readonly key: string;
  readonly uid: string;
  private readonly startedMs: number;
  private volumesReady = false;
  private mountAttempts = 0;
  private mountRetryAt?: number;
  private volumes: Volume[] = [];
  /** Volume files read at mount time, handed to the sandbox when it is created. */
  private pendingVolumeFiles = new Map<string, Record<string, string>>();
  private implicitServiceAccount = false;
  private runtime?: PodRuntime;
  private ip?: string;
  private readonly records: ContainerRecord[];
  private terminating?: { deadline: number; deleteAt?: number };
  private volumeRefreshAt?: number;
  private done = false;
  private lastPod: Pod;

  constructor(
    pod: Pod,
    private readonly deps: PodWorkerDeps,
  ) {
    this.key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.uid = pod.metadata.uid ?? '';
    this.startedMs = deps.clock.now();
    this.lastPod = pod;
    this.records = pod.spec.containers.map((spec) => ({ spec, instances: 0, firstAttemptDone: false, ready: false, started: false, probes: [] }));
  }

  /** The sandbox of this pod, once it has one. */
  get podRuntime(): PodRuntime | undefined {
    return this.runtime;
  }

  get finished(): boolean {
    return this.done;
  }

  /** Brings the pod up to date at the current instant; returns when it next needs a sync. */
  sync(pod: Pod): number | undefined {
    if (this.done) return undefined;
    this.lastPod = pod;
    const now = this.deps.clock.now();
    if (pod.metadata.deletionTimestamp) return this.syncTerminating(pod, now);
    const phase = pod.status?.phase;
    if ((phase === 'Succeeded' || phase === 'Failed') && this.records.every((r) => !r.instance?.running)) return undefined;

    if (!this.volumesReady) this.setUpVolumes(pod, now);
    if (this.volumesReady && !this.runtime) this.createSandbox(pod);
    if (this.runtime) {
      this.runDueSteps(pod, now);
      this.runDueProbes(pod, now);
      this.refreshVolumes(pod, now);
    }
    this.publish(pod, now);
    return this.nextWake();
  }

  // ---- volumes ------------------------------------------------------------

  private volumeSources(): VolumeSources {
    const { api } = this.deps;
    return {
      configMap: (namespace, name) => api.tryGet<ConfigMap>({ kind: 'ConfigMap', namespace, name }) ?? (name === 'kube-root-ca.crt' ? fallbackRootCA(namespace) : undefined),
      secret: (namespace, name) => api.tryGet<Secret>({ kind: 'Secret', namespace, name }),
      serviceAccountToken: (p) => serviceAccountToken(p, Math.floor(this.startedMs / 1000)),
      podIP: this.ip ?? '',
      hostIP: this.deps.hostIP(),
    };
  }

  private podVolumes(pod: Pod): Volume[] {
    const volumes = [...(pod.spec.volumes ?? [])];
    const mountsServiceAccount = pod.spec.containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
    this.implicitServiceAccount = pod.spec.automountServiceAccountToken !== false && !mountsServiceAccount;
    if (this.implicitServiceAccount) volumes.push(kubeApiAccessVolume(pod));
    return volumes;
  }

  private setUpVolumes(pod: Pod, now: number): void {
    if (this.mountRetryAt !== undefined && now < this.mountRetryAt) return;
    this.volumes = this.podVolumes(pod);
    const sources = this.volumeSources();
    const files = new Map<string, Record<string, string>>();
    let failed = false;
    for (const volume of this.volumes) {
      const payload = volumePayload(pod, volume, sources);
      if (!payload) continue;
      if (!payload.ok) {
        this.deps.record(pod, kubeletEvents.failedMount(volume.name, payload.error));
        failed = true;
        continue;
      }
      files.set(volume.name, payload.files);
    }
    if (failed) {
      this.mountRetryAt = now + MOUNT_RETRY_MS[Math.min(this.mountAttempts, MOUNT_RETRY_MS.length - 1)];
      this.mountAttempts++;
      return;
    }
    this.volumesReady = true;
    this.mountRetryAt = undefined;
    this.pendingVolumeFiles = files;
  }

  /** Rewrites Secret/ConfigMap volumes at the pod's next periodic sync after their objects changed. */
  private refreshVolumes(pod: Pod, now: number): void {
    const runtime = this.runtime;
    if (!runtime) return;
    const sources = this.volumeSources();
    let changed = false;
    const fresh = new Map<string, Record<string, string>>();
    for (const volume of this.volumes) {
      if (volume.projected?.sources.some((s) => s.serviceAccountToken)) continue;
      const payload = volumePayload(pod, volume, sources);
      if (!payload || !payload.ok) continue;
      fresh.set(volume.name, payload.files);
      if (JSON.stringify(payload.files) !== JSON.stringify(runtime.volumeFiles.get(volume.name))) changed = true;
    }
    if (!changed) {
      this.volumeRefreshAt = undefined;
      return;
    }
    if (this.volumeRefreshAt === undefined) {
      const ticks = Math.floor((now - this.startedMs) / RESYNC_MS) + 1;
      this.volumeRefreshAt = this.startedMs + ticks * RESYNC_MS;
    }
    if (now >= this.volumeRefreshAt) {
      for (const [name, files] of fresh) runtime.volumeFiles.set(name, files);
      this.volumeRefreshAt = undefined;
    }
  }

  // ---- sandbox ------------------------------------------------------------

  private createSandbox(pod: Pod): void {
    const hostNetwork = pod.spec.hostNetwork === true;
    let ip: string | undefined;
    if (hostNetwork) ip = this.deps.hostIP();
    else {
      const cidr = this.deps.podCIDR();
      ip = cidr ? this.deps.ipAllocator.allocate(cidr) : undefined;
    }
    if (!ip) return;
    this.ip = ip;
    const { hostname } = podHostnameAndDomain(pod, this.deps.dns.clusterDomain);
    const runtime = new PodRuntime(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', this.uid, this.deps.nodeName, ip, hostNetwork, hostname);
    for (const [name, files] of this.pendingVolumeFiles) runtime.volumeFiles.set(name, files);
    for (const volume of this.volumes) if (volume.emptyDir || volume.hostPath) runtime.emptyDirs.set(volume.name, new MemoryFileSystem());
    this.runtime = runtime;
    this.deps.runtimes.register(runtime);
  }

  // ---- containers ---------------------------------------------------------

  private runDueSteps(pod: Pod, now: number): void {
    for (let guard = 0; guard < 1000; guard++) {
      let progressed = false;
      for (let i = 0; i < this.records.length; i++) {
        const record = this.records[i];
        // SyncPod starts containers in order: the next one's first attempt waits for this one's.
        if (!record.firstAttemptDone && i > 0 && !this.records[i - 1].firstAttemptDone) break;
        if (record.dueAt === undefined && record.instances === 0 && !record.firstAttemptDone && !record.pull && !record.waiting) {
          record.dueAt = now;
          record.due = 'begin';
        }
        const exitBy = record.stopping ?? record.exitPlan;
        if (exitBy && exitBy.exitAt <= now && record.instance?.running) {
          this.exit(pod, record, exitBy.exitAt, exitBy.exitCode);
          progressed = true;
        }
        if (record.dueAt !== undefined && record.dueAt <= now) {
          const due = record.due;
          const at = record.dueAt;
          record.dueAt = undefined;
          record.due = undefined;
          this.step(pod, record, due, at);
          progressed = true;
        }
      }
      if (!progressed) return;
    }
  }

  private step(pod: Pod, record: ContainerRecord, due: Due | undefined, at: number): void {
    switch (due) {
      case 'begin':
        return this.begin(pod, record, at);
      case 'pull-done':
        return this.pullDone(pod, record, at);
      case 'image-backoff':
        record.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${record.spec.image}"` };
        this.event(pod, record, kubeletEvents.pullBackOff(record.spec.image));
        this.event(pod, record, kubeletEvents.error('ImagePullBackOff'));
        record.dueAt = (record.lastPullFailureAt ?? at) + this.deps.pullBackoff.get(this.pullKey(record));
        record.due = 'begin';
        return;
      case 'after-exit':
        return this.afterExit(pod, record, at);
      case 'seen-running':
        record.ready = record.instance?.running === true && !record.stopping;
        return;
    }
  }

  private event(pod: Pod, record: ContainerRecord, event: KubeletEvent): void {
    this.deps.record(pod, event, `spec.containers{${record.spec.name}}`);
  }

  private pullKey(record: ContainerRecord): string {
    return `${this.uid}_${record.spec.image}`;
  }

  private crashKey(record: ContainerRecord): string {
    return `${this.key}_${this.uid}_${record.spec.name}`;
  }

  /** EnsureImageExists, then start. */
  private begin(pod: Pod, record: ContainerRecord, at: number): void {
    if (this.terminating) return;
    const image = record.spec.image;
    const lookup = this.deps.images.lookup(image);
    if (lookup.kind === 'invalid') {
      const message = `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${lookup.error}`;
      this.event(pod, record, kubeletEvents.inspectFailed(image, lookup.error));
      this.event(pod, record, kubeletEvents.error('InvalidImageName'));
      record.waiting = { reason: 'InvalidImageName', message };
      record.firstAttemptDone = true;
      return;
    }
    const policy = record.spec.imagePullPolicy ?? defaultPullPolicy(image);
    if (lookup.kind === 'found') {
      const present = this.deps.puller.isPresent(lookup.image.normalized, at) || lookup.image.spec.preloaded === true;
      if (present && policy !== 'Always') {
        this.event(pod, record, kubeletEvents.alreadyPresent(image));
        record.resolved = lookup.image;
        this.start(pod, record, at);
        return;
      }
      if (policy === 'Never') {
        this.event(pod, record, kubeletEvents.neverPull(image));
        this.event(pod, record, kubeletEvents.error('ErrImageNeverPull'));
        record.waiting = { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
        record.firstAttemptDone = true;
        return;
      }
      this.event(pod, record, kubeletEvents.pulling(image));
      const plan = this.deps.puller.pull(lookup.image, at);
      record.pull = { requestedAt: at, startAt: plan.startAt, endAt: plan.endAt, image: lookup.image };
      record.dueAt = plan.endAt;
      record.due = 'pull-done';
      return;
    }
    if (policy === 'Never') {
      this.event(pod, record, kubeletEvents.neverPull(image));
      this.event(pod, record, kubeletEvents.error('ErrImageNeverPull'));
      record.waiting = { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` };
      record.firstAttemptDone = true;
      return;
    }
    this.event(pod, record, kubeletEvents.pulling(image));
    const plan = this.deps.puller.failingPull(at);
    record.pull = { requestedAt: at, startAt: plan.startAt, endAt: plan.endAt, error: lookup.pullError };
    record.dueAt = plan.endAt;
    record.due = 'pull-done';
  }

  private pullDone(pod: Pod, record: ContainerRecord, at: number): void {
    const pull = record.pull;
    record.pull = undefined;
    if (!pull || this.terminating) return;
    if (pull.image) {
      this.event(pod, record, kubeletEvents.pulled(record.spec.image, pull.endAt - pull.startAt, pull.endAt - pull.requestedAt, pull.image.spec.sizeBytes));
      record.resolved = pull.image;
      this.start(pod, record, at);
      return;
    }
    const error = pull.error ?? 'failed to pull image';
    this.event(pod, record, kubeletEvents.pullFailed(record.spec.image, error));
    this.event(pod, record, kubeletEvents.error('ErrImagePull'));
    this.deps.pullBackoff.next(this.pullKey(record), at);
    record.lastPullFailureAt = at;
    record.waiting = { reason: 'ErrImagePull', message: error };
    record.firstAttemptDone = true;
    record.dueAt = at + PLEG_DELAY_MS;
    record.due = 'image-backoff';
  }

  /** Creates and starts a container from the pulled image (kuberuntime startContainer). */
  private start(pod: Pod, record: ContainerRecord, at: number): void {
    const runtime = this.runtime;
    const image = record.resolved;
    if (!runtime || !image) return;
    const { api } = this.deps;
    const env = makeEnvironmentVariables(pod, record.spec, {
      serviceVariables: (namespace, enableServiceLinks) => this.deps.serviceVariables(namespace, enableServiceLinks),
      configMap: (namespace, name) => api.tryGet<ConfigMap>({ kind: 'ConfigMap', namespace, name }),
      secret: (namespace, name) => api.tryGet<Secret>({ kind: 'Secret', namespace, name }),
      podIP: runtime.ip,
      hostIP: this.deps.hostIP(),
      mapOrder: this.deps.envOrder,
    });
    if (!env.ok) {
      this.event(pod, record, kubeletEvents.error(env.error));
      record.waiting = { reason: 'CreateContainerConfigError', message: env.error };
      record.firstAttemptDone = true;
      record.dueAt = at + RETRY_MS;
      record.due = 'begin';
      return;
    }
    const { hostname, domain } = podHostnameAndDomain(pod, this.deps.dns.clusterDomain);
    const processEnv = new ContainerEnvironment({ hostname, imageEnv: image.spec.env, kubeletEnv: env.env, tty: record.spec.tty === true });
    const process = mainProcess(record.spec, image.spec, processEnv);
    const id = newContainerID(this.deps.ids);
    record.instances++;
    record.waiting = undefined;
    record.firstAttemptDone = true;
    this.event(pod, record, kubeletEvents.created(record.spec.name));
    if (process.kind === 'start-error') {
      this.event(pod, record, kubeletEvents.error(process.message));
      if (record.terminated) record.lastTerminated = record.terminated;
      record.terminated = { exitCode: 128, reason: 'StartError', message: process.message, startedAt: rfc3339(0), finishedAt: rfc3339(at), containerID: `containerd://${id}` };
      record.instance = undefined;
      record.ready = false;
      record.started = false;
      record.lastFinishedAt = at;
      this.scheduleRestart(pod, record, at, 128);
      return;
    }
    const aliases = (pod.spec.hostAliases ?? []).map((a) => ({ ip: a.ip, hostnames: a.hostnames ?? [] }));
    const hostsFile = runtime.hostNetwork ? hostNetworkHostsFile(this.deps.nodeHostsFile(), aliases) : managedHostsFile([runtime.ip], hostname, domain, aliases);
    const home = image.spec.user?.home ?? '/root';
    const workingDir = record.spec.workingDir ?? image.spec.workingDir ?? '/';
    const fs = buildContainerFileSystem({
      image: image.spec,
      hostsFile,
      resolvConf: renderResolvConf(podResolverConfig(pod, this.deps.dns)),
      hostname,
      home,
      workingDir,
      mounts: this.containerMounts(record.spec),
      copies: this.subPathCopies(record.spec),
    });
    const instance = new ContainerInstance({
      id,
      name: record.spec.name,
      image,
      fs,
      env: processEnv,
      home,
      workingDir,
      process,
      startedAtMs: at,
      pod: { namespace: runtime.namespace, podName: runtime.name, podUID: this.uid, podIP: runtime.ip, nodeName: this.deps.nodeName, hostNetwork: runtime.hostNetwork, hostname },
      programs: this.deps.programs,
      sleep: (s) => this.deps.sleep(s),
    });
    if (record.instance) record.previousInstance = record.instance;
    record.instance = instance;
    if (record.terminated) record.lastTerminated = record.terminated;
    record.terminated = undefined;
    runtime.containers.set(record.spec.name, instance);
    this.event(pod, record, kubeletEvents.started(record.spec.name));
    this.setUpProbes(record, at);
    record.started = !record.spec.startupProbe;
    // Without a readiness probe a container counts as ready once the kubelet sees it running, at its
    // next PLEG relist (pkg/kubelet/pleg/generic.go, 1 s): by then its server listens, as on a real node.
    record.ready = false;
    if (record.started && !record.spec.readinessProbe) {
      record.dueAt = at + PLEG_DELAY_MS;
      record.due = 'seen-running';
    }
    const servers = instance.startServers();
    if (!servers.ok) record.exitPlan = { exitAt: at + 50, exitCode: servers.exitCode };
    else if (process.kind === 'program' && process.runsFor !== 'forever') record.exitPlan = { exitAt: at + Math.max(50, Math.round(process.runsFor * 1000)), exitCode: process.exitCode };
  }

  private containerMounts(spec: Container): ContainerMount[] {
    const runtime = this.runtime;
    if (!runtime) return [];
    const mounts: ContainerMount[] = [];
    const all = [...(spec.volumeMounts ?? [])];
    if (this.implicitServiceAccount) {
      const sa = this.volumes.find((v) => v.name.startsWith('kube-api-access-'));
      if (sa) all.push({ name: sa.name, mountPath: SERVICE_ACCOUNT_MOUNT_PATH, readOnly: true });
    }
    for (const mount of all) {
      if (mount.subPath) continue;
      const shared = runtime.emptyDirs.get(mount.name);
      if (shared) {
        mounts.push({ mountPath: mount.mountPath, source: shared, readOnly: mount.readOnly === true });
        continue;
      }
      if (runtime.volumeFiles.has(mount.name)) {
        const name = mount.name;
        mounts.push({ mountPath: mount.mountPath, source: () => runtime.volumeFiles.get(name) ?? {}, readOnly: true });
      }
    }
    return mounts;
  }

  /** subPath mounts: the file (or files under the directory) as they are now, never updated later. */
  private subPathCopies(spec: Container): { path: string; content: string }[] {
    const runtime = this.runtime;
    if (!runtime) return [];
    const copies: { path: string; content: string }[] = [];
    for (const mount of spec.volumeMounts ?? []) {
      if (!mount.subPath) continue;
      const files = runtime.volumeFiles.get(mount.name) ?? {};
      if (Object.prototype.hasOwnProperty.call(files, mount.subPath)) {
        copies.push({ path: mount.mountPath, content: files[mount.subPath] });
        continue;
      }
      const prefix = `${mount.subPath.replace(/\/$/, '')}/`;
      for (const [key, content] of Object.entries(files)) if (key.startsWith(prefix)) copies.push({ path: `${mount.mountPath}/${key.slice(prefix.length)}`, content });
    }
    return copies;
  }

  private exit(pod: Pod, record: ContainerRecord, at: number, exitCode: number): void {
    const instance = record.instance;
    if (!instance || !instance.running) return;
    const reason = exitCode === 0 ? 'Completed' : 'Error';
    instance.finished = { atMs: at, exitCode, reason };
    record.lastFinishedAt = at;
    record.terminated = { exitCode, reason, startedAt: rfc3339(instance.startedAtMs), finishedAt: rfc3339(at), containerID: `containerd://${instance.id}` };
    record.ready = false;
    record.started = false;
    record.probes = [];
    record.stopping = undefined;
    record.exitPlan = undefined;
    if (!this.terminating) this.scheduleRestart(pod, record, at, exitCode);
  }

  private scheduleRestart(pod: Pod, record: ContainerRecord, at: number, exitCode: number): void {
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) return;
    record.dueAt = at + PLEG_DELAY_MS;
    record.due = 'after-exit';
  }

  /** kuberuntime_manager.go doBackOff: restart now, or wait in CrashLoopBackOff. */
  private afterExit(pod: Pod, record: ContainerRecord, at: number): void {
    const finished = record.lastFinishedAt ?? at;
    const key = this.crashKey(record);
    const backoff = this.deps.crashBackoff;
    if (backoff.inBackoffSince(key, finished, at)) {
      if (record.terminated) record.lastTerminated = record.terminated;
      record.terminated = undefined;
      const delay = backoff.get(key);
      record.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${record.spec.name} pod=${podFullName(pod)}` };
      this.event(pod, record, kubeletEvents.crashBackOff(record.spec.name, podFullName(pod)));
      record.dueAt = finished + delay;
      record.due = 'after-exit';
      return;
    }
    backoff.next(key, finished);
    this.begin(pod, record, at);
  }

  // ---- probes -------------------------------------------------------------

  private setUpProbes(record: ContainerRecord, at: number): void {
    record.probes = [];
    const add = (kind: ProbeRunner['kind'], probe: Container['readinessProbe'], initial: boolean): void => {
      if (!probe) return;
      const timing = probeTiming(probe);
      // The probe worker starts once the kubelet has seen the container running (next PLEG relist).
      record.probes.push({ kind, probe, counter: new ProbeCounter(timing, initial), periodMs: timing.periodSeconds * 1000, initialDelayMs: timing.initialDelaySeconds * 1000, nextAt: at + PLEG_DELAY_MS, inFlight: false });
    };
    add('Startup', record.spec.startupProbe, false);
    add('Readiness', record.spec.readinessProbe, false);
    add('Liveness', record.spec.livenessProbe, true);
  }

  private runDueProbes(pod: Pod, now: number): void {
    const runtime = this.runtime;
    if (!runtime || this.terminating) return;
    for (const record of this.records) {
      const instance = record.instance;
      if (!instance?.running || record.stopping) continue;
      for (const runner of [...record.probes]) {
        if (runner.inFlight || runner.nextAt > now) continue;
        const at = runner.nextAt;
        runner.nextAt = at + runner.periodMs;
        // Readiness and liveness wait for the startup probe (prober/worker.go).
        if (runner.kind !== 'Startup' && !record.started) continue;
        if (at - instance.startedAtMs < runner.initialDelayMs) continue;
        const result = runProbe(runner.probe, {
          pod: runtime,
          container: record.spec,
          instance,
          nowMs: now,
          userAgent: this.deps.userAgent,
          sourceIP: this.deps.hostIP(),
          execID: () => newContainerID(this.deps.ids),
        });
        if (result instanceof Promise) {
          runner.inFlight = true;
          void result.then((r) => {
            runner.inFlight = false;
            if (record.instance === instance && instance.running) this.applyProbe(this.lastPod, record, runner, r, this.deps.clock.now());
            this.deps.wake();
          });
        } else {
          this.applyProbe(pod, record, runner, result, now);
        }
      }
    }
  }

  private applyProbe(pod: Pod, record: ContainerRecord, runner: ProbeRunner, result: ProbeResult, now: number): void {
    if (result.result === 'failure') this.event(pod, record, kubeletEvents.unhealthy(runner.kind, result.output));
    if (result.result === 'error') this.event(pod, record, kubeletEvents.probeErrored(runner.kind, result.error));
    const changed = runner.counter.record(result.result === 'success');
    if (!changed) return;
    const verdict = runner.counter.verdict;
    if (runner.kind === 'Readiness') record.ready = verdict;
    if (runner.kind === 'Startup' && verdict) {
      record.started = true;
      record.ready = !record.spec.readinessProbe;
      record.probes = record.probes.filter((p) => p !== runner);
    }
    if ((runner.kind === 'Liveness' || runner.kind === 'Startup') && !verdict) this.kill(pod, record, now, runner.kind === 'Liveness' ? 'liveness' : 'startup');
  }

  /** Stops a container for a failed probe: it exits per its SIGTERM handling and is then restarted. */
  private kill(pod: Pod, record: ContainerRecord, now: number, probe: 'liveness' | 'startup'): void {
    const instance = record.instance;
    if (!instance?.running) return;
    this.event(pod, record, kubeletEvents.livenessKill(record.spec.name, probe));
    record.stopping = this.stopPlan(pod, instance, now);
    record.ready = false;
  }

  private stopPlan(pod: Pod, instance: ContainerInstance, now: number): { exitAt: number; exitCode: number } {
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const onStop = instance.process.kind === 'daemon' ? instance.process.daemon.onStop : instance.process.kind === 'program' ? instance.process.onStop : 'ignored';
    if (onStop === 'ignored' || onStop.stopSeconds * 1000 > graceMs) return { exitAt: now + graceMs, exitCode: 137 };
    return { exitAt: now + Math.round(onStop.stopSeconds * 1000), exitCode: onStop.exitCode };
  }

  // ---- termination --------------------------------------------------------

  private syncTerminating(pod: Pod, now: number): number | undefined {
    if (!this.terminating) {
      const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      this.terminating = { deadline: now + graceMs };
      for (const record of this.records) {
        record.dueAt = undefined;
        record.due = undefined;
        record.pull = undefined;
        record.probes = [];
        const instance = record.instance;
        if (instance?.running) {
          this.event(pod, record, kubeletEvents.killing(record.spec.name));
          record.stopping = this.stopPlan(pod, instance, now);
        }
      }
    }
    for (const record of this.records) {
      if (record.stopping && record.stopping.exitAt <= now) this.exit(pod, record, record.stopping.exitAt, record.stopping.exitCode);
    }
    const stillRunning = this.records.some((r) => r.instance?.running);
    if (!stillRunning) {
      if (this.terminating.deleteAt === undefined) {
        this.terminating.deleteAt = this.records.some((r) => r.instances > 0) ? now + PLEG_DELAY_MS : now;
        this.publish(pod, now, true);
      }
      if (now >= this.terminating.deleteAt) {
        this.finish(pod);
        return undefined;
      }
      return this.terminating.deleteAt;
    }
    this.publish(pod, now);
    return Math.min(...this.records.filter((r) => r.stopping).map((r) => r.stopping!.exitAt));
  }

  private finish(pod: Pod): void {
    this.done = true;
    const key = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' };
    const current = this.deps.api.tryGet<Pod>(key);
    if (current && current.metadata.uid === this.uid) this.deps.api.delete(key, { gracePeriodSeconds: 0 });
    this.cleanup();
  }

  /** Frees the pod's IP and forgets its sandbox: the pod object is gone. */
  cleanup(): void {
    this.done = true;
    if (this.runtime) this.deps.runtimes.unregister(this.runtime.key);
    if (this.ip && !this.runtime?.hostNetwork) this.deps.ipAllocator.release(this.ip);
    for (const record of this.records) {
      if (record.instance?.running) record.instance.finished = { atMs: this.deps.clock.now(), exitCode: 137, reason: 'Error' };
    }
  }

  // ---- status -------------------------------------------------------------

  private containerView(record: ContainerRecord): ContainerView {
    const instance = record.instance;
    const image = record.resolved && record.instances > 0 ? record.resolved : undefined;
    const view: ContainerView = {
      name: record.spec.name,
      image: image ? image.normalized : record.spec.image,
      imageID: image ? image.imageID : '',
      ready: record.ready && instance?.running === true,
      started: record.started && instance?.running === true,
      restartCount: Math.max(0, record.instances - 1),
      state: {},
      lastState: record.lastTerminated ? { terminated: { ...record.lastTerminated } } : {},
    };
    if (instance) view.containerID = `containerd://${instance.id}`;
    if (record.terminated) {
      view.state = { terminated: { ...record.terminated } };
      view.containerID = record.terminated.containerID;
    } else if (record.waiting) {
      view.state = { waiting: { ...record.waiting } };
      if (!instance?.running && record.lastTerminated) view.containerID = record.lastTerminated.containerID;
    } else if (instance?.running) {
      view.state = { running: { startedAt: rfc3339(instance.startedAtMs) } };
    } else {
      view.state = { waiting: { reason: 'ContainerCreating' } };
    }
    if (view.state.terminated && !view.state.terminated.message) delete view.state.terminated.message;
    const mounts = [...(record.spec.volumeMounts ?? [])];
    if (this.implicitServiceAccount) {
      const sa = this.volumes.find((v) => v.name.startsWith('kube-api-access-'));
      if (sa) mounts.push({ name: sa.name, mountPath: SERVICE_ACCOUNT_MOUNT_PATH, readOnly: true });
    }
    view.volumeMounts = mounts.map((m) => (m.readOnly ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' } : { name: m.name, mountPath: m.mountPath }));
    return view;
  }

  private publish(pod: Pod, now: number, terminal = false): void {
    const sandboxReady = this.runtime !== undefined && this.records.every((r) => r.firstAttemptDone);
    const status = buildPodStatus(
      pod,
      {
        sandboxReady,
        podIP: this.ip,
        hostIP: this.deps.hostIP(),
        startTime: rfc3339(this.startedMs),
        containers: this.records.map((r) => this.containerView(r)),
        terminal: terminal || this.terminating !== undefined,
      },
      rfc3339(now),
    );
    if (jsonEqual(status, pod.status ?? {})) return;
    const current = this.deps.api.tryGet<Pod>({ kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' });
    if (!current || current.metadata.uid !== this.uid) return;
    const updated = this.deps.api.updateStatus<Pod>({ ...current, status }).object;
    this.lastPod = updated;
  }

  private nextWake(): number | undefined {
    const times: number[] = [];
    for (const record of this.records) {
      if (record.dueAt !== undefined) times.push(record.dueAt);
      if (record.stopping) times.push(record.stopping.exitAt);
      if (record.exitPlan && record.instance?.running) times.push(record.exitPlan.exitAt);
      if (record.instance?.running) for (const p of record.probes) if (!p.inFlight) times.push(p.nextAt);
    }
    if (this.mountRetryAt !== undefined) times.push(this.mountRetryAt);
    if (this.volumeRefreshAt !== undefined) times.push(this.volumeRefreshAt);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** The container instance exec and logs reach, and the one before it (`kubectl logs --previous`). */
  container(name: string): { spec: Container; instance?: ContainerInstance; previous?: ContainerInstance } | undefined {
    const record = this.records.find((r) => r.spec.name === name);
    return record ? { spec: record.spec, instance: record.instance, previous: record.previousInstance } : undefined;
  }
}
