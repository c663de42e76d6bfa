/**
 * podutil.FindPort (pkg/api/v1/pod/util.go): the container port a Service port targets on one
 * pod. A number is used as it is; a name is looked up among the pod's container ports with the
 * same protocol, so a pod without that named port gets no endpoint for that Service port.
 */
import type { Pod, ServicePort } from '../api/core.ts';

export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}
