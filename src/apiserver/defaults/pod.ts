/**
 * Pod-only defaults (SetDefaults_Pod in pkg/apis/core/v1/defaults.go, 1.31):
 * requests default to limits, enableServiceLinks true. The PodSpec defaults
 * come from pod-spec.ts.
 */
import type { Pod } from '../../api/core.ts';
import { defaultPodSpec } from './pod-spec.ts';

export function defaultPod(pod: Pod): void {
  pod.spec ??= { containers: [] };
  defaultPodSpec(pod.spec);
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    const resources = c.resources as { limits?: Record<string, string>; requests?: Record<string, string> } | undefined;
    if (resources?.limits) resources.requests = { ...resources.limits, ...(resources.requests ?? {}) };
  }
  pod.spec.enableServiceLinks ??= true;
}
