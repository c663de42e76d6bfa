/**
 * The kubeconfig for the user's machine, made from the admin.conf kubeadm
 * wrote on the control plane, as `kind get kubeconfig` makes it
 * (pkg/cluster/internal/kubeconfig: KINDFromRawKubeadm): the cluster, user and
 * context are all named kind-CLUSTER, and the server is the API server's port
 * published on the host (https://127.0.0.1:PORT) instead of the address inside
 * the docker network.
 */
import { parse, stringify } from 'yaml';
import { kindContextName } from './node-names.ts';

export class KubeconfigError extends Error {}

interface NamedEntry {
  name?: string;
  [key: string]: unknown;
}

interface RawKubeconfig {
  clusters?: (NamedEntry & { cluster?: Record<string, unknown> })[];
  users?: (NamedEntry & { user?: Record<string, unknown> })[];
  contexts?: (NamedEntry & { context?: Record<string, unknown> })[];
  [key: string]: unknown;
}

/** Rewrites admin.conf for the host; `server` is e.g. https://127.0.0.1:39215. */
export function hostKubeconfig(adminConf: string, clusterName: string, server: string): string {
  let raw: RawKubeconfig;
  try {
    raw = parse(adminConf) as RawKubeconfig;
  } catch (error) {
    throw new KubeconfigError(`the control plane's /etc/kubernetes/admin.conf is not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const cluster = raw?.clusters?.[0]?.cluster;
  const user = raw?.users?.[0]?.user;
  if (!cluster || !user || raw.clusters?.length !== 1 || raw.users?.length !== 1) {
    throw new KubeconfigError("the control plane's /etc/kubernetes/admin.conf does not hold exactly one cluster and one user, as kubeadm writes it");
  }
  const key = kindContextName(clusterName);
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: key, cluster: { ...cluster, server } }],
    users: [{ name: key, user }],
    contexts: [{ name: key, context: { cluster: key, user: key } }],
    'current-context': key,
  });
}
