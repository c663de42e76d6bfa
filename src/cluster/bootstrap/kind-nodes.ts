/**
 * The Node objects of a kind cluster as the kubelet registers them
 * (kind v0.24 with kindest/node:v1.31.0: containerd 1.7.18, Debian 12).
 * Labels, annotations and taints as kubeadm and the kubelet set them
 * (kubeadm: cmd/kubeadm/app/phases/markcontrolplane; kubelet: pkg/kubelet/kubelet_node_status.go).
 */
import type { Node } from '../../api/core.ts';
import type { ClusterProfile, NodeProfile } from '../profile.ts';

export function kindNode(profile: ClusterProfile, node: NodeProfile, createdAt: string): Node {
  const controlPlane = node.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  if (profile.ingressNginx && controlPlane) labels['ingress-ready'] = 'true';
  const addresses: { type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }[] = [{ type: 'InternalIP', address: node.internalIP }];
  if (node.externalIP) addresses.push({ type: 'ExternalIP', address: node.externalIP });
  addresses.push({ type: 'Hostname', address: node.name });
  const condition = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: createdAt,
    lastTransitionTime: createdAt,
    reason,
    message,
  });
  const resources = { cpu: '8', 'ephemeral-storage': '263174212Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32827080Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: node.podCIDR,
      podCIDRs: [node.podCIDR],
      providerID: `kind://docker/kind/${node.name}`,
      ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
    },
    status: {
      addresses,
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.18',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: profile.serverGitVersion,
        kubeletVersion: profile.serverGitVersion,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}
