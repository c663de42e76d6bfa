/**
 * Copies of stored objects. Objects are plain JSON (the API's wire form), so a
 * recursive copy of objects and arrays is exact and several times faster than
 * structuredClone, which the API server calls on every read.
 */

export function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepCopy(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepCopy(v);
  }
  return out as T;
}

/** Freezes a JSON value and everything in it: watch events are shared by every handler and must not change. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key in value as Record<string, unknown>) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
