/**
 * A small kind cluster built from the real components for the network's
 * tests: the in-memory API server, kind's nodes and system objects (CoreDNS
 * included), the deployment, replicaset, endpointslice and LoadBalancer
 * controllers, the scheduler, one kubelet per node with a program registry
 * that carries the network tools, CoreDNS answering its pods' sockets, and
 * the ClusterNetwork. `settle` and `advance` work as the composition root's.
 */
import type { Node, Pod, Service } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import { createApiServer, type MemoryApiServer } from '../../apiserver/api-server.ts';
import { kindNode } from '../../cluster/bootstrap/kind-nodes.ts';
import { kindSystemObjects } from '../../cluster/bootstrap/kind-system-objects.ts';
import { defaultProfile, kindNodes, type ClusterProfile } from '../../cluster/profile.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import type { Controller, ControllerDeps } from '../../controllers/controller.ts';
import { DeploymentController } from '../../controllers/deployment/deployment-controller.ts';
import { EndpointSliceController } from '../../controllers/endpointslice/endpointslice-controller.ts';
import { EventRecorder } from '../../controllers/events.ts';
import { createReplicaSetController } from '../../controllers/replicaset/replica-set-controller.ts';
import { ServiceController } from '../../controllers/service/service-controller.ts';
import { CoreDns } from '../../coredns/coredns-server.ts';
import { ImageCatalog } from '../../images/image-catalog.ts';
import { Kubelet } from '../../kubelet/kubelet.ts';
import { ensureGenericPrograms } from '../../kubelet/runtime/generic-programs.ts';
import { ProgramRegistry, programRegistry } from '../../kubelet/runtime/program-registry.ts';
import { PodRuntimeRegistry } from '../../kubelet/runtime/registry.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { Scheduler } from '../../scheduler/scheduler.ts';
import type { CommandResult } from '../../shell/types.ts';
import { IngressNginxController } from '../../ingress/ingress-nginx-controller.ts';
import { installIngressNginx } from '../../ingress/install-ingress-nginx.ts';
import { ClusterNetwork, type HostPortMapping } from '../cluster-network.ts';
import type { NetworkSource } from '../network-source.ts';

export interface NetworkTestClusterOptions {
  proxyMode?: 'iptables' | 'ipvs';
  workers?: number;
  /** A MetalLB-like address pool for LoadBalancer services. */
  loadBalancerPool?: string;
  seed?: string;
  hostPortMappings?: HostPortMapping[];
  externalHosts?: Record<string, string>;
  /** Installs ingress-nginx as kind's ingress guide does: the control plane labelled ingress-ready=true, host ports 80/443 mapped to it. */
  ingressNginx?: boolean;
  /** Registers programs for the cluster's containers (the tools under test). */
  registerPrograms?: (registry: ProgramRegistry, network: ClusterNetwork, cluster: NetworkTestCluster) => void;
}

export class NetworkTestCluster {
  readonly clock = new VirtualClock();
  readonly random: SeededRandom;
  readonly api: MemoryApiServer;
  readonly runtimes = new PodRuntimeRegistry();
  readonly images = new ImageCatalog();
  readonly programs: ProgramRegistry;
  readonly kubelets: Kubelet[] = [];
  readonly network: ClusterNetwork;
  readonly coredns: CoreDns;
  readonly profile: ClusterProfile;
  readonly ingress?: IngressNginxController;
  private readonly reconcilers: { processQueue(): boolean }[] = [];

