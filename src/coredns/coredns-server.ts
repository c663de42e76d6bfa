/**
 * CoreDNS as kind runs it: the kubeadm Corefile's chain for one question,
 * `loadbalance` -> `cache 30` -> `kubernetes cluster.local in-addr.arpa ip6.arpa`
 * -> `forward . /etc/resolv.conf` (plugin order from coredns plugin.cfg; FIDELITY §6).
 * The Kubernetes objects are read live through the ApiServer interface, the way
 * CoreDNS's informers see them a moment after each change; the cache then keeps
 * answers up to 30 s on the virtual clock.
 */
import type { ApiServer } from '../apiserver/types.ts';
import { DEFAULT_EPOCH_MS, type VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import type { DnsAnswer, QueryType, Resolver } from './dns-message.ts';
import { KubernetesBackend } from './kubernetes-backend.ts';
import { KubernetesPlugin } from './kubernetes-plugin.ts';
import { ResponseCache } from './response-cache.ts';
import { shuffleAnswer } from './round-robin.ts';
import { Upstream } from './upstream.ts';

export interface CoreDnsOptions {
  api: ApiServer;
  /** The cluster domain, `cluster.local` on kind. */
  clusterDomain: string;
  /** Names outside the cluster a scenario declares resolvable (name -> addresses); all others are NXDOMAIN. */
  externalNames: ReadonlyMap<string, readonly string[]>;
  /** Enables the cache plugin and dates the SOA serial; without it answers are never cached. */
  clock?: VirtualClock;
  /** Enables the loadbalance plugin's shuffling; without it records keep the cluster's order. */
  random?: SeededRandom;
  /** The kubernetes plugin's `ttl` (kind: 30). */
  ttl?: number;
  /** The cache plugin's argument (kind: 30); 0 leaves the cache out. */
  cacheSeconds?: number;
}

export class CoreDns implements Resolver {
  private readonly plugin: KubernetesPlugin;
  private readonly upstream: Upstream;
  private readonly cache?: ResponseCache;
  private readonly random?: SeededRandom;
  private readonly clock?: VirtualClock;
  private readonly unwatch: (() => void)[] = [];
  private modifiedSeconds: number;

  constructor(options: CoreDnsOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.upstream = new Upstream(options.externalNames);
    const backend = new KubernetesBackend({ api: options.api, clusterDomain: options.clusterDomain, ttl: options.ttl ?? 30 });
    this.plugin = new KubernetesPlugin({
      backend,
      upstream: (name, type) => this.upstream.lookup(name, type),
      serial: () => this.modifiedSeconds,
    });
    const cacheSeconds = options.cacheSeconds ?? 30;
    if (options.clock && cacheSeconds > 0) this.cache = new ResponseCache(options.clock, cacheSeconds);
    // The serial is the Unix time of the last Service or endpoint change; the
    // informers' initial sync counts as one (controller.go updateModified).
    this.modifiedSeconds = this.nowSeconds();
    for (const kind of ['Service', 'EndpointSlice']) {
      this.unwatch.push(options.api.watch(kind, () => (this.modifiedSeconds = this.nowSeconds())));
    }
  }

  query(name: string, type: QueryType): DnsAnswer {
    const cached = this.cache?.get(name, type);
    let answer = cached;
    if (!answer) {
      const fresh = this.plugin.serve(name, type) ?? this.upstream.lookup(name, type);
      answer = this.cache ? this.cache.store(name, type, fresh) : fresh;
    }
    return this.random ? shuffleAnswer(answer, this.random) : answer;
  }

  /** Stops watching the API server. */
  close(): void {
    for (const stop of this.unwatch.splice(0)) stop();
  }

  private nowSeconds(): number {
    return Math.floor((this.clock?.now() ?? DEFAULT_EPOCH_MS) / 1000);
  }
}
