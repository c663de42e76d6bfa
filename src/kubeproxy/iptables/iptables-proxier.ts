/**
 * kube-proxy in iptables mode for one node: keeps the rendered rules of every
 * service port, re-rendering only the ports that changed (kube-proxy's partial
 * sync), and assembles the node's tables for iptables-save, iptables -L and the
 * packet walker.
 */
import type { ProxyNodeConfig, ProxyState, ServicePortChangeListener, ServicePortInfo } from '../proxy-state.ts';
import { filterJumpRules, forwardRules, markMasqRules, natJumpRules, nodePortsTailRule, postroutingRules } from './base-rules.ts';
import { DEFAULT_KIND_NODE_NETWORK, KIND_NODE_CHAINS, KUBELET_FIREWALL_JUMPS, LOCALNET_DROP_RULE, dockerDnsJumpRules, kindNatChains, type KindNodeNetwork } from './kind-node-rules.ts';
import { restoreLine, type Rule, type TableName } from './rule.ts';
import {
  KUBE_EXTERNAL_SERVICES,
  KUBE_FIREWALL,
  KUBE_FORWARD,
  KUBE_MARK_MASQ,
  KUBE_NODEPORTS,
  KUBE_POSTROUTING,
  KUBE_PROXY_FIREWALL,
  KUBE_SERVICES,
  buildServicePortRules,
  type ServicePortRules,
  type ServiceRuleOptions,
} from './service-rules.ts';
import { makeTable, type TableView } from './tables.ts';

/** kube-proxy switches to "large cluster mode" above this many endpoints (largeClusterEndpointsThreshold). */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

/** Whether kube-proxy's nfacct counters exist: yes on kind (ProxyNodeConfig.nfacctCounters). */
function nfacctCounters(config: ProxyNodeConfig): boolean {
  return config.nfacctCounters ?? true;
}

interface RenderedPort {
  version: number;
  largeClusterMode: boolean;
  rules: ServicePortRules;
  /** The serviceIndex and nodePortIndex keys this port owns. */
  serviceKeys: string[];
  nodePortKey?: string;
}

/** Where a packet to ip:port/protocol enters kube-proxy's nat KUBE-SERVICES chain. */
export interface ServiceEntry {
  portKey: string;
  /** Index of the rule in the port's natServices. */
  ruleIndex: number;
}

export class IptablesProxier implements ServicePortChangeListener {
  private readonly rendered = new Map<string, RenderedPort>();
  private readonly dirty = new Set<string>();
  /** nat chain name -> rules, for every per-port chain. */
  private readonly natChainIndex = new Map<string, Rule[]>();
  /** "ip:port/proto" -> nat KUBE-SERVICES entry. */
  private readonly serviceIndex = new Map<string, ServiceEntry>();
  /** "nodePort/proto" -> port key. */
  private readonly nodePortIndex = new Map<string, string>();
  /** Rule offsets of each port in KUBE-SERVICES, recomputed when the layout changes. */
  private servicesOffsets: Map<string, number> | undefined;
  private servicesLength = 1;
  /** The comment mode every rendered port currently uses. */
  private renderedLargeMode: boolean | undefined;
  private readonly kindNetwork: KindNodeNetwork;
  /** Bumped whenever a port's filter-table rules change (the walker caches the other tables). */
  private filterVersion = 0;

  constructor(
    readonly state: ProxyState,
    kindNetwork: Partial<KindNodeNetwork> = {},
  ) {
    this.kindNetwork = { ...DEFAULT_KIND_NODE_NETWORK, podSubnet: state.config.clusterCIDR, ...kindNetwork };
    state.subscribe(this);
    for (const port of state.servicePorts()) this.dirty.add(port.key);
  }

  servicePortChanged(key: string): void {
    this.dirty.add(key);
  }

  /** Whether kube-proxy would drop endpoint comments now. */
  largeClusterMode(): boolean {
    return this.state.totalEndpoints() > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  }

  private ruleOptions(): ServiceRuleOptions {
    const c = this.state.config;
    return {
      clusterCIDR: c.clusterCIDR,
      masqueradeAll: c.masqueradeAll ?? false,
      localhostNodePorts: c.localhostNodePorts ?? true,
      nfacctCounters: nfacctCounters(c),
      nodeIP: c.nodeIPs[0] ?? '',
      largeClusterMode: this.largeClusterMode(),
    };
  }

