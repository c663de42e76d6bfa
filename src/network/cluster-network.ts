/**
 * The packet path of a kind cluster: from a source (a pod, a node, the Docker
 * host outside) through the receiving node's kube-proxy rules (iptables or
 * IPVS), the hostPort mappings of the CNI portmap plugin, kindnet's routes
 * between nodes, to the socket that answers — a container's server (its
 * image model), the ingress controller, or a node daemon — or to the place
 * where it fails: a REJECT (connection refused), a DROP or a missing route
 * (timeout), a pod port nothing listens on (refused).
 *
 * Every connection carries its trace hops. Failures are explained from the
 * API state (failure-explanation.ts). The network is a reconciler: it keeps
 * one kube-proxy per node, fed by the API server's watches.
 */
import type { ApiServer } from '../apiserver/types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { DnsAnswer, QueryType, Resolver } from '../coredns/dns-message.ts';
import type { HttpRequest } from '../images/servers/http.ts';
import type { TlsIdentity } from '../kubelet/runtime/listener.ts';
import type { PodRuntimeRegistry } from '../kubelet/runtime/registry.ts';
import { cidrContains, parseCidr, parseIPv4, type Cidr } from '../kubeproxy/ipv4.ts';
import type { Packet } from '../kubeproxy/iptables/packet-walker.ts';
import type { ProxyMode } from '../kubeproxy/proxy-state.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import type { Hop } from '../trace/trace.ts';
import { DockerDns } from './docker-dns.ts';
import { explainLocalDrop, explainLoopbackOnly, explainNoEndpoints, explainNotListening, explainUnmatched, serviceOfPortName } from './failure-explanation.ts';
import { announcingNode, loadBalancerPorts } from './load-balancer-routing.ts';
import { DOCKER_HOST_IP, describeSource, type NetworkSource } from './network-source.ts';
import { NodeDirectory, type NodeInfo } from './node-directory.ts';
import { nodeDaemon } from './node-daemons.ts';
import { NodeKubeProxy } from './node-kube-proxy.ts';
import { podServerEnd, type IngressDataPlane, type ServeOutcome, type ServerEnd } from './server-end.ts';

export type Protocol = 'TCP' | 'UDP';

/** A port kind maps from the Docker host into a node container (kind's extraPortMappings). */
export interface HostPortMapping {
  hostPort: number;
  node: string;
  containerPort: number;
  protocol?: Protocol;
}

export interface ClusterNetworkOptions {
  api: ApiServer;
  clock: VirtualClock;
  /** The run's random source; the network derives its own streams (one per node for kube-proxy). */
  random: SeededRandom;
  /** Every pod sandbox by IP, published by the kubelets. */
  runtimes: PodRuntimeRegistry;
  proxyMode: ProxyMode;
  ipvsScheduler?: string;
  /** The cluster's pod range (kind: 10.244.0.0/16). */
  podCIDR: string;
  /** The service range (kind: 10.96.0.0/16), for explanations. */
  serviceCIDR: string;
  /** CoreDNS as its pods answer: the sockets whose handler is `dns`. */
  dns?: Resolver;
  /** Outside names the Docker host's resolver knows (the profile's externalHosts). */
  externalHosts?: Readonly<Record<string, string>>;
  /** kind's extraPortMappings (ingress guide: host 80 and 443 to the ingress-ready node). */
  hostPortMappings?: readonly HostPortMapping[];
  /** The API server's serving certificate for :6443, when the cluster's TLS model provides one. */
  apiServerCertificate?: (serverName?: string) => TlsIdentity | undefined;
}

export interface Destination {
  ip: string;
  port: number;
  protocol: Protocol;
}

/** The client's own end of a connection attempt: its address and the ephemeral port the kernel picked. */
export interface LocalEnd {
  ip: string;
  port: number;
}

