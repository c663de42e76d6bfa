/**
 * The composition root of the in-memory kind cluster: an API server, the
 * controllers, the scheduler, one kubelet per node, all on one virtual clock
 * and one seed. Data-plane components (kube-proxy, CoreDNS, ingress-nginx, the
 * network path) attach through `network.ts` in this folder.
 *
 * Components never call each other: they meet in the API server's store and its
 * watches. settle() lets every component work off its queue until the cluster
 * has converged for the current instant; advance() moves time and settles
 * after every timer, so time-driven work (container starts, probes, load
 * balancer provisioning) happens at its moment.
 */
import { RootCaCertPublisher } from '../controllers/certificates/root-ca-cert-publisher.ts';
import { fallbackRootCA } from '../kubelet/volumes/service-account-token.ts';
import type { Node } from '../api/core.ts';
import type { KubeObject } from '../api/meta.ts';
import { createApiServer, type MemoryApiServer } from '../apiserver/api-server.ts';
import type { ApiServer, ObjectKey } from '../apiserver/types.ts';
import type { ScriptResult } from '../backend/backend.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import type { Controller, ControllerDeps } from '../controllers/controller.ts';
import { DeploymentController } from '../controllers/deployment/deployment-controller.ts';
import { EndpointsController } from '../controllers/endpoints/endpoints-controller.ts';
import { EndpointSliceController } from '../controllers/endpointslice/endpointslice-controller.ts';
import { EndpointSliceMirroringController } from '../controllers/endpointslicemirroring/endpointslicemirroring-controller.ts';
import { EventRecorder } from '../controllers/events.ts';
import { servedApiVersion } from '../controllers/served-api-version.ts';
import { GarbageCollector } from '../controllers/garbagecollector/garbage-collector.ts';
import { createReplicaSetController } from '../controllers/replicaset/replica-set-controller.ts';
import { createReplicationControllerManager } from '../controllers/replicationcontroller/replication-controller.ts';
import { ServiceController } from '../controllers/service/service-controller.ts';
import { CoreDns } from '../coredns/coredns-server.ts';
import { KIND_DNS_SETTINGS, type ClusterDNSSettings } from '../kubelet/network/dns-config.ts';
import { nthAddress } from './bootstrap/service-addresses.ts';
import { ImageCatalog } from '../images/image-catalog.ts';
import { IngressNginxController } from '../ingress/ingress-nginx-controller.ts';
import { installIngressNginx } from '../ingress/install-ingress-nginx.ts';
import { ensureGenericPrograms } from '../kubelet/runtime/generic-programs.ts';
import { ProgramRegistry, programRegistry } from '../kubelet/runtime/program-registry.ts';
import { ClusterNetwork } from '../network/cluster-network.ts';
import { MemoryFileSystem } from '../shell/memory-fs.ts';
import { Shell } from '../shell/shell.ts';
import { shellProgram, textUtilities } from '../shell/utilities/index.ts';
import { outsidePrograms, registerNetworkTools } from '../tools/http/register-network-tools.ts';
import { nodeNetworkPrograms } from '../tools/node/node-programs.ts';
import { tlsPrograms } from '../tools/tls/tls-programs.ts';
import { registerDnsTools } from './container-dns-tools.ts';
import { ExecError } from '../kubelet/exec/exec-errors.ts';
import { execInPod } from '../kubelet/exec/pod-exec.ts';
import { Kubelet } from '../kubelet/kubelet.ts';
import { PodRuntimeRegistry } from '../kubelet/runtime/registry.ts';
import { PendingEdits } from '../kubectl/edit-queue.ts';
import { PreformattedError } from '../kubectl/errors.ts';
import type { KubectlHost } from '../kubectl/host.ts';
import { createKubectl } from '../kubectl/kubectl.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { CommandResult, Program } from '../shell/types.ts';
import type { Trace } from '../trace/trace.ts';
import { kindNode } from './bootstrap/kind-nodes.ts';
import { kindSystemObjects } from './bootstrap/kind-system-objects.ts';
import type { ClusterProfile } from './profile.ts';

/** A component that works off a queue filled by watches (controllers, scheduler, kubelets). */
export type Reconciler = Controller;

/** An object a scenario's commands wrote, for the failure snapshot. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Rounds of settle() beyond which the cluster is taken to be oscillating: a bug, reported as such. */
const MAX_SETTLE_ROUNDS = 10_000;

