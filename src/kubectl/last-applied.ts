/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation
 * (kubectl/pkg/util/apply.go GetModifiedConfiguration): the object as given,
 * without that annotation, encoded as compact JSON with sorted keys (the
 * unstructured encoder marshals maps) and a trailing newline.
 */
import type { KubeObject } from '../api/meta.ts';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** encoding/json of a map: keys sorted, no spaces. */
export function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${sortedJson(v)}`).join(',')}}`;
}

/** The annotation value for `obj` (its own annotation left out, an empty annotations map kept as kubectl does). */
export function lastAppliedValue(obj: KubeObject): string {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  return sortedJson({ ...obj, metadata: { ...obj.metadata, annotations } }) + '\n';
}

/** `obj` with the annotation set to its own last-applied value. */
export function withLastApplied(obj: KubeObject): KubeObject {
  const value = lastAppliedValue(obj);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value } } };
}
