/**
 * Namespace defaults: SetDefaults_Namespace (the `kubernetes.io/metadata.name`
 * label) and SetDefaults_NamespaceStatus (phase Active) of
 * pkg/apis/core/v1/defaults.go, and the `kubernetes` finalizer the namespace
 * strategy's PrepareForCreate adds (pkg/registry/core/namespace/strategy.go).
 */
import type { Namespace } from '../../api/core.ts';

export function defaultNamespace(ns: Namespace): void {
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  ns.status ??= {};
  ns.status.phase ||= 'Active';
}
