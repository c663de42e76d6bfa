/**
 * What kubectl's JSON encoder sends for a typed object it built: `creationTimestamp: null`
 * is on the wire but means "unset"; the memory API server gets the object without it.
 */
import type { KubeObject } from '../api/meta.ts';

function stripNullTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNullTimestamps);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k === 'creationTimestamp' && v === null) continue;
    out[k] = stripNullTimestamps(v);
  }
  return out;
}

export function forServer<T extends KubeObject>(obj: T): T {
  return stripNullTimestamps(obj) as T;
}
