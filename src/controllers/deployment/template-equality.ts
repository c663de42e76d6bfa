/**
 * EqualIgnoreHash (pkg/controller/deployment/util/deployment_util.go): two pod templates are the
 * same rollout when they are semantically equal (apimachinery equality.Semantic: nil and empty
 * lists and maps alike) once the pod-template-hash label is removed from both.
 */
import type { PodTemplateSpec } from '../../api/core.ts';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return templateKeyIgnoringHash(a) === templateKeyIgnoringHash(b);
}

/** What equalIgnoreHash compares: equal keys, equal templates (to compare one template with many). */
export function templateKeyIgnoringHash(t: PodTemplateSpec | undefined): string | undefined {
  return JSON.stringify(normalize(withoutHash(t)));
}

/** The template without the hash label: shallow copies of the levels above it, the rest shared (normalize copies). */
function withoutHash(t: PodTemplateSpec | undefined): unknown {
  const labels = t?.metadata?.labels;
  if (!t || !labels || !Object.hasOwn(labels, POD_TEMPLATE_HASH_LABEL)) return t;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...others } = labels;
  return { ...t, metadata: { ...t.metadata, labels: others } };
}

/** Drops absent values, empty lists and empty maps; sorts keys so that order does not matter. */
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalize);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const n = normalize((v as Record<string, unknown>)[k]);
    if (n === undefined || n === null) continue;
    if (isEmptyMap(k, n)) continue;
    out[k] = n;
  }
  return out;
}

/** Map-typed fields, where Go's semantic equality makes empty and nil the same. */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests']);

function isEmptyMap(key: string, v: unknown): boolean {
  return MAP_FIELDS.has(key) && typeof v === 'object' && v !== null && Object.keys(v).length === 0;
}
