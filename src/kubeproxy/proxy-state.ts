/**
 * The proxier's view of the cluster (pkg/proxy: ServicePortMap, EndpointsMap,
 * EndpointSliceCache, BaseServicePortInfo and BaseEndpointInfo, Kubernetes 1.31),
 * built from Services and EndpointSlices for one node.
 *
 * Changes are incremental: a Service or EndpointSlice change recomputes only the
 * service ports of that Service and tells the subscribed proxiers which ones
 * changed, so that they re-render only those (kube-proxy's partial sync).
 */
import type { Protocol, Service } from '../api/core.ts';
import type { EndpointSlice } from '../api/discovery.ts';
import { parseCidr, parseIPv4 } from './ipv4.ts';
import { serviceKey, servicePortName } from './service-port-name.ts';

export type ProxyMode = 'iptables' | 'ipvs';

/** The node kube-proxy runs on and its configuration (the KubeProxyConfiguration kind writes). */
export interface ProxyNodeConfig {
  nodeName: string;
  /** The node's addresses, primary first (kind: the container's eth0 address). */
  nodeIPs: string[];
  /** This node's pod range, e.g. "10.244.1.0/24". */
  podCIDR?: string;
  /**
   * The cluster's pod range. kind writes clusterCIDR: 10.244.0.0/16 into the
   * kube-proxy configuration and leaves detectLocalMode at its default,
   * ClusterCIDR, so "local" traffic is `-s 10.244.0.0/16`.
   */
  clusterCIDR: string;
  mode: ProxyMode;
  /** --masquerade-all; false on kind. */
  masqueradeAll?: boolean;
  /** iptables.localhostNodePorts; true by default (and on kind). */
  localhostNodePorts?: boolean;
  /**
   * Whether kube-proxy's nfacct counters exist: at start it creates
   * `ct_state_invalid_dropped_pkts` and `localhost_nps_accepted_pkts` over
   * netlink (cmd/kube-proxy/app/server_linux.go, pkg/proxy/iptables/proxier.go
   * NewProxier). kind's kernels have nfnetlink_acct, so both exist: the INVALID
   * drop in KUBE-FORWARD gets `-m nfacct`, and each NodePort gets a first
   * KUBE-NODEPORTS rule for `-d 127.0.0.0/8` (syncProxyRules writes it when
   * localhostNodePorts is on, the family is IPv4 and the counter exists).
   * True by default, as on kind (seen on kube-proxy v1.31.4, see
   * src/conformance/cross-checks/testdata/kube-proxy-v1.31.4-nat.txt).
   */
  nfacctCounters?: boolean;
  /** MASQUERADE --random-fully; kind's iptables 1.8.9 supports it (HasRandomFully). Default true. */
  masqueradeRandomFully?: boolean;
  /** nf_conntrack_tcp_be_liberal; when set kube-proxy writes no INVALID drop rule. False on kind in iptables mode. */
  conntrackTCPLiberal?: boolean;
  /** IPVS scheduler; "rr" when empty (pkg/proxy/ipvs/proxier.go defaultScheduler). */
  ipvsScheduler?: string;
}

/** One endpoint of a service port (pkg/proxy/endpoint.go BaseEndpointInfo). */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** "ip:port", kube-proxy's Endpoint.String(). */
  endpoint: string;
  nodeName?: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** One port of one Service (pkg/proxy/serviceport.go BaseServicePortInfo). */
export interface ServicePortInfo {
  /** servicePortName + "/" + protocol: kube-proxy keys ports by name and protocol. */
  key: string;
  namespace: string;
  serviceName: string;
  portName: string;
  /** "ns/name:port" or "ns/name". */
  servicePortName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  /** 0 when none. */
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  /** Valid IPv4 source ranges, trimmed, in the Service's order. */
  loadBalancerSourceRanges: string[];
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
  externallyAccessible: boolean;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  /** 0 when none (only LoadBalancer + externalTrafficPolicy Local has one). */
  healthCheckNodePort: number;
  /** Sorted by "ip:port" as a string, as kube-proxy sorts them. */
  endpoints: EndpointInfo[];
  /** Bumped on every change of this port or its endpoints. */
  version: number;
}

/** Something that wants to know which service ports changed (a proxier). */
export interface ServicePortChangeListener {
  servicePortChanged(key: string, now: ServicePortInfo | undefined): void;
}

const DEFAULT_STICKY_SECONDS = 10800; // pkg/apis/core/v1/defaults.go: ClientIP timeout

