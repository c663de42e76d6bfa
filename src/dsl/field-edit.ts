/**
 * A change made in `kubectl edit`'s editor, written as a dotted path and a
 * value (`spec.type` to `LoadBalancer`), turned into the JSON merge patch it
 * amounts to. Numbers and booleans typed as text keep their type, as YAML would read them.
 */
import type { FieldEdit } from '../backend/backend.ts';

export class FieldPathError extends Error {}

/** `"80"` → 80, `"true"` → true, anything else stays text. */
export function yamlScalar(text: string): unknown {
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null') return null;
  return text;
}

export function mergePatchFor(edit: FieldEdit): Record<string, unknown> {
  const parts = edit.path.split('.');
  if (parts.some((p) => p === '' || /[[\]]/.test(p))) {
    throw new FieldPathError(`"${edit.path}" is not a field path: write the fields from the top separated by dots, such as spec.type (list items cannot be edited this way)`);
  }
  const patch: Record<string, unknown> = {};
  let at = patch;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) at[part] = edit.value;
    else at = (at[part] = {}) as Record<string, unknown>;
  });
  return patch;
}