export type ConnectOutcome =
  | {
      kind: 'connected';
      local: LocalEnd;
      server: ServerEnd;
      /** The source address and port the server sees (after any SNAT). */
      client: { ip: string; port: number };
      /** The socket that accepted (after any DNAT). */
      serverAddress: { ip: string; port: number };
      hops: Hop[];
      /** Ends the connection (IPVS moves its entry to TIME_WAIT). */
      finish(): void;
    }
  /** RST or ICMP port unreachable: the client sees "Connection refused" at once. */
  | { kind: 'refused'; local: LocalEnd; hops: Hop[]; reason: string }
  /** Nothing comes back: the client waits for its own timeout (or the kernel's SYN retries). */
  | { kind: 'timeout'; local: LocalEnd; hops: Hop[]; reason: string };

export interface PingOutcome {
  replied: boolean;
  /** The TTL the echo reply arrives with (Linux starts at 64, minus one per router). */
  ttl: number;
  /** Whether the reply crosses a node (for the round-trip time). */
  crossNode: boolean;
  hops: Hop[];
  reason?: string;
}

/** The Linux ephemeral port range (net.ipv4.ip_local_port_range default). */
const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_LAST = 60999;

const LOOPBACK: Cidr = parseCidr('127.0.0.0/8')!;

function isLoopback(ip: string): boolean {
  const value = parseIPv4(ip);
  return value !== undefined && cidrContains(LOOPBACK, value);
}

export class ClusterNetwork {
  readonly name = 'network';
  readonly nodes: NodeDirectory;
  private readonly api: ApiServer;
  readonly clock: VirtualClock;
  private readonly random: SeededRandom;
  private readonly ports: SeededRandom;
  private readonly runtimes: PodRuntimeRegistry;
  private readonly options: ClusterNetworkOptions;
  private readonly proxies = new Map<string, NodeKubeProxy>();
  private readonly proxyStarted = new Map<string, number>();
  private readonly podRange: Cidr;
  private readonly serviceRange: Cidr;
  private ingress?: IngressDataPlane;
  private dockerDns?: { nodes: string; resolver: DockerDns };

  constructor(options: ClusterNetworkOptions) {
    this.options = options;
    this.api = options.api;
    this.clock = options.clock;
    this.random = options.random.derive('network');
    this.ports = this.random.derive('ephemeral-ports');
    this.runtimes = options.runtimes;
    this.nodes = new NodeDirectory(options.api);
    this.podRange = parseCidr(options.podCIDR)!;
    this.serviceRange = parseCidr(options.serviceCIDR)!;
  }

  /** Lets the ingress controller answer the sockets of its pods. */
  attachIngress(plane: IngressDataPlane): void {
    this.ingress = plane;
  }

  get proxyMode(): ProxyMode {
    return this.options.proxyMode;
  }

  /** Starts kube-proxy on new nodes and lets each apply its queued watch events. */
  processQueue(): boolean {
    let worked = false;
    for (const node of this.nodes.all()) {
      if (this.proxies.has(node.name)) continue;
      this.proxies.set(
        node.name,
        new NodeKubeProxy({
          api: this.api,
          nodeName: node.name,
          mode: this.options.proxyMode,
          clusterCIDR: this.options.podCIDR,
          ipvsScheduler: this.options.ipvsScheduler,
          random: this.random.derive(`kube-proxy/${node.name}`),
        }),
      );
      this.proxyStarted.set(node.name, this.clock.now());
      worked = true;
    }
    for (const proxy of this.proxies.values()) worked = proxy.processQueue() || worked;
    return worked;
  }

  /** kube-proxy of one node (for iptables-save, ipvsadm ... on that node). */
  proxy(node: string): NodeKubeProxy | undefined {
    return this.proxies.get(node);
  }

  /** Opens a connection (TCP) or sends the first datagram (UDP) from `from` to `to`. */
  connect(from: NetworkSource, to: Destination): ConnectOutcome {
    const local: LocalEnd = { ip: from.ip, port: this.ports.int(EPHEMERAL_FIRST, EPHEMERAL_LAST) };
    const outcome = this.route(from, to, local);
    return outcome;
  }

