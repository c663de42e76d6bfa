/**
 * The kubelet's configuration file (kubelet.config.k8s.io/v1beta1; field
 * names checked against k8s.io/kubelet v0.31.4 config/v1beta1/types.go).
 * Values follow kind's KubeletConfiguration (kubernetes-sigs/kind
 * pkg/cluster/internal/kubeadm/config.go: evictionHard 0%, failSwapOn false,
 * imageGCHighThresholdPercent 100, a cgroupRoot of its own) with what this
 * machine needs:
 * - cgroupfs driver (no systemd here; cgroups are v1 with a v2 hierarchy
 *   beside them) and a cgroupRoot per node, so two nodes' kubepods never meet;
 * - oomScoreAdj 0: lowering a score needs CAP_SYS_RESOURCE, which this
 *   machine's bounding set lacks;
 * - the node's own containerd socket, resolv.conf, serving certificate,
 *   client CA and pod log directory (podLogsDir, so logs stay out of the
 *   machine's /var/log/pods; the kubelet still links each log from the
 *   fixed /var/log/containers, which stopNode cleans).
 */
import { stringify } from 'yaml';
import type { NodePaths } from './node-paths.ts';

export interface KubeletSettings {
  paths: NodePaths;
  /** cgroup (under every v1 controller) that holds this node's pods. */
  cgroupRoot: string;
  clusterDns: string;
  clusterDomain: string;
  clientCaFile: string;
  /** Taints the Node registers with (`key=value:Effect` objects). */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

/** Renders the KubeletConfiguration YAML. */
export function kubeletConfig(s: KubeletSettings): string {
  return stringify({
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    authentication: { anonymous: { enabled: false }, webhook: { enabled: true }, x509: { clientCAFile: s.clientCaFile } },
    authorization: { mode: 'Webhook' },
    cgroupDriver: 'cgroupfs',
    cgroupRoot: s.cgroupRoot,
    clusterDNS: [s.clusterDns],
    clusterDomain: s.clusterDomain,
    containerRuntimeEndpoint: `unix://${s.paths.containerdSocket}`,
    evictionHard: { 'imagefs.available': '0%', 'nodefs.available': '0%', 'nodefs.inodesFree': '0%' },
    failSwapOn: false,
    imageGCHighThresholdPercent: 100,
    oomScoreAdj: 0,
    podLogsDir: s.paths.podLogsDir,
    readOnlyPort: 0,
    resolvConf: s.paths.resolvConf,
    rotateCertificates: false,
    tlsCertFile: `${s.paths.pkiDir}/kubelet-serving.crt`,
    tlsPrivateKeyFile: `${s.paths.pkiDir}/kubelet-serving.key`,
    ...(s.taints?.length ? { registerWithTaints: s.taints } : {}),
  });
}