/** How long the cluster has been up when a scenario starts (kind create cluster takes about a minute): system pods are Running and older than the scenario's. */
const CLUSTER_AGE_AT_START_MS = 60 * 1000;

/** kube-apiserver v1.31.0 as kindest/node:v1.31.0 reports it (`kubectl version -o yaml`). */
const SERVER_BUILD = { goVersion: 'go1.22.5', buildDate: '2024-08-13T07:28:49Z', gitCommit: '9edcffcde5595e8a5b1a35f88c421764e575afce', platform: 'linux/amd64' };

export class MemoryCluster {
  readonly clock = new VirtualClock();
  readonly random: SeededRandom;
  readonly api: MemoryApiServer;
  readonly images = new ImageCatalog();
  readonly runtimes = new PodRuntimeRegistry();
  readonly edits = new PendingEdits();
  private readonly reconcilers: Reconciler[] = [];
  private readonly kubelets = new Map<string, Kubelet>();
  private readonly written = new Map<string, ObjectRef>();
  /** Traces of requests made anywhere in the cluster since the last take, in order. */
  private readonly traces: Trace[] = [];
  private settling = false;
  readonly coredns: CoreDns;
  readonly network: ClusterNetwork;
  readonly ingress?: IngressNginxController;
  private readonly nodeShells = new Map<string, Shell>();

  constructor(
    public profile: ClusterProfile,
    seed: string,
  ) {
    this.random = new SeededRandom(seed);
    this.api = createApiServer({
      clock: this.clock,
      random: this.random.derive('apiserver'),
      kubernetesVersion: profile.kubernetesVersion,
      serviceCIDR: profile.serviceCIDR,
    });
    const deps: ControllerDeps = { api: this.api, clock: this.clock, random: this.random.derive('controllers') };
    this.reconcilers.push(
      new DeploymentController(deps),
      createReplicaSetController(deps),
      createReplicationControllerManager(deps),
      new Scheduler(deps, { host: profile.nodes[0].name }),
      new EndpointSliceController(deps),
      new EndpointsController(deps),
      new EndpointSliceMirroringController(deps),
      new GarbageCollector(deps),
      new RootCaCertPublisher(deps, fallbackRootCA('default').data!['ca.crt']),
    );
    this.coredns = new CoreDns({
      api: this.api,
      clusterDomain: profile.clusterDomain,
      externalNames: new Map(Object.entries(profile.externalHosts).map(([name, ip]) => [name, [ip]])),
      clock: this.clock,
      random: this.random.derive('coredns'),
    });
    const controlPlane = profile.nodes.find((n) => n.role === 'control-plane')!.name;
    this.network = new ClusterNetwork({
      api: this.api,
      clock: this.clock,
      random: this.random.derive('network'),
      runtimes: this.runtimes,
      proxyMode: profile.proxyMode,
      ipvsScheduler: profile.ipvsScheduler,
      podCIDR: profile.podCIDR,
      serviceCIDR: profile.serviceCIDR,
      dns: this.coredns,
      externalHosts: profile.externalHosts,
      // kind's ingress guide maps host ports 80 and 443 to the ingress-ready node.
      hostPortMappings: profile.ingressNginx ? [80, 443].map((port) => ({ hostPort: port, node: controlPlane, containerPort: port })) : undefined,
    });
    this.reconcilers.push(this.network);
    if (profile.loadBalancer) {
      const provider =
        profile.loadBalancer.kind === 'hostname'
          ? ({ kind: 'hostname', pattern: 'aws-elb' } as const)
          : ({ kind: 'ip-pool', cidr: `${profile.loadBalancer.first}-${profile.loadBalancer.last}` } as const);
      this.reconcilers.push(new ServiceController(deps, { provider }));
    }
    ensureGenericPrograms();
    const programs = new ProgramRegistry(programRegistry);
    registerNetworkTools(programs, this.network);
    registerDnsTools(programs, this.network);
    // kubeadm sets the kubelet's clusterDNS to the tenth address of the service range, where kube-dns sits (cmd/kubeadm/app/constants/constants.go GetDNSIP).
    const kubeletDns: ClusterDNSSettings = { ...KIND_DNS_SETTINGS, clusterDNS: [nthAddress(profile.serviceCIDR, 10)], clusterDomain: profile.clusterDomain };
    for (const node of profile.nodes) {
      const kubelet = new Kubelet({
        programs,
        api: this.api,
        clock: this.clock,
        random: this.random.derive(`kubelet/${node.name}`),
        nodeName: node.name,
        images: this.images,
        events: new EventRecorder(this.api, this.clock, this.random.derive(`events/${node.name}`), { component: 'kubelet', host: node.name }),
        runtimes: this.runtimes,
        sleep: async (seconds) => this.advance(seconds * 1000),
        onAsyncWork: () => this.settle(),
        kubernetesVersion: profile.kubernetesVersion,
        dns: kubeletDns,
      });
      this.kubelets.set(node.name, kubelet);
      this.reconcilers.push(kubelet);
    }
    if (profile.ingressNginx) {
      this.ingress = new IngressNginxController({ api: this.api, clock: this.clock, random: this.random.derive('ingress'), network: this.network, runtimes: this.runtimes, clusterDNS: kubeletDns.clusterDNS[0] });
      this.reconcilers.push(this.ingress);
    }
    this.bootstrap();
  }

