/**
 * Downward API values for `env[].valueFrom.fieldRef`
 * (kubelet_pods.go podFieldSelectorRuntimeValue, pkg/fieldpath ExtractFieldPathAsString,
 * pkg/apis/core/pods ConvertDownwardAPIFieldLabel).
 */
import type { Pod } from '../../api/core.ts';

export interface FieldRefContext {
  pod: Pod;
  podIP: string;
  hostIP: string;
}

export type FieldRefResult = { ok: true; value: string } | { ok: false; error: string };

const SUBSCRIPTED = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/** The value of a field path, or the apiserver's error for one it does not support. */
export function fieldRefValue(fieldPath: string, context: FieldRefContext): FieldRefResult {
  const { pod } = context;
  switch (fieldPath) {
    case 'metadata.name':
      return { ok: true, value: pod.metadata.name ?? '' };
    case 'metadata.namespace':
      return { ok: true, value: pod.metadata.namespace ?? '' };
    case 'metadata.uid':
      return { ok: true, value: pod.metadata.uid ?? '' };
    case 'spec.nodeName':
      return { ok: true, value: pod.spec.nodeName ?? '' };
    case 'spec.serviceAccountName':
      return { ok: true, value: pod.spec.serviceAccountName ?? '' };
    case 'status.hostIP':
    case 'status.hostIPs':
      return { ok: true, value: context.hostIP };
    case 'status.podIP':
    case 'status.podIPs':
      return { ok: true, value: context.podIP };
  }
  const subscripted = SUBSCRIPTED.exec(fieldPath);
  if (subscripted) {
    const map = subscripted[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations;
    return { ok: true, value: map?.[subscripted[2]] ?? '' };
  }
  return { ok: false, error: `field label not supported: ${fieldPath}` };
}
