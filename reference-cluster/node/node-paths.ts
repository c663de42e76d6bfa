/**
 * Where one node keeps its state: everything of a node (its containerd's
 * content and snapshots, the kubelet's pods, CNI configuration and IP
 * allocations, certificates, logs, pid files) lives under its state
 * directory, so nodes never share a file with each other or with a
 * containerd or dockerd of the machine.
 */
import { join } from 'node:path';

export interface NodePaths {
  stateDir: string;
  containerdDir: string;
  containerdConfig: string;
  /** containerd's gRPC socket: the kubelet's container runtime endpoint and ctr's --address. */
  containerdSocket: string;
  containerdRoot: string;
  containerdState: string;
  /** Registry host configuration (hosts.toml per registry). */
  registryHostsDir: string;
  cniConfDir: string;
  /** host-local IPAM's allocations. */
  cniIpamDir: string;
  kubeletRoot: string;
  /** Containers' log files (`kubectl logs`); the kubelet's default is the machine's /var/log/pods. */
  podLogsDir: string;
  kubeletConfig: string;
  kubeletKubeconfig: string;
  kubeProxyConfig: string;
  kubeProxyKubeconfig: string;
  pkiDir: string;
  resolvConf: string;
  /** Values the kubelet reads instead of the machine's kernel tunables (see kubelet-launch.ts). */
  sysctlDir: string;
  logDir: string;
  pidDir: string;
}

/** The paths of the node whose state directory is `stateDir`. */
export function nodePaths(stateDir: string): NodePaths {
  const containerdDir = join(stateDir, 'containerd');
  return {
    stateDir,
    containerdDir,
    containerdConfig: join(containerdDir, 'config.toml'),
    containerdSocket: join(containerdDir, 'containerd.sock'),
    containerdRoot: join(containerdDir, 'root'),
    containerdState: join(containerdDir, 'state'),
    registryHostsDir: join(containerdDir, 'certs.d'),
    cniConfDir: join(stateDir, 'cni', 'net.d'),
    cniIpamDir: join(stateDir, 'cni', 'ipam'),
    kubeletRoot: join(stateDir, 'kubelet'),
    podLogsDir: join(stateDir, 'pod-logs'),
    kubeletConfig: join(stateDir, 'kubelet-config.yaml'),
    kubeletKubeconfig: join(stateDir, 'kubelet.kubeconfig'),
    kubeProxyConfig: join(stateDir, 'kube-proxy-config.yaml'),
    kubeProxyKubeconfig: join(stateDir, 'kube-proxy.kubeconfig'),
    pkiDir: join(stateDir, 'pki'),
    resolvConf: join(stateDir, 'resolv.conf'),
    sysctlDir: join(stateDir, 'sysctl'),
    logDir: join(stateDir, 'logs'),
    pidDir: join(stateDir, 'pids'),
  };
}