  private route(from: NetworkSource, to: Destination, local: LocalEnd): ConnectOutcome {
    const now = this.clock.now();
    const hops: Hop[] = [{ kind: 'client', label: from.ip, detail: `${describeSource(from)} connects to ${to.ip}:${to.port}/${to.protocol}` }];

    // A pod reaching itself (its own IP or loopback) never leaves its network namespace.
    if (from.kind === 'pod' && (to.ip === from.ip || isLoopback(to.ip))) {
      const pod = this.runtimes.byPod(from.namespace, from.name);
      if (!pod) return { kind: 'timeout', local, hops, reason: `pod ${from.namespace}/${from.name} has no sandbox` };
      return this.deliverToPod(local, pod.ip, to, { ip: isLoopback(to.ip) ? to.ip : from.ip }, hops, now, undefined, from.node);
    }

    // Where the packet first meets a node's netfilter hooks.
    let entry: NodeInfo | undefined;
    let dst = to.ip;
    if (from.kind === 'outside') {
      const reached = this.outsideEntry(to, hops, local);
      if ('failure' in reached) return reached.failure;
      entry = reached.node;
      dst = reached.ip;
      if (reached.port !== undefined) to = { ...to, port: reached.port };
    } else {
      entry = this.nodes.get(from.node);
      if (!entry) return { kind: 'timeout', local, hops, reason: `node ${from.node} is not part of the cluster` };
    }

    const proxy = this.proxies.get(entry.name);
    const packet: Packet = { src: from.ip, dst, dstPort: to.port, protocol: to.protocol, fromLocalProcess: from.kind === 'node' };
    const verdict = proxy ? proxy.route(packet, now) : { verdict: 'ACCEPT' as const, dst, dstPort: to.port, src: from.ip, dnat: false, masqueraded: false, hops: [] as Hop[] };
    hops.push({ kind: 'node', label: entry.name, detail: `${entry.name} (${entry.internalIP}) runs the packet through kube-proxy's ${this.options.proxyMode} rules` });
    if (verdict.servicePortName) {
      hops.push({ kind: 'service', label: verdict.servicePortName, detail: `service port ${verdict.servicePortName} matches ${dst}:${to.port}/${to.protocol}` });
    }
    hops.push(...verdict.hops);
    if (verdict.verdict === 'REJECT') {
      const reason = verdict.servicePortName
        ? (() => {
            const svc = serviceOfPortName(verdict.servicePortName);
            return explainNoEndpoints(this.api, svc.namespace, svc.name);
          })()
        : this.rejectReason(entry.name, dst, to);
      hops.push({ kind: 'error', label: 'REJECT', detail: `${reason}: kube-proxy answers with ICMP port unreachable` });
      return { kind: 'refused', local, hops, reason };
    }
    if (verdict.verdict === 'DROP') {
      const reason = this.dropReason(entry.name, dst, to);
      hops.push({ kind: 'error', label: 'DROP', detail: reason });
      return { kind: 'timeout', local, hops, reason };
    }
    if (verdict.dnat) {
      hops.push({ kind: 'dnat', label: `${verdict.dst}:${verdict.dstPort}`, detail: `DNAT ${dst}:${to.port} -> ${verdict.dst}:${verdict.dstPort}${verdict.endpointChain ? ` (${verdict.endpointChain})` : ''}` });
    }
    let finalIP = verdict.dst;
    let finalPort = verdict.dstPort;
    let clientIP = verdict.src;
    if (verdict.masqueraded) hops.push({ kind: 'snat', label: clientIP, detail: `MASQUERADE: source ${from.ip} -> ${clientIP}` });

    // The CNI portmap plugin: a hostPort on a local address goes to its pod.
    if (!verdict.dnat && this.isNodeLocal(entry, finalIP, from.kind === 'node')) {
      const mapped = this.hostPortTarget(entry.name, finalPort, to.protocol);
      if (mapped) {
        hops.push({ kind: 'dnat', label: `${mapped.ip}:${mapped.port}`, detail: `hostPort ${finalPort} (CNI portmap) -> pod ${mapped.pod} ${mapped.ip}:${mapped.port}` });
        if (isLoopback(finalIP)) {
          clientIP = entry.internalIP;
          hops.push({ kind: 'snat', label: clientIP, detail: `portmap masquerades loopback traffic: source -> ${clientIP}` });
        }
        finalIP = mapped.ip;
        finalPort = mapped.port;
      } else {
        return this.deliverToNode(local, entry, { ...to, port: finalPort }, clientIP, hops, now, verdict.finish);
      }
    }

    const target = { ...to, ip: finalIP, port: finalPort };
    const node = this.nodes.byInternalIP(finalIP);
    if (node) return this.deliverToNode(local, node, target, clientIP, hops, now, verdict.finish, entry.name);
    if (this.runtimes.byIP(finalIP).some((p) => !p.hostNetwork)) {
      return this.deliverToPod(local, finalIP, target, { ip: clientIP }, hops, now, verdict.finish, entry.name);
    }
    const reason = this.unroutedReason(finalIP, to, verdict.dnat);
    hops.push({ kind: 'error', label: finalIP, detail: reason });
    return { kind: 'timeout', local, hops, reason };
  }

