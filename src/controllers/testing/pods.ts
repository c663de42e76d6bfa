/** Pods as a kubelet has reported them, for endpoint tests that need exact states. */
import type { Pod } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';

export interface PodState {
  name: string;
  labels: Record<string, string>;
  ip?: string;
  node?: string;
  ready?: boolean;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ports?: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' }[];
  hostname?: string;
  subdomain?: string;
  readySince?: string;
}

export function runningPod(s: PodState): Pod {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: s.name, namespace: 'default', labels: s.labels },
    spec: { containers: [{ name: 'app', image: 'nginx', ports: s.ports }], nodeName: s.node ?? 'kind-worker' },
    status: {
      phase: s.phase ?? 'Running',
      podIP: s.ip,
      podIPs: s.ip ? [{ ip: s.ip }] : undefined,
      conditions: [{ type: 'Ready', status: s.ready === false ? 'False' : 'True', lastTransitionTime: s.readySince ?? '2026-01-01T00:00:00Z', lastProbeTime: null }],
    },
  };
  if (s.hostname) pod.spec.hostname = s.hostname;
  if (s.subdomain) pod.spec.subdomain = s.subdomain;
  return pod;
}

/** Creates the pod, then reports its status as its kubelet would (the API server resets status on create). */
export function createRunningPod(api: ApiServer, s: PodState): Pod {
  const pod = runningPod(s);
  const status = pod.status;
  const created = api.create(pod).object;
  created.status = status;
  return api.updateStatus(created).object;
}
