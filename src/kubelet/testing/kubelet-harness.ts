/**
 * A one-node cluster for the kubelet's tests: the real in-memory API server,
 * a kind-worker Node (podCIDR 10.244.1.0/24, InternalIP 172.18.0.3), an event
 * recorder and a kubelet; `settle` and `advance` as the composition root does them.
 */
import type { Node, Pod, PodSpec, Service } from '../../api/core.ts';
import type { ObjectMeta } from '../../api/meta.ts';
import type { Event } from '../../api/core.ts';
import { createApiServer, type MemoryApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { EventRecorder } from '../../controllers/events.ts';
import { ImageCatalog } from '../../images/image-catalog.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { Kubelet } from '../kubelet.ts';
import type { ProgramRegistry } from '../runtime/program-registry.ts';
import { PodRuntimeRegistry } from '../runtime/registry.ts';

export class KubeletHarness {
  readonly clock = new VirtualClock();
  readonly random = new SeededRandom('kubelet-test');
  readonly api: MemoryApiServer;
  readonly runtimes = new PodRuntimeRegistry();
  readonly images = new ImageCatalog();
  readonly kubelet: Kubelet;

  constructor(options: { programs?: ProgramRegistry } = {}) {
    this.api = createApiServer({ clock: this.clock, random: this.random, kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'kind-worker', labels: { 'kubernetes.io/hostname': 'kind-worker' } },
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
      status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'kind-worker' }] },
    };
    this.api.create(node);
    const kubernetes: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    };
    this.api.create(kubernetes);
    this.kubelet = new Kubelet({
      api: this.api,
      clock: this.clock,
      random: this.random,
      nodeName: 'kind-worker',
      images: this.images,
      events: new EventRecorder(this.api, this.clock, this.random, { component: 'kubelet', host: 'kind-worker' }),
      runtimes: this.runtimes,
      programs: options.programs,
      sleep: async (s) => this.advance(s * 1000),
    });
    this.settle();
  }

  settle(): void {
    for (let i = 0; i < 1000; i++) if (!this.kubelet.processQueue()) return;
    throw new Error('kubelet did not settle');
  }

  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms, () => this.settle());
    this.settle();
  }

  /** Creates a pod already bound to kind-worker (as after the scheduler's binding). */
  createPod(pod: { metadata: ObjectMeta; spec: PodSpec }): Pod {
    const created = this.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', ...pod, metadata: { namespace: 'default', ...pod.metadata } }).object;
    this.api.bind({ kind: 'Pod', namespace: created.metadata.namespace, name: created.metadata.name! }, 'kind-worker');
    this.settle();
    return this.pod(created.metadata.name!);
  }

  pod(name: string, namespace = 'default'): Pod {
    return this.api.get<Pod>({ kind: 'Pod', namespace, name });
  }

  /** `kubectl get pods` STATUS column for one container pod (the common cases). */
  status(name: string): string {
    const pod = this.api.tryGet<Pod>({ kind: 'Pod', namespace: 'default', name });
    if (!pod) return '<gone>';
    if (pod.metadata.deletionTimestamp) return 'Terminating';
    const cs = pod.status?.containerStatuses?.[0];
    return cs?.state.waiting?.reason ?? cs?.state.terminated?.reason ?? pod.status?.phase ?? '';
  }

  /** Events about an object, oldest first, as `reason: message`. */
  events(name: string): string[] {
    return this.api
      .list<Event>('Event', { namespace: 'default' })
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => String(a.firstTimestamp).localeCompare(String(b.firstTimestamp)))
      .map((e) => `${e.reason}: ${e.message}`);
  }
}
