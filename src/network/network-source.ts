/**
 * Where a request starts: a pod (its sandbox IP on its node), a node's own
 * network namespace (a node shell, a hostNetwork pod), or a client outside
 * the cluster network. On kind the outside client is the Docker host: it sits
 * on the `kind` Docker network as the bridge gateway 172.18.0.1 and reaches
 * node IPs, LoadBalancer addresses and the ports kind maps on the host, never
 * the pod or service ranges (they are routed only inside the nodes).
 */

/** The Docker host's address on kind's network: what a server sees when the laptop connects. */
export const DOCKER_HOST_IP = '172.18.0.1';

export type NetworkSource =
  /** A pod on the pod network; `hostNetwork` pods are `node` sources with a pod name for traces. */
  | { kind: 'pod'; namespace: string; name: string; ip: string; node: string }
  /** A process in a node's network namespace: a node shell or a hostNetwork pod (`pod` names it). */
  | { kind: 'node'; node: string; ip: string; pod?: { namespace: string; name: string } }
  /** The Docker host (the user's machine on kind). */
  | { kind: 'outside'; ip: string };

/** "pod default/curl (10.244.1.5 on kind-worker)", "node kind-worker (172.18.0.3)", "outside (172.18.0.1)". */
export function describeSource(source: NetworkSource): string {
  switch (source.kind) {
    case 'pod':
      return `pod ${source.namespace}/${source.name} (${source.ip} on ${source.node})`;
    case 'node':
      return source.pod ? `pod ${source.pod.namespace}/${source.pod.name} (hostNetwork, ${source.ip} on ${source.node})` : `node ${source.node} (${source.ip})`;
    case 'outside':
      return `outside the cluster (${source.ip})`;
  }
}

/** The node whose kernel first sees the source's packets, if the source is inside the cluster. */
export function sourceNode(source: NetworkSource): string | undefined {
  return source.kind === 'outside' ? undefined : source.node;
}