  /** Sends an HTTP request over an open connection and closes it. */
  exchange(connection: Extract<ConnectOutcome, { kind: 'connected' }>, request: Omit<HttpRequest, 'client' | 'server'>): ServeOutcome {
    const full: HttpRequest = { ...request, client: connection.client, server: connection.serverAddress };
    try {
      return connection.server.serve(full, this.clock.now());
    } finally {
      connection.finish();
    }
  }

  /** One DNS question from `from` to `server`:53 over UDP, through kube-proxy to whatever answers there. */
  dnsQuery(from: NetworkSource, server: string, name: string, type: QueryType): { answer: DnsAnswer | 'timeout'; hops: Hop[] } {
    if (from.kind === 'outside') {
      // The user's machine asks its own resolver, which knows the outside names and nothing of the cluster.
      return { answer: this.outsideResolver().query(name, type), hops: [{ kind: 'dns', label: `${server}:53`, detail: "the user's machine's resolver" }] };
    }
    if (server === DOCKER_HOST_IP && from.kind !== 'pod') {
      return { answer: this.dockerResolver().query(name, type), hops: [{ kind: 'dns', label: `${server}:53`, detail: "Docker's embedded DNS of the kind network" }] };
    }
    const outcome = this.connect(from, { ip: server, port: 53, protocol: 'UDP' });
    if (outcome.kind !== 'connected') return { answer: 'timeout', hops: outcome.hops };
    outcome.finish();
    if (outcome.server.listener?.handler.kind === 'dns' && this.options.dns) return { answer: this.options.dns.query(name, type), hops: outcome.hops };
    return { answer: 'timeout', hops: [...outcome.hops, { kind: 'error', label: `${server}:53`, detail: `${outcome.server.label} is no DNS server` }] };
  }

  /** An ICMP echo request from `from` to `ip`. */
  ping(from: NetworkSource, ip: string): PingOutcome {
    const hops: Hop[] = [{ kind: 'client', label: from.ip, detail: `${describeSource(from)} sends ICMP echo requests to ${ip}` }];
    const reply = (ttl: number, crossNode: boolean, detail: string): PingOutcome => {
      hops.push({ kind: 'answer', label: ip, detail });
      return { replied: true, ttl, crossNode, hops };
    };
    const lost = (reason: string): PingOutcome => {
      hops.push({ kind: 'error', label: ip, detail: reason });
      return { replied: false, ttl: 0, crossNode: false, hops, reason };
    };
    if (isLoopback(ip) || ip === from.ip) return reply(64, false, 'the source itself answers');
    const node = this.nodes.byInternalIP(ip) ?? (from.kind === 'outside' ? this.nodes.byExternalIP(ip) : undefined);
    if (node) return reply(64, from.kind !== 'node' || from.node !== node.name, `node ${node.name} answers`);
    const pod = this.runtimes.byIP(ip).find((p) => !p.hostNetwork);
    if (pod) {
      if (from.kind === 'outside') return lost(`${ip} is a pod address: the pod range is routed only inside the nodes, not from the Docker host`);
      const sameNode = from.node === pod.nodeName;
      // Each node the reply is routed through lowers its TTL by one.
      const ttl = from.kind === 'node' ? (sameNode ? 63 : 62) : sameNode ? 63 : 62;
      return reply(ttl, !sameNode, `pod ${pod.namespace}/${pod.name} answers`);
    }
    // Service addresses: IPVS binds them to kube-ipvs0 on every node, so the node answers; iptables has no ICMP rule.
    const entry = from.kind === 'outside' ? this.outsideVipNode(ip) : this.nodes.get(from.node);
    if (this.options.proxyMode === 'ipvs' && entry) {
      const bound = this.proxies.get(entry.name)?.ipvsProxier()?.dummyDeviceAddresses() ?? [];
      if (bound.includes(ip)) return reply(64, from.kind !== 'node', `${ip} is bound to kube-ipvs0 on ${entry.name}, whose kernel answers the echo itself`);
    }
    const value = parseIPv4(ip);
    if (value !== undefined && cidrContains(this.serviceRange, value)) {
      return lost(`${ip} is a service address: kube-proxy in iptables mode only rewrites TCP/UDP/SCTP to its ports, an ICMP echo matches no rule and is lost`);
    }
    return lost(`no pod or node has the address ${ip}`);
  }

