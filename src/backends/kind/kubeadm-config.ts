/**
 * The kubeadm configuration kind writes to /kind/kubeadm.conf on every node,
 * for Kubernetes 1.23 and later: kind's ConfigTemplateBetaV3
 * (pkg/cluster/internal/kubeadm/config.go) with kind's defaults — no feature
 * gates, IPv4, the systemd cgroup driver (1.24+), the well-known bootstrap
 * token (kubeadm/const.go), the control plane reachable inside the docker
 * network as CLUSTER-control-plane:6443 and outside as 127.0.0.1. Without kind's
 * `metadata: name: config` in each document: kind matches its config patches on
 * it (we have none), and kubeadm's strict decoding rejects it
 * (`kubeadm config validate`: unknown field "metadata").
 */
import type { KubeProxyMode } from './cluster-options.ts';

/** kind's dummy, well-known token for TLS bootstrap (pkg/cluster/internal/kubeadm/const.go). */
export const BOOTSTRAP_TOKEN = 'abcdef.0123456789abcdef';
/** The API server's port inside the node network (providers/common/constants.go). */
export const API_SERVER_INTERNAL_PORT = 6443;

export interface KubeadmConfigData {
  clusterName: string;
  /** v1.31.4 */
  kubernetesVersion: string;
  /** CLUSTER-control-plane:6443 */
  controlPlaneEndpoint: string;
  /** The address the API server's certificate is also valid for, where the host reaches it. */
  apiServerAddress: string;
  nodeName: string;
  nodeAddress: string;
  controlPlane: boolean;
  kubeProxyMode: KubeProxyMode;
  podSubnet: string;
  serviceSubnet: string;
  /** kubelet --node-labels, `key=value,...` */
  nodeLabels: string;
}

/** The multi-document YAML kind generates for one node. */
export function kubeadmConfig(d: KubeadmConfigData): string {
  const kubeletExtraArgs = `  kubeletExtraArgs:
    node-ip: "${d.nodeAddress}"
    provider-id: "kind://docker/${d.clusterName}/${d.nodeName}"
    node-labels: "${d.nodeLabels}"`;
  const joinControlPlane = d.controlPlane
    ? `controlPlane:
  localAPIEndpoint:
    advertiseAddress: "${d.nodeAddress}"
    bindPort: ${API_SERVER_INTERNAL_PORT}
`
    : '';
  return `apiVersion: kubeadm.k8s.io/v1beta3
kind: ClusterConfiguration
kubernetesVersion: ${d.kubernetesVersion}
clusterName: "${d.clusterName}"
controlPlaneEndpoint: "${d.controlPlaneEndpoint}"
apiServer:
  certSANs: [localhost, "${d.apiServerAddress}"]
  extraArgs:
    "runtime-config": ""
controllerManager:
  extraArgs:
    enable-hostpath-provisioner: "true"
scheduler:
  extraArgs:
networking:
  podSubnet: "${d.podSubnet}"
  serviceSubnet: "${d.serviceSubnet}"
---
apiVersion: kubeadm.k8s.io/v1beta3
kind: InitConfiguration
bootstrapTokens:
- token: "${BOOTSTRAP_TOKEN}"
localAPIEndpoint:
  advertiseAddress: "${d.nodeAddress}"
  bindPort: ${API_SERVER_INTERNAL_PORT}
nodeRegistration:
  criSocket: "unix:///run/containerd/containerd.sock"
${kubeletExtraArgs}
---
apiVersion: kubeadm.k8s.io/v1beta3
kind: JoinConfiguration
${joinControlPlane}nodeRegistration:
  criSocket: "unix:///run/containerd/containerd.sock"
${kubeletExtraArgs}
discovery:
  bootstrapToken:
    apiServerEndpoint: "${d.controlPlaneEndpoint}"
    token: "${BOOTSTRAP_TOKEN}"
    unsafeSkipCAVerification: true
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
cgroupRoot: /kubelet
failSwapOn: false
imageGCHighThresholdPercent: 100
evictionHard:
  nodefs.available: "0%"
  nodefs.inodesFree: "0%"
  imagefs.available: "0%"
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: "${d.kubeProxyMode}"
iptables:
  minSyncPeriod: 1s
conntrack:
  maxPerCore: 0
`;
}