  constructor(options: NetworkTestClusterOptions = {}) {
    ensureGenericPrograms();
    this.random = new SeededRandom(options.seed ?? 'network-test');
    this.profile = { ...defaultProfile(), proxyMode: options.proxyMode ?? 'iptables', ingressNginx: options.ingressNginx ?? false };
    if (options.workers !== undefined) this.profile.nodes = kindNodes(options.workers, false);
    this.api = createApiServer({ clock: this.clock, random: this.random, kubernetesVersion: '1.31', serviceCIDR: this.profile.serviceCIDR });
    const deps: ControllerDeps = { api: this.api, clock: this.clock, random: this.random };
    const controllers: Controller[] = [new DeploymentController(deps), createReplicaSetController(deps), new EndpointSliceController(deps), new Scheduler(deps)];
    if (options.loadBalancerPool) controllers.push(new ServiceController(deps, { provider: { kind: 'ip-pool', cidr: options.loadBalancerPool } }));
    this.coredns = new CoreDns({
      api: this.api,
      clusterDomain: 'cluster.local',
      externalNames: new Map(Object.entries(options.externalHosts ?? {}).map(([n, ip]) => [n, [ip]])),
      clock: this.clock,
    });
    this.network = new ClusterNetwork({
      api: this.api,
      clock: this.clock,
      random: this.random,
      runtimes: this.runtimes,
      proxyMode: this.profile.proxyMode,
      podCIDR: this.profile.podCIDR,
      serviceCIDR: this.profile.serviceCIDR,
      dns: this.coredns,
      externalHosts: options.externalHosts,
      hostPortMappings: options.hostPortMappings ?? (options.ingressNginx ? [80, 443].map((port) => ({ hostPort: port, node: 'kind-control-plane', containerPort: port })) : undefined),
    });
    this.programs = new ProgramRegistry(programRegistry);
    options.registerPrograms?.(this.programs, this.network, this);
    for (const node of this.profile.nodes) {
      const kubelet = new Kubelet({
        api: this.api,
        clock: this.clock,
        random: this.random,
        nodeName: node.name,
        images: this.images,
        events: new EventRecorder(this.api, this.clock, this.random, { component: 'kubelet', host: node.name }),
        runtimes: this.runtimes,
        programs: this.programs,
        sleep: async (s) => this.advance(s * 1000),
      });
      for (const image of ['registry.k8s.io/coredns/coredns:v1.11.3']) kubelet.preloadImage(image);
      this.kubelets.push(kubelet);
    }
    this.reconcilers.push(...controllers, ...this.kubelets, this.network);
    if (options.ingressNginx) {
      this.ingress = new IngressNginxController({ api: this.api, clock: this.clock, random: this.random, network: this.network, runtimes: this.runtimes });
      this.reconcilers.push(this.ingress);
    }
    // Components watch from their construction on, so the cluster's objects come after them.
    const created = this.clock.nowRFC3339();
    for (const node of this.profile.nodes) this.api.create<Node>(kindNode(this.profile, node, created));
    for (const object of kindSystemObjects(this.profile)) {
      if (object.metadata.namespace === 'local-path-storage' || (object.kind === 'Namespace' && this.api.tryGet({ kind: 'Namespace', name: object.metadata.name! }))) continue;
      this.api.create(object);
    }
    if (options.ingressNginx) installIngressNginx(this.api);
    this.settle();
  }

  settle(): void {
    for (let round = 0; round < 10_000; round++) {
      let worked = false;
      for (const r of this.reconcilers) worked = r.processQueue() || worked;
      if (!worked) return;
    }
    throw new Error('the test cluster did not settle');
  }

  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms, () => this.settle());
    this.settle();
  }

  create<T extends KubeObject>(object: T): T {
    const created = this.api.create<T>(object).object;
    this.settle();
    return created;
  }

  pod(name: string, namespace = 'default'): Pod {
    return this.api.get<Pod>({ kind: 'Pod', namespace, name });
  }

  pods(labelSelector: string, namespace = 'default'): Pod[] {
    return this.api.list<Pod>('Pod', { namespace, labelSelector }).sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  }

  service(name: string, namespace = 'default'): Service {
    return this.api.get<Service>({ kind: 'Service', namespace, name });
  }

  /** A pod as a network source. */
  fromPod(name: string, namespace = 'default'): NetworkSource {
    const pod = this.pod(name, namespace);
    return { kind: 'pod', namespace, name, ip: pod.status!.podIP!, node: pod.spec.nodeName! };
  }

  fromNode(name: string): NetworkSource {
    const node = this.profile.nodes.find((n) => n.name === name)!;
    return { kind: 'node', node: name, ip: node.internalIP };
  }

  /** `kubectl exec <pod> -- argv...` */
  async exec(pod: string, argv: string[], namespace = 'default'): Promise<CommandResult> {
    const p = this.pod(pod, namespace);
    const kubelet = this.kubelets.find((k) => k.nodeName === p.spec.nodeName)!;
    const result = await kubelet.exec(namespace, pod, undefined, argv, '', false);
    this.settle();
    return result;
  }
}

/** A bare pod pinned to a node (no scheduler decision to depend on). */
export function podOn(name: string, node: string, image: string, extra: { labels?: Record<string, string>; command?: string[]; ports?: { containerPort: number; name?: string; hostPort?: number }[]; namespace?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.namespace ?? 'default', labels: extra.labels },
    spec: {
      nodeName: node,
      containers: [{ name, image, command: extra.command, ports: extra.ports?.map((p) => ({ ...p, protocol: 'TCP' as const })) }],
    },
  };
}

/** A Service of the given type and ports. */
export function serviceOf(name: string, selector: Record<string, string>, ports: Service['spec']['ports'], extra: Partial<Service['spec']> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports, ...extra } };
}
