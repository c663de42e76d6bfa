/**
 * kube-proxy in IPVS mode for one node (pkg/proxy/ipvs/proxier.go, Kubernetes
 * 1.31): a virtual service per cluster IP, external IP, LoadBalancer IP and
 * NodePort-on-every-node-address, real servers from the endpoints (weight 1),
 * service addresses bound to the dummy device kube-ipvs0, and connection
 * counters that requests update. Only changed service ports are re-synced.
 */
import { categorizeEndpoints } from '../endpoint-categories.ts';
import { formatIPv4, parseCidr, parseIPv4 } from '../ipv4.ts';
import type { ProxyState, ServicePortChangeListener, ServicePortInfo } from '../proxy-state.ts';
import { ConnectionTable } from './connection-table.ts';
import { createScheduler } from './schedulers/scheduler-factory.ts';
import { syncDestinations, virtualServerKey, type VirtualServer } from './virtual-server.ts';

export class IpvsProxier implements ServicePortChangeListener {
  private readonly servers = new Map<string, VirtualServer>();
  /** Port key -> its virtual service keys. */
  private readonly serversByPort = new Map<string, string[]>();
  private readonly dirty = new Set<string>();
  readonly connections = new ConnectionTable();
  readonly scheduler: string;

  constructor(readonly state: ProxyState) {
    this.scheduler = state.config.ipvsScheduler || 'rr';
    state.subscribe(this);
    for (const port of state.servicePorts()) this.dirty.add(port.key);
  }

  servicePortChanged(key: string): void {
    this.dirty.add(key);
  }

  /**
   * Node addresses NodePorts listen on: every local address but kube-ipvs0's
   * and loopback (GetAllLocalAddressesExcept): the node IPs and, on kind, the
   * pod range's first address that kindnet puts on each pod's host-side veth.
   */
  nodePortAddresses(): string[] {
    const c = this.state.config;
    const addresses = [...c.nodeIPs];
    const pod = c.podCIDR ? parseCidr(c.podCIDR) : undefined;
    if (pod) addresses.push(formatIPv4(pod.network + 1));
    return addresses;
  }

  sync(): void {
    for (const key of this.dirty) this.syncPort(key);
    this.dirty.clear();
  }

  private syncPort(key: string): void {
    const port = this.state.servicePort(key);
    const previous = new Set(this.serversByPort.get(key) ?? []);
    const wanted: { address: string; port: number; externalPolicy: boolean }[] = [];
    if (port) {
      wanted.push({ address: port.clusterIP, port: port.port, externalPolicy: false });
      for (const ip of port.externalIPs) wanted.push({ address: ip, port: port.port, externalPolicy: true });
      for (const ip of port.loadBalancerVIPs) wanted.push({ address: ip, port: port.port, externalPolicy: true });
      if (port.nodePort) for (const ip of this.nodePortAddresses()) wanted.push({ address: ip, port: port.nodePort, externalPolicy: true });
    }
    const keys: string[] = [];
    for (const w of wanted) {
      const vsKey = virtualServerKey(port!.protocol, w.address, w.port);
      keys.push(vsKey);
      previous.delete(vsKey);
      let vs = this.servers.get(vsKey);
      const persistentSeconds = port!.sessionAffinityClientIP ? port!.stickyMaxAgeSeconds : 0;
      if (!vs) {
        vs = {
          protocol: port!.protocol,
          address: w.address,
          addressValue: parseIPv4(w.address) ?? 0,
          port: w.port,
          schedulerName: this.scheduler,
          scheduler: createScheduler(this.scheduler) ?? createScheduler('rr')!,
          persistentSeconds,
          destinations: [],
          portKey: key,
        };
        this.servers.set(vsKey, vs);
      }
      vs.persistentSeconds = persistentSeconds;
      const removed = vs.destinations.filter((d) => !this.endpointsFor(port!, w.externalPolicy).includes(`${d.address}:${d.port}`));
      syncDestinations(vs, this.endpointsFor(port!, w.externalPolicy));
      for (const dest of removed) this.connections.dropDestination(dest);
    }
    for (const gone of previous) this.servers.delete(gone);
    if (keys.length) this.serversByPort.set(key, keys);
    else this.serversByPort.delete(key);
  }

  /** proxier.go syncEndpoint: Local policy uses local endpoints, falling back to all when there are none. */
  private endpointsFor(port: ServicePortInfo, external: boolean): string[] {
    const { clusterEndpoints, localEndpoints } = categorizeEndpoints(port);
    const onlyLocal = external ? port.externalPolicyLocal : port.internalPolicyLocal;
    const chosen = onlyLocal && localEndpoints.length > 0 ? localEndpoints : clusterEndpoints;
    return chosen.map((e) => e.endpoint);
  }

  /** The virtual service at protocol/address:port. */
  virtualServer(protocol: string, address: string, port: number): VirtualServer | undefined {
    this.sync();
    return this.servers.get(virtualServerKey(protocol, address, port));
  }

  /** All virtual services (unsorted; ipvsadm sorts). */
  virtualServers(): VirtualServer[] {
    this.sync();
    return [...this.servers.values()];
  }

  /** Addresses bound to kube-ipvs0: cluster IPs, external IPs and LoadBalancer IPs, in service order. */
  dummyDeviceAddresses(): string[] {
    const seen = new Set<string>();
    const nodeAddresses = new Set(this.nodePortAddresses());
    for (const port of this.state.servicePorts()) {
      for (const ip of [port.clusterIP, ...port.externalIPs, ...port.loadBalancerVIPs]) if (!nodeAddresses.has(ip)) seen.add(ip);
    }
    return [...seen];
  }
}
