/**
 * kube-proxy as it runs on one node of the memory cluster: a ProxyState fed
 * by the API server's Service and EndpointSlice watches (kube-proxy's
 * informers), the proxier of the cluster's mode (iptables or IPVS), the
 * kernel state the proxier leaves behind (`recent` lists for ClientIP
 * affinity, IPVS connection entries) and one seeded random stream for the
 * statistic match, derived once per node as the kernel's prandom state is.
 *
 * Watch handlers only queue keys; processQueue() applies them, so the rules
 * follow the API a moment after each change, like kube-proxy's sync loop.
 */
import type { Node, Service } from '../api/core.ts';
import type { EndpointSlice } from '../api/discovery.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { cidrContains, formatIPv4, parseCidr, parseIPv4 } from '../kubeproxy/ipv4.ts';
import { AffinityTable } from '../kubeproxy/iptables/affinity-table.ts';
import { IptablesProxier } from '../kubeproxy/iptables/iptables-proxier.ts';
import { walkNat, type MatchedRule, type Packet } from '../kubeproxy/iptables/packet-walker.ts';
import { IpvsProxier } from '../kubeproxy/ipvs/ipvs-proxier.ts';
import { routeIpvs } from '../kubeproxy/ipvs/ipvs-router.ts';
import { ProxyState, type ProxyMode } from '../kubeproxy/proxy-state.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import type { Hop } from '../trace/trace.ts';

export interface NodeKubeProxyOptions {
  api: ApiServer;
  nodeName: string;
  mode: ProxyMode;
  /** The cluster's pod range (kind writes clusterCIDR 10.244.0.0/16 into the kube-proxy configuration). */
  clusterCIDR: string;
  ipvsScheduler?: string;
  /** The node's stream for statistic matches and IPVS schedulers. */
  random: SeededRandom;
}

/** What kube-proxy's rules did to the first packet of a connection. */
export interface ProxyVerdict {
  /** ACCEPT: forwarded (perhaps after DNAT); REJECT: the client gets a port-unreachable (connection refused); DROP: nothing comes back. */
  verdict: 'ACCEPT' | 'REJECT' | 'DROP';
  dst: string;
  dstPort: number;
  /** The source after SNAT/MASQUERADE. */
  src: string;
  dnat: boolean;
  masqueraded: boolean;
  /** "ns/svc:port" of the service rule that matched, if any. */
  servicePortName?: string;
  /** The KUBE-SEP chain (iptables) or "ipvs" that chose the endpoint. */
  endpointChain?: string;
  /** Rule-by-rule hops for the trace (texts built only when read). */
  hops: Hop[];
  /** IPVS: ends the connection entry once the exchange is over (it goes to TIME_WAIT). */
  finish?: (nowMs: number) => void;
}

/** A trace hop for one matched iptables rule; the rule text is rendered on first read. */
class RuleHop implements Hop {
  readonly kind = 'iptables' as const;
  constructor(private readonly matched: MatchedRule) {}
  get label(): string {
    return `${this.matched.table} ${this.matched.chain}`;
  }
  get detail(): string {
    return this.matched.rule;
  }
}

export class NodeKubeProxy {
  readonly name: string;
  readonly nodeName: string;
  readonly mode: ProxyMode;
  private readonly api: ApiServer;
  private readonly options: NodeKubeProxyOptions;
  private readonly queue = new Set<string>();
  private state?: ProxyState;
  private iptables?: IptablesProxier;
  private ipvs?: IpvsProxier;
  readonly affinity = new AffinityTable();
  private readonly random: SeededRandom;
  private readonly unwatch: (() => void)[] = [];
  private readonly deletedSlices = new Map<string, EndpointSlice>();

  constructor(options: NodeKubeProxyOptions) {
    this.options = options;
    this.api = options.api;
    this.nodeName = options.nodeName;
    this.mode = options.mode;
    this.name = `kube-proxy/${options.nodeName}`;
    this.random = options.random;
    this.unwatch.push(options.api.watch('Service', (e) => this.queue.add(`Service/${e.object.metadata.namespace}/${e.object.metadata.name}`)));
    this.unwatch.push(
      options.api.watch('EndpointSlice', (e) => {
        const key = `EndpointSlice/${e.object.metadata.namespace}/${e.object.metadata.name}`;
        // A deleted slice is found again by its service label, which only the event still carries.
        if (e.type === 'DELETED') this.deletedSlices.set(key, e.object as EndpointSlice);
        this.queue.add(key);
      }),
    );
    this.unwatch.push(
      options.api.watch('Node', (e) => {
        if (e.object.metadata.name === this.nodeName) this.queue.add('Node');
      }),
    );
    this.queue.add('Node');
  }

  /** Applies queued Service and EndpointSlice changes to the proxier's state. */
  processQueue(): boolean {
    if (this.queue.size === 0) return false;
    const keys = [...this.queue];
    this.queue.clear();
    const rebuilt = (keys.includes('Node') || !this.state) && this.start();
    if (!rebuilt && this.state) for (const key of keys) if (key !== 'Node') this.apply(key);
    this.deletedSlices.clear();
    return true;
  }

  /** Stops watching (the node left the cluster). */
  close(): void {
    for (const stop of this.unwatch.splice(0)) stop();
  }

  /** The proxier's state (its service ports and endpoints), once the node is known. */
  proxyState(): ProxyState | undefined {
    return this.state;
  }

  iptablesProxier(): IptablesProxier | undefined {
    return this.iptables;
  }

  ipvsProxier(): IpvsProxier | undefined {
    return this.ipvs;
  }

