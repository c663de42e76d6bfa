/**
 * CoreDNS as a process in the control plane's namespace, watching the API server
 * with the Corefile kubeadm writes, minus the forwarder (this machine reaches no
 * outside resolver) and bound to the node address, so the host can ask it
 * directly (dig @172.18.0.2) for the cross-checks.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../layout.ts';
import { CONTROL_PLANE } from '../network.ts';
import { REFERENCE_CONTEXT } from '../kubeconfig-file.ts';
import type { Component } from './components.ts';
import { CLUSTER_DOMAIN } from './components.ts';

/** The Corefile of kubeadm's CoreDNS addon (FIDELITY §6), with bind and kubeconfig added and forward left out. */
export function referenceCorefile(kubeconfig: string): string {
  return `.:53 {
    bind ${CONTROL_PLANE.address}
    errors
    health {
       lameduck 5s
    }
    ready 127.0.0.1:8181
    kubernetes ${CLUSTER_DOMAIN} in-addr.arpa ip6.arpa {
       kubeconfig ${kubeconfig} ${REFERENCE_CONTEXT}
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus 127.0.0.1:9153
    cache 30
    loop
    reload
    loadbalance
}
`;
}

export function corednsComponent(l: Layout): Component {
  const corefile = join(l.runDir, 'Corefile');
  writeFileSync(corefile, referenceCorefile(join(l.runDir, 'admin-local.conf')));
  return {
    name: 'coredns',
    binary: join(l.binDir, 'coredns'),
    netns: CONTROL_PLANE.netns,
    args: ['-conf', corefile],
    ready: { http: 'http://127.0.0.1:8181/ready' },
  };
}
