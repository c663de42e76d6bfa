/**
 * The nodes' own resolver, as a kind node has it. Docker gives a container on
 * a user network the embedded DNS 127.0.0.11, which forwards to the machine's
 * resolvers; kind's node entrypoint (kubernetes-sigs/kind
 * images/base/files/usr/local/bin/entrypoint, enable_network_magic) rewrites
 * that nameserver to the network's gateway and DNATs it there, so pods using
 * the node's resolv.conf (CoreDNS, dnsPolicy Default) reach it too. Here a
 * CoreDNS process of the machine stands in for the embedded DNS: bound to the
 * bridge's gateway address only (172.18.0.1:53, nothing outside the cluster's
 * bridge), forwarding to the machine's resolvers. CoreDNS's pods then forward
 * what is not cluster.local upstream, and `nslookup kubernetes.default` gets
 * the same NXDOMAIN as on kind instead of a timeout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../layout.ts';
import { BRIDGE_ADDRESS } from '../network.ts';
import type { Component } from './components.ts';

/** The Corefile: forward everything to the machine's resolvers, from the gateway address. */
export function upstreamCorefile(address: string = BRIDGE_ADDRESS): string {
  return `.:53 {
    bind ${address}
    errors
    forward . /etc/resolv.conf
    cache 30
}
`;
}

/**
 * A node's resolv.conf from the machine's: docker keeps the search and
 * options lines and puts its resolver in place of the nameservers, which
 * kind's entrypoint points at the gateway.
 */
export function nodeResolvConf(machine: string, gateway: string = BRIDGE_ADDRESS): string {
  const kept = machine.split('\n').filter((line) => line.trim() !== '' && !/^\s*nameserver\s/.test(line));
  return [`nameserver ${gateway}`, ...kept].join('\n') + '\n';
}

/** The process: CoreDNS in the machine's network namespace (it must reach the machine's resolvers). */
export function upstreamDnsComponent(l: Layout): Component {
  const corefile = join(l.runDir, 'Corefile.upstream');
  writeFileSync(corefile, upstreamCorefile());
  return {
    name: 'upstream-dns',
    binary: join(l.binDir, 'coredns'),
    args: ['-conf', corefile],
    // CoreDNS prints its version once every server block listens.
    ready: { logLine: /^CoreDNS-\d/m },
  };
}