  /**
   * (Re)builds the state from a full list, as kube-proxy does when it starts:
   * the node's addresses and pod range decide which rules match locally.
   * Returns whether it rebuilt (false: node unknown or unchanged).
   */
  private start(): boolean {
    const node = this.api.tryGet<Node>({ kind: 'Node', name: this.nodeName });
    if (!node) return false;
    const nodeIPs = (node.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
    const previous = this.state?.config;
    if (previous && previous.nodeIPs.join(',') === nodeIPs.join(',') && previous.podCIDR === node.spec.podCIDR) return false;
    this.state = new ProxyState({
      nodeName: this.nodeName,
      nodeIPs,
      podCIDR: node.spec.podCIDR,
      clusterCIDR: this.options.clusterCIDR,
      mode: this.mode,
      ipvsScheduler: this.options.ipvsScheduler,
    });
    for (const service of this.api.list<Service>('Service')) this.state.applyServiceChange(service);
    for (const slice of this.api.list<EndpointSlice>('EndpointSlice')) this.state.applyEndpointSliceChange(slice);
    if (this.mode === 'ipvs') {
      this.ipvs = new IpvsProxier(this.state);
      this.iptables = undefined;
    } else {
      this.iptables = new IptablesProxier(this.state);
      this.ipvs = undefined;
    }
    return true;
  }

  private apply(key: string): void {
    const state = this.state!;
    const [kind, namespace, ...rest] = key.split('/');
    const name = rest.join('/');
    if (kind === 'Service') {
      const service = this.api.tryGet<Service>({ kind: 'Service', namespace, name });
      state.applyServiceChange(service ?? ({ apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: {} } as Service), !service);
    } else if (kind === 'EndpointSlice') {
      const slice = this.api.tryGet<EndpointSlice>({ kind: 'EndpointSlice', namespace, name });
      if (slice) state.applyEndpointSliceChange(slice);
      else {
        const gone = this.deletedSlices.get(key);
        if (gone) state.applyEndpointSliceChange(gone, true);
      }
    }
  }

  /**
   * The first packet of a connection through this node's netfilter hooks:
   * nat PREROUTING for packets arriving from a pod or from outside, nat OUTPUT
   * for a process of the node itself.
   */
  route(packet: Packet, nowMs: number): ProxyVerdict {
    if (!this.state) return { verdict: 'ACCEPT', dst: packet.dst, dstPort: packet.dstPort, src: packet.src, dnat: false, masqueraded: false, hops: [] };
    if (this.iptables) {
      const result = walkNat(this.iptables, packet, this.random, this.affinity, nowMs);
      const hops: Hop[] = [];
      for (const matched of result.rules) if (tracedRule(matched, result.masqueraded)) hops.push(new RuleHop(matched));
      return {
        verdict: result.verdict,
        dst: result.dst,
        dstPort: result.dstPort,
        src: result.src,
        dnat: result.dnat,
        masqueraded: result.masqueraded,
        servicePortName: result.servicePortName,
        endpointChain: result.endpointChain,
        hops,
      };
    }
    return this.routeIpvs(packet, nowMs);
  }

  private routeIpvs(packet: Packet, nowMs: number): ProxyVerdict {
    const proxier = this.ipvs!;
    const vs = proxier.virtualServer(packet.protocol, packet.dst, packet.dstPort);
    const unchanged: ProxyVerdict = { verdict: 'ACCEPT', dst: packet.dst, dstPort: packet.dstPort, src: packet.src, dnat: false, masqueraded: false, hops: [] };
    if (!vs) return unchanged;
    const routed = routeIpvs(proxier, packet, nowMs);
    const port = proxier.state.servicePort(vs.portKey);
    const hops: Hop[] = routed.rulesSeen.map((rule) => ({ kind: rule.startsWith('IPVS') ? ('ipvs' as const) : ('iptables' as const), label: rule.startsWith('IPVS') ? `${vs.address}:${vs.port}` : 'nat', detail: rule }));
    if (!routed.destination) {
      // ip_vs_core.c ip_vs_leave: a virtual service without a usable real server answers ICMP port unreachable.
      return { ...unchanged, verdict: 'REJECT', servicePortName: port?.servicePortName, hops };
    }
    const src = routed.masqueraded ? this.masqueradeSource(routed.destination.address) : packet.src;
    const connection = routed.connection;
    return {
      verdict: 'ACCEPT',
      dst: routed.destination.address,
      dstPort: routed.destination.port,
      src,
      dnat: true,
      masqueraded: routed.masqueraded,
      servicePortName: port?.servicePortName,
      endpointChain: 'ipvs',
      hops,
      finish: connection ? (at) => proxier.connections.close(connection, at) : undefined,
    };
  }

  /** MASQUERADE picks the address of the interface towards the destination: the pod gateway for a local pod, else the node IP. */
  private masqueradeSource(destination: string): string {
    const config = this.state!.config;
    const pod = config.podCIDR ? parseCidr(config.podCIDR) : undefined;
    const value = parseIPv4(destination);
    if (pod && value !== undefined && cidrContains(pod, value)) return formatIPv4(pod.network + 1);
    return config.nodeIPs[0] ?? '';
  }
}

/** Per-service nat chains tell the story of a packet; the built-in chains' jumps and the filter table's pass-throughs do not. */
const TRACED_NAT_PREFIXES = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-', 'KUBE-SVC-', 'KUBE-SVL-', 'KUBE-FW-', 'KUBE-SEP-'];
const TRACED_FILTER_CHAINS = new Set(['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']);

function tracedRule(matched: MatchedRule, masqueraded: boolean): boolean {
  if (matched.table === 'filter') return TRACED_FILTER_CHAINS.has(matched.chain);
  if (matched.chain === 'KUBE-POSTROUTING') return masqueraded;
  return TRACED_NAT_PREFIXES.some((prefix) => matched.chain.startsWith(prefix));
}
