/**
 * The ingress-nginx controller (controller v1.11) as a reconciler of the
 * memory cluster: it watches Ingresses, IngressClasses, Secrets and its own
 * pods, keeps the Ingresses it owns (class `nginx` by ingressClassName or the
 * kubernetes.io/ingress.class annotation, or no class at all:
 * --watch-ingress-without-class=true), builds its servers, writes the
 * rendered nginx.conf into its controller containers, records the `Sync`
 * event ("Scheduled for sync") for each Ingress it picks up, and publishes
 * the Ingress status: its status syncer runs on the leader every 60 s
 * (internal/ingress/status: updateInterval) and writes the
 * --publish-status-address, `localhost` on kind, as a hostname.
 * The data plane (ingress-data-plane.ts) answers the pods' ports 80 and 443.
 */
import { createHash } from 'node:crypto';
import type { Pod, Secret } from '../api/core.ts';
import type { Ingress, IngressClass } from '../api/networking.ts';
import type { ApiServer } from '../apiserver/types.ts';
import type { TimerHandle, VirtualClock } from '../clock/virtual-clock.ts';
import { EventRecorder } from '../controllers/events.ts';
import type { PodRuntimeRegistry } from '../kubelet/runtime/registry.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { IngressNginxDataPlane } from './ingress-data-plane.ts';
import { buildServers, sortIngresses, type IngressServer } from './ingress-servers.ts';
import { CONTROLLER_SELECTOR, INGRESS_NGINX_NAMESPACE } from './install-ingress-nginx.ts';
import { renderNginxConf } from './nginx-conf.ts';

export const INGRESS_CLASS = 'nginx';
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** internal/ingress/status/status.go updateInterval. */
export const STATUS_SYNC_INTERVAL_MS = 60_000;
const NGINX_CONF = '/etc/nginx/nginx.conf';

export interface IngressNginxControllerOptions {
  api: ApiServer;
  clock: VirtualClock;
  random: SeededRandom;
  network: ClusterNetwork;
  runtimes: PodRuntimeRegistry;
  /** --publish-status-address (kind: localhost). */
  publishStatusAddress?: string;
  /** kube-dns's cluster IP, for the resolver line of nginx.conf. */
  clusterDNS?: string;
}

export class IngressNginxController {
  readonly name = 'ingress-nginx-controller';
  readonly dataPlane: IngressNginxDataPlane;
  private readonly api: ApiServer;
  private readonly clock: VirtualClock;
  private readonly options: IngressNginxControllerOptions;
  private readonly events: EventRecorder;
  private dirty = true;
  private readonly touched = new Set<string>();
  private conf = '';
  private readonly written = new Map<string, string>();
  private statusTimer?: TimerHandle;
  private statusDue = false;

