/**
 * A pod's effective requests and limits, as `kubectl describe node` sums them
 * (PodRequests / PodLimits of k8s.io/component-helpers/resource/helpers.go, which
 * kubectl's resourcehelper.PodRequestsAndLimits follows): the regular containers add up;
 * a plain init container runs alone, so the pod needs the larger of the sum and that
 * container (plus the sidecars started before it); a sidecar (init container with
 * `restartPolicy: Always`) runs for the pod's whole life, so it adds to the sum.
 * Overhead adds to every request, and to a limit only where the pod has one.
 */
import type { Container, Pod } from '../../api/core.ts';
import { addQuantities, parseQuantityExact, type Quantity } from '../printers/quantity.ts';

export type ResourceList = Map<string, Quantity>;

function resourceListOf(raw: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!raw || typeof raw !== 'object') return list;
  for (const [name, text] of Object.entries(raw as Record<string, unknown>)) {
    const q = parseQuantityExact(String(text));
    if (q) list.set(name, q);
  }
  return list;
}

function containerList(container: Container, which: 'requests' | 'limits'): ResourceList {
  return resourceListOf(container.resources?.[which]);
}

/** addResourceList: adds newList into list (a new name takes a copy). */
function addInto(list: ResourceList, newList: ResourceList): void {
  for (const [name, q] of newList) {
    const current = list.get(name);
    list.set(name, current ? addQuantities(current, q) : { ...q });
  }
}

/** maxResourceList: keeps the larger amount of each name. */
function maxInto(list: ResourceList, newList: ResourceList): void {
  for (const [name, q] of newList) {
    const current = list.get(name);
    if (!current || q.nano > current.nano) list.set(name, { ...q });
  }
}

function effective(pod: Pod, which: 'requests' | 'limits'): ResourceList {
  const total: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addInto(total, containerList(c, which));
  const sidecars: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let own = containerList(c, which);
    if (c.restartPolicy === 'Always') {
      addInto(total, own);
      addInto(sidecars, own);
      own = new Map(sidecars);
    } else {
      const withSidecars = new Map(own);
      addInto(withSidecars, sidecars);
      own = withSidecars;
    }
    maxInto(initPeak, own);
  }
  maxInto(total, initPeak);
  const overhead = resourceListOf((pod.spec as { overhead?: unknown } | undefined)?.overhead);
  for (const [name, q] of overhead) {
    const current = total.get(name);
    if (which === 'requests') total.set(name, current ? addQuantities(current, q) : { ...q });
    else if (current) total.set(name, addQuantities(current, q));
  }
  return total;
}

export function podRequests(pod: Pod): ResourceList {
  return effective(pod, 'requests');
}

export function podLimits(pod: Pod): ResourceList {
  return effective(pod, 'limits');
}