  /** Re-renders the service ports that changed since the last sync. */
  sync(): void {
    const large = this.largeClusterMode();
    if (this.dirty.size === 0 && this.renderedLargeMode === large) return;
    const options = this.ruleOptions();
    for (const key of this.dirty) this.renderPort(key, options);
    this.dirty.clear();
    // Crossing the large-cluster threshold changes every port's comments (a full sync).
    if (this.renderedLargeMode !== large) for (const [key, entry] of this.rendered) if (entry.largeClusterMode !== large) this.renderPort(key, options);
    this.renderedLargeMode = large;
  }

  private renderPort(key: string, options: ServiceRuleOptions): void {
    const old = this.rendered.get(key);
    const port = this.state.servicePort(key);
    if (old) this.unindex(old);
    if (!port) {
      if (old?.rules.filter.length) this.filterVersion++;
      this.rendered.delete(key);
      this.servicesOffsets = undefined;
      return;
    }
    const rules = buildServicePortRules(port, options);
    if (!old || old.rules.natServices.length !== rules.natServices.length) this.servicesOffsets = undefined;
    if ((old?.rules.filter.length ?? 0) + rules.filter.length > 0) this.filterVersion++;
    const entry: RenderedPort = { version: port.version, largeClusterMode: options.largeClusterMode, rules, serviceKeys: [] };
    this.index(key, port, entry);
    this.rendered.set(key, entry);
  }

  private index(key: string, port: ServicePortInfo, entry: RenderedPort): void {
    for (const chain of entry.rules.natChains) this.natChainIndex.set(chain.name, chain.rules);
    entry.rules.natServices.forEach((rule, ruleIndex) => {
      const dst = rule.args.find((a) => a.k === 'dst');
      if (dst && dst.k === 'dst') {
        const indexKey = `${dst.addr}:${port.port}/${port.protocol}`;
        this.serviceIndex.set(indexKey, { portKey: key, ruleIndex });
        entry.serviceKeys.push(indexKey);
      }
    });
    if (port.nodePort) {
      entry.nodePortKey = `${port.nodePort}/${port.protocol}`;
      this.nodePortIndex.set(entry.nodePortKey, key);
    }
  }

  private unindex(entry: RenderedPort): void {
    for (const chain of entry.rules.natChains) this.natChainIndex.delete(chain.name);
    for (const k of entry.serviceKeys) this.serviceIndex.delete(k);
    if (entry.nodePortKey) this.nodePortIndex.delete(entry.nodePortKey);
  }

  /** The rendered rules of one service port. */
  servicePortRules(key: string): ServicePortRules | undefined {
    this.sync();
    return this.rendered.get(key)?.rules;
  }

  /** A per-port nat chain (KUBE-SVC-, KUBE-SEP- ...). */
  natChain(name: string): Rule[] | undefined {
    this.sync();
    return this.natChainIndex.get(name);
  }

  /** The nat KUBE-SERVICES rule a packet to ip:port/protocol hits, and its 0-based position in the chain. */
  findServiceRule(ip: string, port: number, protocol: string): { rule: Rule; position: number; portKey: string } | undefined {
    this.sync();
    const entry = this.serviceIndex.get(`${ip}:${port}/${protocol}`);
    if (!entry) return undefined;
    const rendered = this.rendered.get(entry.portKey)!;
    return { rule: rendered.rules.natServices[entry.ruleIndex], position: this.offsets().get(entry.portKey)! + entry.ruleIndex, portKey: entry.portKey };
  }

  /** The port key owning a NodePort. */
  findNodePort(nodePort: number, protocol: string): string | undefined {
    this.sync();
    return this.nodePortIndex.get(`${nodePort}/${protocol}`);
  }

  /** Number of rules in nat KUBE-SERVICES, the tail rule included. */
  servicesChainLength(): number {
    this.sync();
    this.offsets();
    return this.servicesLength;
  }

  private offsets(): Map<string, number> {
    if (!this.servicesOffsets) {
      const offsets = new Map<string, number>();
      let n = 0;
      for (const port of this.state.servicePorts()) {
        offsets.set(port.key, n);
        n += this.rendered.get(port.key)?.rules.natServices.length ?? 0;
      }
      this.servicesOffsets = offsets;
      this.servicesLength = n + 1;
    }
    return this.servicesOffsets;
  }

  private orderedRendered(): ServicePortRules[] {
    this.sync();
    return this.state.servicePorts().map((p) => this.rendered.get(p.key)!.rules);
  }