export class ProxyState {
  readonly config: ProxyNodeConfig;
  private readonly ports = new Map<string, ServicePortInfo>();
  /** Service key -> its port keys. */
  private readonly portsByService = new Map<string, string[]>();
  /** Service key -> slice name -> slice. */
  private readonly slicesByService = new Map<string, Map<string, EndpointSlice>>();
  private readonly listeners: ServicePortChangeListener[] = [];
  private sortedKeys: string[] | undefined;
  private endpointCount = 0;
  private versionCounter = 0;

  constructor(config: ProxyNodeConfig) {
    this.config = { ...config };
  }

  subscribe(listener: ServicePortChangeListener): void {
    this.listeners.push(listener);
  }

  /** Adds, updates or (with `deleted`) removes a Service. */
  applyServiceChange(service: Service, deleted = false): void {
    const key = serviceKey(service.metadata.namespace ?? 'default', service.metadata.name ?? '');
    const previous = this.portsByService.get(key) ?? [];
    const next = deleted ? [] : this.portsOf(service);
    const nextKeys = new Set(next.map((p) => p.key));
    for (const oldKey of previous) {
      if (nextKeys.has(oldKey)) continue;
      const old = this.ports.get(oldKey);
      if (old) this.endpointCount -= old.endpoints.length;
      this.ports.delete(oldKey);
      this.sortedKeys = undefined;
      this.notify(oldKey, undefined);
    }
    for (const port of next) {
      port.endpoints = this.endpointsFor(key, port);
      const old = this.ports.get(port.key);
      if (old && samePort(old, port)) continue;
      if (old) this.endpointCount -= old.endpoints.length;
      else this.sortedKeys = undefined;
      this.endpointCount += port.endpoints.length;
      port.version = ++this.versionCounter;
      this.ports.set(port.key, port);
      this.notify(port.key, port);
    }
    if (next.length) this.portsByService.set(key, next.map((p) => p.key));
    else this.portsByService.delete(key);
  }

