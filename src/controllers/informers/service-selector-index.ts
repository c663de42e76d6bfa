/**
 * Which Services select a pod (pkg/controller/util/endpointslice GetPodServiceMemberships),
 * without matching every Service of the namespace against every pod event: each Service with a
 * selector is filed under one `key=value` pair of its selector, so only Services filed under one
 * of the pod's own labels can select it; those few are then matched in full.
 */
import type { Pod, Service } from '../../api/core.ts';
import { serviceSelects } from '../endpoint-pods.ts';
import { objectKey } from '../object-key.ts';
import { compareKeys, type Indexer } from './indexer.ts';

export const SERVICE_SELECTOR_INDEX = 'selectorPair';

function indexValue(namespace: string | undefined, key: string, value: string): string {
  // NUL cannot occur in a namespace or a label key, so the three parts stay apart.
  return `${namespace ?? ''}\0${key}=${value}`;
}

/** The IndexFunc: the first pair of a Service's selector, in its namespace; nothing for a selectorless Service. */
export function serviceSelectorIndexValues(service: Service): string[] {
  const first = Object.entries(service.spec?.selector ?? {})[0];
  return first ? [indexValue(service.metadata.namespace, first[0], first[1])] : [];
}

/** The Services of the pod's namespace whose selector matches the pod's labels, in list order. */
export function servicesSelecting(services: Indexer<Service>, pod: Pod): Service[] {
  const found = new Map<string, Service>();
  for (const [key, value] of Object.entries(pod.metadata.labels ?? {})) {
    for (const service of services.byIndex(SERVICE_SELECTOR_INDEX, indexValue(pod.metadata.namespace, key, value))) {
      if (serviceSelects(service, pod.metadata.labels)) found.set(objectKey(service), service);
    }
  }
  return [...found.keys()].sort(compareKeys).map((key) => found.get(key)!);
}