  /** Creates what kind creates, then lets the cluster run for a while so system pods are up. */
  private bootstrap(): void {
    const createdAt = this.clock.nowRFC3339();
    for (const node of this.profile.nodes) {
      const object = kindNode(this.profile, node, createdAt);
      const { object: created } = this.api.create<Node>(object);
      this.api.updateStatus<Node>({ ...created, status: object.status });
    }
    for (const object of kindSystemObjects(this.profile)) {
      const key: ObjectKey = { kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '' };
      if (this.api.tryGet(key)) continue;
      // Older versions serve some kinds at an earlier version (EndpointSlice is discovery.k8s.io/v1beta1 on 1.19).
      object.apiVersion = servedApiVersion(this.api, object.kind, object.apiVersion);
      this.api.create(object);
    }
    if (this.profile.ingressNginx) installIngressNginx(this.api);
    this.advance(CLUSTER_AGE_AT_START_MS);
  }

  /** Lets every component process its queue until none has work. */
  settle(): void {
    // A component that settles from inside its own work (an exec probe finishing) must not recurse.
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
        let worked = false;
        for (const r of this.reconcilers) worked = r.processQueue() || worked;
        if (!worked) return;
      }
      throw new Error(`the memory cluster did not converge after ${MAX_SETTLE_ROUNDS} rounds (a controller keeps finding work)`);
    } finally {
      this.settling = false;
    }
  }

  /** Moves the virtual clock forward, settling after every timer that fires. */
  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms, () => this.settle());
    this.settle();
  }

  /** Advances virtual time in steps until `check` holds or the timeout passes. */
  async waitFor(check: () => boolean, timeoutSeconds: number, stepMs = 1000): Promise<boolean> {
    const deadline = this.clock.now() + timeoutSeconds * 1000;
    this.settle();
    while (!check()) {
      const now = this.clock.now();
      if (now >= deadline) return false;
      this.advance(Math.min(stepMs, deadline - now));
    }
    return true;
  }

  /** The kubelet of the node a pod runs on. */
  kubeletOf(namespace: string, podName: string): Kubelet | undefined {
    const pod = this.api.tryGet<KubeObject & { spec?: { nodeName?: string } }>({ kind: 'Pod', namespace, name: podName });
    const node = pod?.spec?.nodeName;
    return node ? this.kubelets.get(node) : undefined;
  }

  /** kubectl's view of this cluster, for the scenario's namespace. */
  kubectlHost(namespace = 'default'): KubectlHost {
    const [major, minor] = this.profile.kubernetesVersion.split('.');
    return {
      api: this.recordingApi(),
      now: () => this.clock.now(),
      settle: () => this.settle(),
      waitFor: (check, timeoutSeconds) => this.waitFor(check, timeoutSeconds),
      exec: (ns, pod, container, argv, stdin, tty) => this.exec(ns, pod, container, argv, stdin, tty),
      logs: (ns, pod, container) => this.kubeletOf(ns, pod)?.logs(ns, pod, container),
      serverVersion: { major, minor, gitVersion: this.profile.serverGitVersion, ...SERVER_BUILD },
      controlPlaneURL: this.profile.controlPlaneURL,
      currentContext: 'kind-kind',
      namespace,
      pendingEdits: this.edits,
    };
  }

  /** `kubectl exec` through the pod's kubelet; failures before the command runs print as kubectl prints them. */
  private async exec(ns: string, pod: string, container: string | undefined, argv: string[], stdin: string, tty: boolean): Promise<CommandResult> {
    try {
      const result = await execInPod(this.api, (node) => this.kubelets.get(node), ns, pod, container, argv, stdin, tty);
      // kubectl prints the output; the requests the command made are the scenario's to see.
      for (const trace of result.traces ?? []) this.recordTrace(trace);
      this.settle();
      return result;
    } catch (error) {
      if (error instanceof ExecError) throw new PreformattedError(error.kubectlOutput);
      throw error;
    }
  }

  /** The API server as kubectl uses it, remembering which objects the scenario's commands wrote. */
  private recordingApi(): ApiServer {
    const remember = (obj: KubeObject | undefined) => {
      if (!obj?.metadata?.name) return;
      const ref = { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name };
      this.written.set(`${ref.kind}/${ref.namespace}/${ref.name}`, ref);
    };
    const api = this.api;
    return new Proxy(api, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'create' || prop === 'update' || prop === 'patch') {
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => { object: KubeObject }).apply(target, args);
            remember(result.object);
            return result;
          };
        }
        return value.bind(target);
      },
    });
  }

  private clients?: Map<string, Program>;

  /** Programs on the user's machine that talk to this cluster (kubectl) or its addresses (curl, ping). */
  clientPrograms(): ReadonlyMap<string, Program> {
    if (!this.clients) {
      this.clients = new Map([
        ['kubectl', createKubectl(this.kubectlHost('default'))],
        ...outsidePrograms(this.network),
        ...tlsPrograms({ now: () => this.clock.now(), random: this.random.derive('tls-tools') }),
      ]);
    }
    return this.clients;
  }

  /**
   * A root shell on a node (`docker exec -it NODE bash` on kind): Debian's dash and
   * coreutils, curl, iptables, iptables-save and ip; ipvsadm and ping too, which
   * tutorials install on the node first (seed 003).
   */
  private nodeShell(node: string): Shell | undefined {
    if (!this.profile.nodes.some((n) => n.name === node)) return undefined;
    let shell = this.nodeShells.get(node);
    if (!shell) {
      const programs = new Map<string, Program>([...textUtilities({ now: () => this.clock.now() }), ...nodeNetworkPrograms(this.network, this.runtimes, node, { installedExtras: true })]);
      const fs = new MemoryFileSystem({ '/etc/hostname': `${node}\n` });
      fs.mkdir('/root', { recursive: true });
      const options = {
        fs,
        cwd: '/root',
        env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root'], ['HOSTNAME', node]]),
        programs,
        sleep: async (seconds: number) => this.advance(seconds * 1000),
        dialect: 'dash' as const,
        hostname: node,
      };
      programs.set('sh', shellProgram(() => ({ ...options, env: new Map(options.env) })));
      programs.set('bash', shellProgram(() => ({ ...options, env: new Map(options.env) })));
      shell = new Shell(options);
      this.nodeShells.set(node, shell);
    }
    return shell;
  }

  /** Runs a script in a node's shell. */
  async runOnNode(node: string, script: string): Promise<ScriptResult> {
    const shell = this.nodeShell(node);
    if (!shell) {
      // What `docker exec` says for a container that does not exist.
      const stderr = `Error response from daemon: No such container: ${node}\n`;
      return { stdout: '', stderr, exitCode: 1, commands: [{ command: script, result: { stdout: '', stderr, exitCode: 1 } }] };
    }
    const commands = await shell.runEach(script);
    this.settle();
    const last = commands[commands.length - 1]?.result ?? { stdout: '', stderr: '', exitCode: 0 };
    for (const c of commands) for (const t of c.result.traces ?? []) this.recordTrace(t);
    return { ...last, commands };
  }

  /** The objects the scenario's kubectl commands created or changed, in order. */
  objectsWrittenByUser(): ObjectRef[] {
    return [...this.written.values()].filter((r) => r.kind !== 'Event');
  }

  /** Records a request's trace (the network layer calls this). */
  recordTrace(trace: Trace): void {
    this.traces.push(trace);
  }

  /** The traces recorded since the last call. */
  takeTraces(): Trace[] {
    return this.traces.splice(0, this.traces.length);
  }
}
