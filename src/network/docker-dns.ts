/**
 * The resolver a kind node asks: Docker's embedded DNS for the `kind`
 * network, which kind's entrypoint exposes at the network gateway
 * (172.18.0.1, the node's /etc/resolv.conf). It knows the containers of the
 * network by name (the nodes) and forwards everything else to the host's
 * resolver, which here knows only the scenario's declared outside names.
 * Cluster names (my-nginx.default.svc.cluster.local) are unknown to it.
 */
import type { DnsAnswer, QueryType, Resolver } from '../coredns/dns-message.ts';
import { Upstream } from '../coredns/upstream.ts';

export class DockerDns implements Resolver {
  private upstream: Upstream;

  constructor(nodes: ReadonlyMap<string, string>, externalHosts: Readonly<Record<string, string>> = {}) {
    const names = new Map<string, string[]>();
    for (const [name, ip] of nodes) names.set(name, [ip]);
    for (const [name, ip] of Object.entries(externalHosts)) names.set(name, [ip]);
    this.upstream = new Upstream(names);
  }

  query(name: string, type: QueryType): DnsAnswer {
    return this.upstream.lookup(name, type);
  }
}