  /** Adds, updates or (with `deleted`) removes an EndpointSlice; only the ports of its Service are recomputed. */
  applyEndpointSliceChange(slice: EndpointSlice, deleted = false): void {
    const namespace = slice.metadata.namespace ?? 'default';
    const owner = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!owner) return; // kube-proxy's informer ignores slices without the label
    const key = serviceKey(namespace, owner);
    let slices = this.slicesByService.get(key);
    if (!slices) this.slicesByService.set(key, (slices = new Map()));
    const name = slice.metadata.name ?? '';
    if (deleted) slices.delete(name);
    else slices.set(name, slice);
    if (slices.size === 0) this.slicesByService.delete(key);
    for (const portKey of this.portsByService.get(key) ?? []) {
      const port = this.ports.get(portKey);
      if (!port) continue;
      const endpoints = this.endpointsFor(key, port);
      if (sameEndpoints(port.endpoints, endpoints)) continue;
      this.endpointCount += endpoints.length - port.endpoints.length;
      const updated: ServicePortInfo = { ...port, endpoints, version: ++this.versionCounter };
      this.ports.set(portKey, updated);
      this.notify(portKey, updated);
    }
  }

  servicePort(key: string): ServicePortInfo | undefined {
    return this.ports.get(key);
  }

  /** All service ports, sorted by service port name then protocol (a stable stand-in for Go's map order). */
  servicePorts(): ServicePortInfo[] {
    if (!this.sortedKeys) this.sortedKeys = [...this.ports.keys()].sort();
    return this.sortedKeys.map((k) => this.ports.get(k)!);
  }

  /** Endpoints of all service ports: kube-proxy's largeClusterMode counts these. */
  totalEndpoints(): number {
    return this.endpointCount;
  }

  /** Ready local endpoints per service (pkg/proxy/endpointschangetracker.go LocalReadyEndpoints), for the health check server. */
  localReadyEndpoints(namespace: string, name: string): number {
    let count = 0;
    const seen = new Set<string>();
    for (const portKey of this.portsByService.get(serviceKey(namespace, name)) ?? []) {
      for (const ep of this.ports.get(portKey)?.endpoints ?? []) {
        // kube-proxy counts local, ready endpoints by IP across the service's ports.
        if (ep.isLocal && ep.ready && !seen.has(ep.ip)) {
          seen.add(ep.ip);
          count++;
        }
      }
    }
    return count;
  }

  private notify(key: string, port: ServicePortInfo | undefined): void {
    for (const listener of this.listeners) listener.servicePortChanged(key, port);
  }

  /** ServicePortMap entries of one Service (pkg/proxy/serviceport.go newBaseServiceInfo). */
  private portsOf(service: Service): ServicePortInfo[] {
    const spec = service.spec ?? {};
    const clusterIP = spec.clusterIP ?? '';
    // pkg/proxy/util ShouldSkipService: headless, ExternalName and IP-less services are not proxied.
    if (!clusterIP || clusterIP === 'None' || spec.type === 'ExternalName') return [];
    if (parseIPv4(clusterIP) === undefined) return [];
    const namespace = service.metadata.namespace ?? 'default';
    const name = service.metadata.name ?? '';
    const externalIPs = (spec.externalIPs ?? []).filter((ip) => parseIPv4(ip) !== undefined);
    // LoadBalancer ingress with ipMode Proxy is not programmed (KEP-1860, 1.30+).
    const loadBalancerVIPs = (service.status?.loadBalancer?.ingress ?? [])
      .filter((ing) => ing.ip && parseIPv4(ing.ip) !== undefined && ing.ipMode !== 'Proxy')
      .map((ing) => ing.ip!);
    const sourceRanges = (spec.loadBalancerSourceRanges ?? [])
      .map((r) => r.trim())
      .filter((r) => parseCidr(r) !== undefined);
    const affinity = spec.sessionAffinity === 'ClientIP';
    const needsHealthCheck = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
    return (spec.ports ?? []).map((p) => {
      const protocol: Protocol = p.protocol ?? 'TCP';
      const spn = servicePortName(namespace, name, p.name);
      const nodePort = p.nodePort ?? 0;
      const externallyAccessible = nodePort !== 0 || loadBalancerVIPs.length > 0 || externalIPs.length > 0;
      return {
        key: `${spn}/${protocol}`,
        namespace,
        serviceName: name,
        portName: p.name ?? '',
        servicePortName: spn,
        protocol,
        clusterIP,
        port: p.port,
        nodePort,
        externalIPs,
        loadBalancerVIPs,
        loadBalancerSourceRanges: sourceRanges,
        sessionAffinityClientIP: affinity,
        stickyMaxAgeSeconds: affinity ? spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS : 0,
        externallyAccessible,
        externalPolicyLocal: externallyAccessible && spec.externalTrafficPolicy === 'Local',
        internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
        healthCheckNodePort: needsHealthCheck ? spec.healthCheckNodePort ?? 0 : 0,
        endpoints: [],
        version: 0,
      };
    });
  }

  /** The endpoints of one service port from all its slices (pkg/proxy/endpointslicecache.go). */
  private endpointsFor(svcKey: string, port: ServicePortInfo): EndpointInfo[] {
    const slices = this.slicesByService.get(svcKey);
    if (!slices) return [];
    const byEndpoint = new Map<string, EndpointInfo>();
    for (const slice of slices.values()) {
      if (slice.addressType !== 'IPv4') continue;
      const slicePort = (slice.ports ?? []).find((sp) => (sp.name ?? '') === port.portName && (sp.protocol ?? 'TCP') === port.protocol);
      if (!slicePort || slicePort.port === undefined) continue;
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0];
        if (!ip || parseIPv4(ip) === undefined) continue;
        const ready = ep.conditions?.ready ?? true;
        const info: EndpointInfo = {
          ip,
          port: slicePort.port,
          endpoint: `${ip}:${slicePort.port}`,
          nodeName: ep.nodeName,
          isLocal: ep.nodeName !== undefined && ep.nodeName === this.config.nodeName,
          ready,
          serving: ep.conditions?.serving ?? ready,
          terminating: ep.conditions?.terminating ?? false,
        };
        const existing = byEndpoint.get(info.endpoint);
        // A duplicate address keeps the local copy (endpointslicecache.go addEndpoints).
        if (!existing || info.isLocal) byEndpoint.set(info.endpoint, info);
      }
    }
    return [...byEndpoint.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
  }
}

function samePort(a: ServicePortInfo, b: ServicePortInfo): boolean {
  return (
    a.clusterIP === b.clusterIP &&
    a.port === b.port &&
    a.nodePort === b.nodePort &&
    a.sessionAffinityClientIP === b.sessionAffinityClientIP &&
    a.stickyMaxAgeSeconds === b.stickyMaxAgeSeconds &&
    a.externalPolicyLocal === b.externalPolicyLocal &&
    a.internalPolicyLocal === b.internalPolicyLocal &&
    a.healthCheckNodePort === b.healthCheckNodePort &&
    a.externalIPs.join(',') === b.externalIPs.join(',') &&
    a.loadBalancerVIPs.join(',') === b.loadBalancerVIPs.join(',') &&
    a.loadBalancerSourceRanges.join(',') === b.loadBalancerSourceRanges.join(',') &&
    sameEndpoints(a.endpoints, b.endpoints)
  );
}

function sameEndpoints(a: EndpointInfo[], b: EndpointInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.endpoint !== y.endpoint || x.isLocal !== y.isLocal || x.ready !== y.ready || x.serving !== y.serving || x.terminating !== y.terminating) return false;
  }
  return true;
}
