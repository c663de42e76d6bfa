/**
 * Where one node keeps its state: everything of a node (its containerd's
 * content and snapshots, the kubelet's pods, CNI configuration and IP
 * allocations, certificates, logs, pid files) lives under its state
 * directory, so nodes never share a file with each other or with a
 * containerd or dockerd of the machine.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * Longest unix socket path containerd accepts (it refuses "unix socket path
 * too long (> 104)", the BSD sun_path size, on Linux too).
 */
export const MAX_SOCKET_PATH = 104;

/** Where sockets go when the state directory's path is too long for them: short, one directory per state directory. */
export const SHORT_SOCKET_ROOT = '/run/kube-scenarios';

export interface NodePaths {
  stateDir: string;
  containerdDir: string;
  containerdConfig: string;
  /**
   * Directory of containerd's sockets: STATE/containerd, or, when that path
   * is too long for a socket, a directory of its own under /run/kube-scenarios
   * (stopNode removes it).
   */
  socketDir: string;
  /** containerd's gRPC socket (its ttrpc socket is beside it): the kubelet's container runtime endpoint and ctr's --address. */
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
  const socketDir =
    join(containerdDir, 'containerd.sock.ttrpc').length <= MAX_SOCKET_PATH
      ? containerdDir
      : join(SHORT_SOCKET_ROOT, `node-${createHash('sha256').update(stateDir).digest('hex').slice(0, 12)}`);
  return {
    stateDir,
    containerdDir,
    containerdConfig: join(containerdDir, 'config.toml'),
    socketDir,
    containerdSocket: join(socketDir, 'containerd.sock'),
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
