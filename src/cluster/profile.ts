/**
 * Cluster profiles as data: what a fresh memory cluster holds before a
 * scenario's first command. The default is a kind cluster with one control
 * plane and two workers (kind: pkg/apis/config/v1alpha4/default.go; FIDELITY §2).
 */
import type { ClusterProfileChange } from '../backend/backend.ts';

export interface NodeProfile {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  externalIP?: string;
  podCIDR: string;
}

export interface LoadBalancerProfile {
  kind: 'ip-pool' | 'hostname';
  /** ip-pool: first and last address handed out. */
  first?: string;
  last?: string;
}

export interface ClusterProfile {
  name: string;
  kubernetesVersion: string;
  /** Patch release the server reports, e.g. v1.31.0 (kindest/node:v1.31.0). */
  serverGitVersion: string;
  nodes: NodeProfile[];
  podCIDR: string;
  serviceCIDR: string;
  clusterDomain: string;
  proxyMode: 'iptables' | 'ipvs';
  ipvsScheduler: string;
  /** undefined: LoadBalancer services stay <pending>, as on plain kind. */
  loadBalancer?: LoadBalancerProfile;
  ingressNginx: boolean;
  /** Names outside the cluster that resolve from pods (ExternalName targets); others are NXDOMAIN. */
  externalHosts: Record<string, string>;
  /** The API server's address in the kubeconfig kind writes. */
  controlPlaneURL: string;
}

/** kindest/node image tags by minor version (kind release notes). */
const SERVER_VERSIONS: Record<string, string> = {
  '1.19': 'v1.19.16',
  '1.20': 'v1.20.15',
  '1.21': 'v1.21.14',
  '1.22': 'v1.22.17',
  '1.23': 'v1.23.17',
  '1.24': 'v1.24.17',
  '1.25': 'v1.25.16',
  '1.26': 'v1.26.15',
  '1.27': 'v1.27.16',
  '1.28': 'v1.28.13',
  '1.29': 'v1.29.8',
  '1.30': 'v1.30.4',
  '1.31': 'v1.31.0',
  '1.32': 'v1.32.0',
};

function nodeName(index: number): string {
  if (index === 0) return 'kind-control-plane';
  return index === 1 ? 'kind-worker' : `kind-worker${index}`;
}

/** kind's nodes: 172.18.0.2 onwards on the docker network; pod CIDRs 10.244.N.0/24 in node order. */
export function kindNodes(workers: number, withExternalIPs: boolean): NodeProfile[] {
  return Array.from({ length: workers + 1 }, (_, i) => ({
    name: nodeName(i),
    role: i === 0 ? 'control-plane' : 'worker',
    internalIP: `172.18.0.${i + 2}`,
    // Documentation addresses (RFC 5737 TEST-NET-3) stand in for a cloud's public node IPs.
    externalIP: withExternalIPs ? `203.0.113.${i + 10}` : undefined,
    podCIDR: `10.244.${i}.0/24`,
  }));
}

export function defaultProfile(): ClusterProfile {
  return {
    name: 'kind',
    kubernetesVersion: '1.31',
    serverGitVersion: SERVER_VERSIONS['1.31'],
    nodes: kindNodes(2, false),
    podCIDR: '10.244.0.0/16',
    serviceCIDR: '10.96.0.0/16',
    clusterDomain: 'cluster.local',
    proxyMode: 'iptables',
    ipvsScheduler: 'rr',
    loadBalancer: undefined,
    ingressNginx: false,
    externalHosts: {},
    controlPlaneURL: 'https://127.0.0.1:6443',
  };
}

export class ProfileError extends Error {}

/** A profile with a scenario's changes applied. */
export function applyProfileChange(profile: ClusterProfile, change: ClusterProfileChange): ClusterProfile {
  const next: ClusterProfile = { ...profile, externalHosts: { ...profile.externalHosts, ...(change.externalHosts ?? {}) } };
  if (change.kubernetesVersion !== undefined) {
    const minor = change.kubernetesVersion.replace(/^v/, '').split('.').slice(0, 2).join('.');
    const git = SERVER_VERSIONS[minor];
    if (!git) throw new ProfileError(`Kubernetes ${change.kubernetesVersion} is not a version the memory cluster knows; known: ${Object.keys(SERVER_VERSIONS).join(', ')}`);
    next.kubernetesVersion = minor;
    next.serverGitVersion = git;
  }
  if (change.workers !== undefined || change.nodeExternalIPs !== undefined) {
    const workers = change.workers ?? profile.nodes.length - 1;
    if (!Number.isInteger(workers) || workers < 0 || workers > 50) throw new ProfileError(`a cluster has 0 to 50 worker nodes, not ${workers}`);
    next.nodes = kindNodes(workers, change.nodeExternalIPs ?? profile.nodes.some((n) => n.externalIP));
  }
  if (change.serviceCIDR !== undefined) {
    if (!/^\d+\.\d+\.\d+\.\d+\/(1[2-9]|2[0-8])$/.test(change.serviceCIDR)) throw new ProfileError(`"${change.serviceCIDR}" is not a service range from /12 to /28`);
    next.serviceCIDR = change.serviceCIDR;
  }
  if (change.proxyMode !== undefined) next.proxyMode = change.proxyMode;
  if (change.ipvsScheduler !== undefined) next.ipvsScheduler = change.ipvsScheduler;
  if (change.loadBalancer !== undefined) {
    next.loadBalancer =
      change.loadBalancer.kind === 'hostname' ? { kind: 'hostname' } : { kind: 'ip-pool', ...poolBounds(change.loadBalancer.cidr) };
  }
  if (change.ingressNginx !== undefined) next.ingressNginx = change.ingressNginx;
  return next;
}

/** `172.18.255.200-172.18.255.250` or a CIDR such as `172.18.255.192/27` (first and last usable). */
function poolBounds(spec: string): { first: string; last: string } {
  const range = /^(\d+\.\d+\.\d+\.\d+)-(\d+\.\d+\.\d+\.\d+)$/.exec(spec);
  if (range) return { first: range[1], last: range[2] };
  const cidr = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(spec);
  if (!cidr) throw new ProfileError(`"${spec}" is neither an address range (A-B) nor a CIDR`);
  const bits = Number(cidr[5]);
  const base = ((Number(cidr[1]) << 24) | (Number(cidr[2]) << 16) | (Number(cidr[3]) << 8) | Number(cidr[4])) >>> 0;
  const size = 2 ** (32 - bits);
  const toIP = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  return { first: toIP(base + 1), last: toIP(base + size - 2) };
}