  constructor(options: IngressNginxControllerOptions) {
    this.options = options;
    this.api = options.api;
    this.clock = options.clock;
    const random = options.random.derive('ingress-nginx');
    this.dataPlane = new IngressNginxDataPlane(options.api, options.network, random.derive('data-plane'));
    this.events = new EventRecorder(options.api, options.clock, random, { component: 'nginx-ingress-controller' });
    options.network.attachIngress(this.dataPlane);
    const mark = () => (this.dirty = true);
    options.api.watch('Ingress', (e) => {
      if (e.type !== 'DELETED' && JSON.stringify(e.object.spec) !== JSON.stringify(e.old?.spec)) this.touched.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
      if (e.type !== 'DELETED' && e.old && JSON.stringify(e.object.metadata.annotations) !== JSON.stringify(e.old.metadata.annotations)) this.touched.add(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
      mark();
    });
    options.api.watch('IngressClass', mark);
    options.api.watch('Secret', mark);
    options.api.watch('Pod', (e) => {
      if (e.object.metadata.namespace === INGRESS_NGINX_NAMESPACE) mark();
    });
  }

  /** The nginx.conf of the current configuration. */
  nginxConf(): string {
    return this.conf;
  }

  currentServers(): readonly IngressServer[] {
    return this.dataPlane.currentServers();
  }

  processQueue(): boolean {
    let worked = false;
    if (this.dirty) {
      this.dirty = false;
      this.sync();
      worked = true;
    }
    if (this.statusDue) {
      this.statusDue = false;
      this.syncStatus();
      worked = true;
    }
    return worked;
  }

  /** Whether this controller handles `ingress` (ingressclass.go and store.go's class checks). */
  owns(ingress: Ingress, classes: readonly IngressClass[]): boolean {
    const annotation = ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
    if (annotation !== undefined) return annotation === INGRESS_CLASS;
    const className = ingress.spec.ingressClassName;
    if (className !== undefined) return classes.some((c) => c.metadata.name === className && c.spec.controller === CONTROLLER_CLASS);
    return true;
  }

  private ownedIngresses(): Ingress[] {
    const classes = this.api.list<IngressClass>('IngressClass');
    return sortIngresses(this.api.list<Ingress>('Ingress').filter((i) => !i.metadata.deletionTimestamp && this.owns(i, classes)));
  }

  private controllerPods(): Pod[] {
    const selector = Object.entries(CONTROLLER_SELECTOR)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return this.api.list<Pod>('Pod', { namespace: INGRESS_NGINX_NAMESPACE, labelSelector: selector });
  }

  private sync(): void {
    const pods = this.controllerPods();
    const running = pods.filter((p) => p.status?.phase === 'Running');
    const ingresses = this.ownedIngresses();
    const servers = buildServers(ingresses, (namespace, name) => this.api.tryGet<Secret>({ kind: 'Secret', namespace, name }));
    if (running.length > 0) {
      this.dataPlane.configure(servers);
      this.conf = renderNginxConf(servers, { checksum: checksum(servers), workerProcesses: 8, resolver: this.options.clusterDNS ?? '10.96.0.10' });
      for (const pod of running) this.writeConf(pod);
      for (const ingress of ingresses) {
        const key = `${ingress.metadata.namespace}/${ingress.metadata.name}`;
        if (!this.touched.has(key)) continue;
        this.events.event(ingress, 'Normal', 'Sync', 'Scheduled for sync');
      }
      this.touched.clear();
    }
    const leader = pods.some((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    if (leader && !this.statusTimer) this.scheduleStatus();
    if (!leader && this.statusTimer) {
      this.statusTimer.cancel();
      this.statusTimer = undefined;
    }
  }

  /** The controller writes its configuration inside its own container. */
  private writeConf(pod: Pod): void {
    const runtime = this.options.runtimes.byPod(pod.metadata.namespace ?? INGRESS_NGINX_NAMESPACE, pod.metadata.name ?? '');
    const container = runtime?.running('controller');
    if (!container) return;
    if (this.written.get(container.id) === this.conf) return;
    container.fs.writeFile(NGINX_CONF, this.conf);
    this.written.set(container.id, this.conf);
  }

  private scheduleStatus(): void {
    this.statusTimer = this.clock.schedule(STATUS_SYNC_INTERVAL_MS, 'ingress-nginx status sync', () => {
      this.statusDue = true;
      this.statusTimer = undefined;
      this.dirty = true;
    });
  }

  /** status.go: every owned Ingress gets the published address; others are left alone. */
  private syncStatus(): void {
    const address = this.options.publishStatusAddress ?? 'localhost';
    const entry = /^\d+\.\d+\.\d+\.\d+$/.test(address) ? { ip: address } : { hostname: address };
    for (const ingress of this.ownedIngresses()) {
      const current = ingress.status?.loadBalancer?.ingress ?? [];
      if (current.length === 1 && JSON.stringify(current[0]) === JSON.stringify(entry)) continue;
      this.api.updateStatus<Ingress>({ ...ingress, status: { loadBalancer: { ingress: [entry] } } });
    }
  }
}

/** The "# Configuration checksum:" number: a 64-bit hash of the configuration, in decimal. */
function checksum(servers: readonly IngressServer[]): string {
  const digest = createHash('sha256')
    .update(JSON.stringify(servers.map((s) => [s.hostname, s.locations.map((l) => [l.path, l.pathType, l.backend, l.annotations])])))
    .digest();
  return digest.readBigUInt64BE(0).toString();
}
