/**
 * The PlaceNetwork of each kind of place: a container (its pod's address, or
 * its node's for hostNetwork pods; its image's C library), a node shell, and
 * the user's machine outside the cluster (the Docker host on kind's network,
 * which has its own /etc/hosts and a resolver that knows only outside names).
 */
import type { ContainerRuntimeContext } from '../kubelet/runtime/program-registry.ts';
import type { ClusterNetwork } from './cluster-network.ts';
import { imageLibc } from './image-libc.ts';
import { DOCKER_HOST_IP, type NetworkSource } from './network-source.ts';
import { NODE_RESOLV_CONF, PlaceNetwork } from './place-network.ts';

/** The network a container's programs use. */
export function containerPlace(network: ClusterNetwork, container: ContainerRuntimeContext): PlaceNetwork {
  const source: NetworkSource = container.hostNetwork
    ? { kind: 'node', node: container.nodeName, ip: container.podIP, pod: { namespace: container.namespace, name: container.podName } }
    : { kind: 'pod', namespace: container.namespace, name: container.podName, ip: container.podIP, node: container.nodeName };
  return new PlaceNetwork(network, source, imageLibc(container.image));
}

/** The network of a shell on a node (kind's node image is Debian: glibc). */
export function nodePlace(network: ClusterNetwork, nodeName: string): PlaceNetwork | undefined {
  const node = network.nodes.get(nodeName);
  if (!node) return undefined;
  return new PlaceNetwork(network, { kind: 'node', node: nodeName, ip: node.internalIP }, 'glibc', NODE_RESOLV_CONF);
}

/** The user's machine: the Docker host, 172.18.0.1 on kind's network. */
export function outsidePlace(network: ClusterNetwork): PlaceNetwork {
  return new PlaceNetwork(network, { kind: 'outside', ip: DOCKER_HOST_IP }, 'glibc', `nameserver ${OUTSIDE_RESOLVER}\n`);
}

/** Stands for whatever resolver the user's machine uses; it knows only the scenario's outside names. */
export const OUTSIDE_RESOLVER = '192.0.2.53';
