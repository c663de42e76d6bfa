/**
 * The QoS class `describe pod` prints (k8s.io/kubectl/pkg/util/qos GetPodQOS): the status's class when
 * set, else computed from requests and limits: BestEffort without any, Guaranteed when every container
 * limits cpu and memory and requests equal limits, Burstable otherwise.
 */
import type { Container, Pod } from '../../api/core.ts';

type ResourceList = Record<string, string>;

function resources(container: Container): { requests: ResourceList; limits: ResourceList } {
  const r = (container.resources ?? {}) as { requests?: ResourceList; limits?: ResourceList };
  return { requests: r.requests ?? {}, limits: r.limits ?? {} };
}

export function podQosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  const all = containers.map(resources);
  const isCompute = (name: string): boolean => name === 'cpu' || name === 'memory';
  const any = all.some((r) => Object.keys(r.requests).some(isCompute) || Object.keys(r.limits).some(isCompute));
  if (!any) return 'BestEffort';
  const guaranteed = all.every(
    (r) =>
      r.limits.cpu !== undefined &&
      r.limits.memory !== undefined &&
      (r.requests.cpu === undefined || r.requests.cpu === r.limits.cpu) &&
      (r.requests.memory === undefined || r.requests.memory === r.limits.memory),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
