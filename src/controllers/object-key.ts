/**
 * Work-queue keys `namespace/name`, as client-go's cache.MetaNamespaceKeyFunc writes them
 * (tools/cache/store.go); cluster-scoped objects are keyed by their name alone.
 */
import type { KubeObject } from '../api/meta.ts';

export function objectKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : String(obj.metadata.name);
}

export function splitObjectKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