  // ---- entry from outside ---------------------------------------------------

  /** Where a packet from the Docker host enters the cluster. */
  private outsideEntry(to: Destination, hops: Hop[], local: LocalEnd): { node: NodeInfo; ip: string; port?: number } | { failure: ConnectOutcome } {
    if (isLoopback(to.ip)) {
      const mapping = (this.options.hostPortMappings ?? []).find((m) => m.hostPort === to.port && (m.protocol ?? 'TCP') === to.protocol);
      const node = mapping ? this.nodes.get(mapping.node) : undefined;
      if (!mapping || !node) {
        const reason = `nothing listens on port ${to.port} of the Docker host: kind maps no host port ${to.port} into a node (extraPortMappings)`;
        hops.push({ kind: 'error', label: `${to.ip}:${to.port}`, detail: reason });
        return { failure: { kind: 'refused', local, hops, reason } };
      }
      hops.push({ kind: 'node', label: node.name, detail: `Docker publishes host port ${to.port} to ${node.name} (${node.internalIP}) port ${mapping.containerPort} (kind extraPortMappings)` });
      return { node, ip: node.internalIP, port: mapping.containerPort };
    }
    const internal = this.nodes.byInternalIP(to.ip);
    if (internal) return { node: internal, ip: to.ip };
    const external = this.nodes.byExternalIP(to.ip);
    if (external) {
      hops.push({ kind: 'node', label: external.name, detail: `the provider translates the node's public address ${to.ip} to ${external.internalIP}` });
      return { node: external, ip: external.internalIP };
    }
    const announcer = this.outsideVipNode(to.ip);
    if (announcer) {
      hops.push({ kind: 'node', label: announcer.name, detail: `LoadBalancer address ${to.ip} is announced by ${announcer.name} (layer 2)` });
      return { node: announcer, ip: to.ip };
    }
    const reason = this.outsideReason(to.ip);
    hops.push({ kind: 'error', label: to.ip, detail: reason });
    return { failure: { kind: 'timeout', local, hops, reason } };
  }

  /** The node announcing a LoadBalancer address on the Docker network. */
  private outsideVipNode(ip: string): NodeInfo | undefined {
    const state = this.anyProxyState();
    if (!state) return undefined;
    return announcingNode(ip, this.nodes.all(), loadBalancerPorts(state, ip));
  }

  private anyProxyState() {
    for (const proxy of this.proxies.values()) {
      const state = proxy.proxyState();
      if (state) return state;
    }
    return undefined;
  }

  private outsideReason(ip: string): string {
    const value = parseIPv4(ip);
    if (value !== undefined && cidrContains(this.serviceRange, value)) {
      return `${ip} is in the service range ${this.options.serviceCIDR}, which only the nodes route: from outside use a NodePort, a LoadBalancer address or an Ingress`;
    }
    if (value !== undefined && cidrContains(this.podRange, value)) {
      return `${ip} is in the pod range ${this.options.podCIDR}, which only the nodes route: from outside use a NodePort, a LoadBalancer address or an Ingress`;
    }
    const state = this.anyProxyState();
    if (state && state.servicePorts().some((p) => p.loadBalancerVIPs.includes(ip))) {
      return `LoadBalancer address ${ip} has no node to announce it: its service has externalTrafficPolicy Local and no node runs a ready endpoint`;
    }
    return `no node, LoadBalancer or Docker host port answers at ${ip}`;
  }

