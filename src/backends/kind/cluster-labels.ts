/**
 * The labels on a node container. kind's own two (providers/docker/constants.go)
 * find a cluster's nodes and their roles; ours say that kube-scenarios made the
 * container, with which creation-time options, and by which process, so that a
 * later run can decide to reuse it — and never touches a cluster it did not make.
 */
import type { KindClusterOptions } from './cluster-options.ts';
import type { NodeRole } from './node-names.ts';

/** kind: the cluster a node container belongs to. */
export const CLUSTER_LABEL = 'io.x-k8s.kind.cluster';
/** kind: the node's role. */
export const ROLE_LABEL = 'io.x-k8s.kind.role';
/** The label kube-scenarios puts on everything it creates (namespaces too). */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'kube-scenarios';
/** The creation-time options, as canonical JSON. */
export const OPTIONS_LABEL = 'dev.kube-scenarios.kind-options';
/** host:pid of the process that created the container. */
export const CREATOR_LABEL = 'dev.kube-scenarios.creator';

/**
 * What cannot change once the containers exist. The LoadBalancer provider is
 * left out: it can be installed into a running cluster.
 */
export interface CreationOptions {
  nodeImage: string;
  kubernetesVersion: string;
  workers: number;
  kubeProxyMode: string;
  podSubnet: string;
  serviceSubnet: string;
  privileges: string;
  /** Host ports 80 and 443 and the ingress-ready label are set when the nodes are made. */
  ingressNginx: boolean;
}

export function creationOptions(o: KindClusterOptions): CreationOptions {
  return {
    nodeImage: o.nodeImage,
    kubernetesVersion: o.kubernetesVersion,
    workers: o.workers,
    kubeProxyMode: o.kubeProxyMode,
    podSubnet: o.podSubnet,
    serviceSubnet: o.serviceSubnet,
    privileges: o.privileges.kind === 'privileged' ? 'privileged' : [...o.privileges.add, ...o.privileges.drop.map((c) => `-${c}`)].join(','),
    ingressNginx: o.ingressNginx,
  };
}

/** The labels of one node container. */
export function nodeLabels(o: KindClusterOptions, role: NodeRole, creator: string): Record<string, string> {
  return {
    [CLUSTER_LABEL]: o.name,
    [ROLE_LABEL]: role,
    [MANAGED_BY_LABEL]: MANAGED_BY,
    [OPTIONS_LABEL]: JSON.stringify(creationOptions(o)),
    [CREATOR_LABEL]: creator,
  };
}

/** The creation options a container's labels record, if they are ours and readable. */
export function labelledCreationOptions(labels: Record<string, string>): CreationOptions | undefined {
  if (labels[MANAGED_BY_LABEL] !== MANAGED_BY || !labels[OPTIONS_LABEL]) return undefined;
  try {
    return JSON.parse(labels[OPTIONS_LABEL]) as CreationOptions;
  } catch {
    return undefined;
  }
}
