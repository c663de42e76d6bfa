/**
 * The cluster's nodes as the network needs them: names, addresses, pod
 * ranges and labels, kept from the API server's Node watch so that routing a
 * packet never lists objects. kind gives each node one InternalIP on the
 * Docker network (172.18.0.2, .3 ...) and a /24 of the pod range.
 */
import type { Node } from '../api/core.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { cidrContains, parseCidr, parseIPv4, type Cidr } from '../kubeproxy/ipv4.ts';

export interface NodeInfo {
  name: string;
  internalIP: string;
  /** A cloud's public address (1:1 NAT to internalIP), when the profile gives nodes one. */
  externalIP?: string;
  podCIDR?: Cidr;
  podCIDRText?: string;
  labels: Record<string, string>;
  controlPlane: boolean;
}

export class NodeDirectory {
  private nodes: NodeInfo[] = [];
  private byName = new Map<string, NodeInfo>();
  private byAddress = new Map<string, NodeInfo>();
  private dirty = true;
  private readonly unwatch: () => void;

  constructor(private readonly api: ApiServer) {
    this.unwatch = api.watch('Node', () => (this.dirty = true));
  }

  close(): void {
    this.unwatch();
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.nodes = this.api
      .list<Node>('Node')
      .map((node): NodeInfo => {
        const addresses = node.status?.addresses ?? [];
        const cidr = node.spec?.podCIDR;
        const labels = node.metadata.labels ?? {};
        return {
          name: node.metadata.name ?? '',
          internalIP: addresses.find((a) => a.type === 'InternalIP')?.address ?? '',
          externalIP: addresses.find((a) => a.type === 'ExternalIP')?.address,
          podCIDR: cidr ? parseCidr(cidr) : undefined,
          podCIDRText: cidr,
          labels,
          controlPlane: 'node-role.kubernetes.io/control-plane' in labels,
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.byName = new Map(this.nodes.map((n) => [n.name, n]));
    this.byAddress = new Map();
    for (const n of this.nodes) {
      if (n.internalIP) this.byAddress.set(n.internalIP, n);
    }
  }

  all(): readonly NodeInfo[] {
    this.refresh();
    return this.nodes;
  }

  get(name: string): NodeInfo | undefined {
    this.refresh();
    return this.byName.get(name);
  }

  /** The node owning an InternalIP. */
  byInternalIP(ip: string): NodeInfo | undefined {
    this.refresh();
    return this.byAddress.get(ip);
  }

  /** The node whose public address this is. */
  byExternalIP(ip: string): NodeInfo | undefined {
    this.refresh();
    return this.nodes.find((n) => n.externalIP === ip);
  }

  /** The node whose pod range holds `ip` (where kindnet routes it). */
  podRangeOwner(ip: string): NodeInfo | undefined {
    this.refresh();
    const value = parseIPv4(ip);
    if (value === undefined) return undefined;
    return this.nodes.find((n) => n.podCIDR && cidrContains(n.podCIDR, value));
  }
}
