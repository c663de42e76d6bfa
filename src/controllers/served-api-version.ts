/**
 * The group/version a controller's client writes a kind at: kube-controller-manager
 * is built for its own Kubernetes version, so on 1.19 the EndpointSlice controllers
 * write discovery.k8s.io/v1beta1 (v1 is served only from 1.21: pkg/registry/discovery/rest/storage_discovery.go).
 */
import type { ApiServer } from '../apiserver/types.ts';

/** The apiVersion this cluster serves `kind` at, or `fallback` when discovery does not list it. */
export function servedApiVersion(api: ApiServer, kind: string, fallback: string): string {
  const served = api.resources().find((r) => r.kind === kind);
  if (!served) return fallback;
  return served.group ? `${served.group}/${served.version}` : served.version;
}