  /**
   * What kube-proxy feeds iptables-restore on a full sync, service ports in
   * sorted order (kube-proxy iterates a Go map; tests sort as proxier_test.go does).
   */
  restoreData(): string {
    const c = this.state.config;
    const localhost = c.localhostNodePorts ?? true;
    const ports = this.orderedRendered();
    const lines: string[] = ['*filter'];
    const filterChains = [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL];
    if (localhost) filterChains.push(KUBE_FIREWALL);
    for (const chain of filterChains) lines.push(`:${chain} - [0:0]`);
    if (localhost) lines.push(restoreLine(LOCALNET_DROP_RULE));
    for (const p of ports) for (const rule of p.filter) lines.push(restoreLine(rule));
    for (const rule of forwardRules(c.conntrackTCPLiberal ?? false, nfacctCounters(c))) lines.push(restoreLine(rule));
    lines.push('COMMIT', '*nat');
    for (const chain of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) lines.push(`:${chain} - [0:0]`);
    for (const p of ports) for (const chain of p.natChains) lines.push(`:${chain.name} - [0:0]`);
    for (const rule of postroutingRules(c.masqueradeRandomFully ?? true)) lines.push(restoreLine(rule));
    for (const rule of markMasqRules()) lines.push(restoreLine(rule));
    for (const p of ports) {
      for (const rule of p.natServices) lines.push(restoreLine(rule));
      for (const rule of p.natNodePorts) lines.push(restoreLine(rule));
      for (const chain of p.natChains) for (const rule of chain.rules) lines.push(restoreLine(rule));
    }
    lines.push(restoreLine(nodePortsTailRule(localhost)));
    lines.push('COMMIT');
    return lines.join('\n') + '\n';
  }

  /** Changes whenever baseTables() would change. */
  layoutStamp(): string {
    this.sync();
    return String(this.filterVersion);
  }

  /**
   * The tables without the per-service nat rules (KUBE-SERVICES keeps only its
   * tail rule, KUBE-NODEPORTS is empty): what the packet walker scans, the rest
   * being looked up through the indexes.
   */
  baseTables(): Record<TableName, TableView> {
    return this.buildTables(false);
  }

  /** The node's mangle, filter and nat tables as a kind node has them. */
  tables(): Record<TableName, TableView> {
    return this.buildTables(true);
  }

  private buildTables(withServiceNat: boolean): Record<TableName, TableView> {
    const c = this.state.config;
    const localhost = c.localhostNodePorts ?? true;
    const ports = this.orderedRendered();
    const net = this.kindNetwork;

    const mangle = makeTable('mangle', {}, new Map([...KIND_NODE_CHAINS.mangle, 'KUBE-PROXY-CANARY'].map((n) => [n, []])));

    const filterUser = new Map<string, Rule[]>();
    for (const name of [...KIND_NODE_CHAINS.filter, 'KUBE-PROXY-CANARY', KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) filterUser.set(name, []);
    if (localhost) filterUser.get(KUBE_FIREWALL)!.push(LOCALNET_DROP_RULE);
    for (const p of ports) for (const rule of p.filter) filterUser.get(rule.chain)!.push(rule);
    filterUser.set(KUBE_FORWARD, forwardRules(c.conntrackTCPLiberal ?? false, nfacctCounters(c)));
    const filterBuiltins = filterJumpRules();
    filterBuiltins.INPUT.push(KUBELET_FIREWALL_JUMPS.input);
    filterBuiltins.OUTPUT.push(KUBELET_FIREWALL_JUMPS.output);
    const filter = makeTable('filter', filterBuiltins, filterUser);

    const natUser = new Map<string, Rule[]>();
    for (const name of [...KIND_NODE_CHAINS.nat, 'KUBE-PROXY-CANARY']) natUser.set(name, []);
    for (const [name, rules] of Object.entries(kindNatChains(net))) natUser.set(name, rules);
    const services: Rule[] = [];
    const nodePorts: Rule[] = [];
    if (withServiceNat) {
      for (const p of ports) {
        services.push(...p.natServices);
        nodePorts.push(...p.natNodePorts);
        for (const chain of p.natChains) natUser.set(chain.name, chain.rules);
      }
    }
    services.push(nodePortsTailRule(localhost));
    natUser.set(KUBE_SERVICES, services);
    natUser.set(KUBE_NODEPORTS, nodePorts);
    natUser.set(KUBE_POSTROUTING, postroutingRules(c.masqueradeRandomFully ?? true));
    natUser.set(KUBE_MARK_MASQ, markMasqRules());
    const natBuiltins = natJumpRules();
    const docker = dockerDnsJumpRules(net);
    natBuiltins.PREROUTING.push(...docker.prerouting);
    natBuiltins.OUTPUT.push(...docker.output);
    natBuiltins.POSTROUTING.push(...docker.postrouting);
    const nat = makeTable('nat', natBuiltins, natUser);

    return { mangle, filter, nat };
  }
}