  // ---- delivery -------------------------------------------------------------

  private isNodeLocal(node: NodeInfo, ip: string, fromNodeItself: boolean): boolean {
    return ip === node.internalIP || (fromNodeItself && isLoopback(ip));
  }

  /** A pod's hostPort on a node (what the CNI portmap plugin DNATs). */
  private hostPortTarget(node: string, port: number, protocol: Protocol): { ip: string; port: number; pod: string } | undefined {
    for (const pod of this.runtimes.all()) {
      if (pod.nodeName !== node || pod.hostNetwork) continue;
      const spec = this.hostPortsOf(pod.namespace, pod.name);
      const match = spec.find((p) => p.hostPort === port && (p.protocol ?? 'TCP') === protocol);
      if (match) return { ip: pod.ip, port: match.containerPort, pod: `${pod.namespace}/${pod.name}` };
    }
    return undefined;
  }

  private readonly hostPortCache = new Map<string, { uid: string; ports: { hostPort: number; containerPort: number; protocol?: string }[] }>();

  private hostPortsOf(namespace: string, name: string): { hostPort: number; containerPort: number; protocol?: string }[] {
    const runtime = this.runtimes.byPod(namespace, name);
    const cached = this.hostPortCache.get(`${namespace}/${name}`);
    if (cached && runtime && cached.uid === runtime.uid) return cached.ports;
    const pod = this.api.tryGet<import('../api/core.ts').Pod>({ kind: 'Pod', namespace, name });
    const ports = (pod?.spec.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => ({ hostPort: p.hostPort!, containerPort: p.containerPort, protocol: p.protocol })));
    if (runtime) this.hostPortCache.set(`${namespace}/${name}`, { uid: runtime.uid, ports });
    return ports;
  }

  private deliverToPod(local: LocalEnd, ip: string, to: Destination, client: { ip: string }, hops: Hop[], now: number, finish?: (at: number) => void, viaNode?: string): ConnectOutcome {
    const pod = this.runtimes.byIP(ip).find((p) => !p.hostNetwork)!;
    if (viaNode && viaNode !== pod.nodeName) {
      const target = this.nodes.get(pod.nodeName);
      hops.push({ kind: 'node', label: pod.nodeName, detail: `kindnet routes ${this.nodes.get(pod.nodeName)?.podCIDRText ?? ip} via ${target?.internalIP ?? '?'} (${pod.nodeName})` });
    }
    const listener = pod.listener(to.port, to.protocol, now);
    if (listener?.loopbackOnly && !isLoopback(to.ip)) {
      const reason = explainLoopbackOnly(pod, to.port, to.protocol);
      hops.push({ kind: 'pod', label: `${pod.namespace}/${pod.name}`, detail: reason });
      finish?.(now);
      return { kind: 'refused', local, hops, reason };
    }
    if (!listener) {
      const reason = explainNotListening(pod, to.port, to.protocol, pod.listeners(now));
      hops.push({ kind: 'pod', label: `${pod.namespace}/${pod.name}`, detail: reason });
      finish?.(now);
      return { kind: 'refused', local, hops, reason };
    }
    const server = podServerEnd(pod, listener, () => this.ingress);
    return this.connected(local, server, client.ip, { ip, port: to.port }, hops, now, finish);
  }

  private deliverToNode(local: LocalEnd, node: NodeInfo, to: Destination, clientIP: string, hops: Hop[], now: number, finish?: (at: number) => void, viaNode?: string): ConnectOutcome {
    if (viaNode && viaNode !== node.name) hops.push({ kind: 'node', label: node.name, detail: `forwarded to ${node.name} (${node.internalIP})` });
    const hostPod = this.runtimes.listener(node.internalIP, to.port, to.protocol, now);
    if (hostPod) {
      return this.connected(local, podServerEnd(hostPod.pod, hostPod.listener, () => this.ingress), clientIP, { ip: node.internalIP, port: to.port }, hops, now, finish);
    }
    const daemon = nodeDaemon(
      {
        node: node.name,
        nodeIP: node.internalIP,
        controlPlane: node.controlPlane,
        proxy: this.proxies.get(node.name),
        proxyStartedMs: this.proxyStarted.get(node.name) ?? now,
        apiServerCertificate: this.options.apiServerCertificate,
      },
      to.port,
      to.protocol,
    );
    if (daemon) return this.connected(local, daemon, clientIP, { ip: node.internalIP, port: to.port }, hops, now, finish);
    const reason = `nothing listens on node ${node.name} (${node.internalIP}) port ${to.port}/${to.protocol}`;
    hops.push({ kind: 'node', label: node.name, detail: reason });
    finish?.(now);
    return { kind: 'refused', local, hops, reason };
  }

  private connected(local: LocalEnd, server: ServerEnd, clientIP: string, serverAddress: { ip: string; port: number }, hops: Hop[], now: number, finish?: (at: number) => void): ConnectOutcome {
    hops.push({ kind: 'pod', label: serverAddress.ip + ':' + serverAddress.port, detail: `${server.label} accepts the connection from ${clientIP}` });
    // Unless a MASQUERADE (--random-fully) rewrote the source, the server sees the client's own port.
    const port = clientIP === local.ip ? local.port : this.ports.int(EPHEMERAL_FIRST, EPHEMERAL_LAST);
    return {
      kind: 'connected',
      local,
      server,
      client: { ip: clientIP, port },
      serverAddress,
      hops,
      finish: () => finish?.(this.clock.now()),
    };
  }

  // ---- explanations ---------------------------------------------------------

  /** kube-proxy REJECTs in the filter table a service port that has no endpoint at all. */
  private rejectReason(node: string, dst: string, to: Destination): string {
    const state = this.proxies.get(node)?.proxyState();
    const local = this.nodes.byInternalIP(dst) !== undefined || isLoopback(dst);
    const port = state
      ?.servicePorts()
      .find((p) => p.protocol === to.protocol && ((p.port === to.port && (p.clusterIP === dst || p.externalIPs.includes(dst) || p.loadBalancerVIPs.includes(dst))) || (local && p.nodePort === to.port)));
    if (port) return explainNoEndpoints(this.api, port.namespace, port.serviceName);
    return `a REJECT rule matched ${dst}:${to.port}/${to.protocol}`;
  }

  private dropReason(node: string, dst: string, to: Destination): string {
    const state = this.proxies.get(node)?.proxyState();
    const port = state?.servicePorts().find((p) => (p.clusterIP === dst || p.externalIPs.includes(dst) || p.loadBalancerVIPs.includes(dst) || this.nodes.byInternalIP(dst)) && (p.port === to.port || p.nodePort === to.port) && p.protocol === to.protocol);
    if (port && port.externalPolicyLocal) return explainLocalDrop(this.api, port.namespace, port.serviceName, node);
    if (port) return `service port ${port.servicePortName} has no endpoint node ${node} may use: kube-proxy drops the packet`;
    return `a DROP rule on ${node} matched ${dst}:${to.port}/${to.protocol}`;
  }

  private unroutedReason(ip: string, to: Destination, dnat: boolean): string {
    if (dnat) return `the endpoint ${ip}:${to.port} has no pod sandbox any more (a stale endpoint): the packet is lost`;
    const value = parseIPv4(ip);
    if (value !== undefined && cidrContains(this.podRange, value)) return `no pod has the address ${ip}: kindnet routes it to its node, where nothing answers`;
    return explainUnmatched(this.api, ip, to.port, to.protocol);
  }

  private outsideNames?: DockerDns;

  private outsideResolver(): DockerDns {
    this.outsideNames ??= new DockerDns(new Map(), this.options.externalHosts);
    return this.outsideNames;
  }

  private dockerResolver(): DockerDns {
    const nodes = this.nodes.all();
    const key = nodes.map((n) => `${n.name}=${n.internalIP}`).join(',');
    if (!this.dockerDns || this.dockerDns.nodes !== key) {
      this.dockerDns = { nodes: key, resolver: new DockerDns(new Map(nodes.map((n) => [n.name, n.internalIP])), this.options.externalHosts) };
    }
    return this.dockerDns.resolver;
  }
}
