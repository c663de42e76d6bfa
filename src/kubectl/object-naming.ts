/**
 * How kubectl names objects in its messages: the name printer's
 * `kind.group/name` (cli-runtime printers/name.go) and the quoted form of
 * delete (`service "x" deleted`).
 */
import type { KubeObject } from '../api/meta.ts';

/** The group of an apiVersion: "apps" for apps/v1, "" for v1. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `deployment.apps`, `service`, `ingress.networking.k8s.io`. */
export function kindString(kind: string, group: string): string {
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase();
}

/** `deployment.apps/my-nginx` for an object. */
export function objectRef(obj: KubeObject): string {
  return `${kindString(obj.kind, groupOf(obj.apiVersion))}/${obj.metadata.name ?? ''}`;
}
