/**
 * kube-proxy's configuration file (kubeproxy.config.k8s.io/v1alpha1; field
 * names checked against k8s.io/kube-proxy v0.31.4 config/v1alpha1/types.go).
 * As kind configures it (kubernetes-sigs/kind
 * pkg/cluster/internal/kubeadm/config.go): iptables mode, minSyncPeriod 1s,
 * conntrack maxPerCore 0 (nf_conntrack_max is not per network namespace, so
 * kube-proxy must leave it alone). oomScoreAdj 0 for the same reason as the
 * kubelet's: this machine cannot lower OOM scores.
 */
import { stringify } from 'yaml';

export interface KubeProxySettings {
  kubeconfig: string;
  hostname: string;
  clusterCidr: string;
}

/** Renders the KubeProxyConfiguration YAML. */
export function kubeProxyConfig(s: KubeProxySettings): string {
  return stringify({
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    kind: 'KubeProxyConfiguration',
    mode: 'iptables',
    clientConnection: { kubeconfig: s.kubeconfig },
    clusterCIDR: s.clusterCidr,
    hostnameOverride: s.hostname,
    conntrack: { maxPerCore: 0 },
    iptables: { minSyncPeriod: '1s' },
    oomScoreAdj: 0,
    metricsBindAddress: '0.0.0.0:10249',
  });
}
