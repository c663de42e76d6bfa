/**
 * `-o name` (k8s.io/cli-runtime/pkg/printers/name.go): `kind/name` for core kinds and
 * `kind.group/name` otherwise, the kind lower-cased, from each object's apiVersion and kind.
 */
import type { KubeObject } from '../../api/meta.ts';

/** The group of an apiVersion: `apps/v1` → `apps`, `v1` → ''. */
export function groupOf(apiVersion: string | undefined): string {
  const slash = (apiVersion ?? '').indexOf('/');
  return slash < 0 ? '' : (apiVersion ?? '').slice(0, slash);
}

/** `pod/x`, `deployment.apps/x`. */
export function resourceName(kind: string, group: string, name: string): string {
  const lower = kind.toLowerCase();
  return group === '' ? `${lower}/${name}` : `${lower}.${group}/${name}`;
}

export function printNames(objects: KubeObject[]): string {
  return objects.map((o) => `${resourceName(o.kind, groupOf(o.apiVersion), o.metadata.name || '<unknown>')}\n`).join('');
}
