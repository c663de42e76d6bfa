/**
 * go-spew's `%#v` text of a Go value (github.com/davecgh/go-spew/spew/format.go, the version
 * Kubernetes pins: d8f796af33cc), with the ConfigState of k8s.io/kubernetes
 * pkg/util/hash/hash.go DeepHashObject: SortKeys, DisableMethods, SpewKeys.
 * - Every value is prefixed by its type in parentheses, except slice elements, map keys and map
 *   values (spew's ignoreNextType).
 * - Strings print raw, unquoted; nil pointers, slices and maps print `<nil>`.
 * - Structs print `{Name:value Name:value}`, slices `[a b]`, maps `map[k:v]` sorted by key.
 */
import type { GoLayout, GoStruct, GoValue } from './go-value.ts';

/** Prints `value`, whose Go type is `typeName`, as spew.Sprintf("%#v", value) does. */
export function spewFormat(value: GoValue, typeName: string, layout: GoLayout): string {
  return format(value, typeName, layout, true);
}

function format(value: GoValue, typeName: string, layout: GoLayout, showType: boolean): string {
  const t = layout[typeName];
  if (!t) throw new Error(`go layout has no type ${typeName}`);
  if (t.kind === 'ptr') {
    if (value === null) return showType ? `(${typeName})<nil>` : '<nil>';
    // One level of indirection: `(*T)` with types, `<*>` without (formatPtr).
    return (showType ? `(${typeName})` : '<*>') + format(value, t.elem!, layout, false);
  }
  const prefix = showType ? `(${typeName})` : '';
  switch (t.kind) {
    case 'struct': {
      const s = value as GoStruct;
      const fields = (t.fields ?? []).map((f) => `${f.name}:${format(s[f.name], f.type, layout, true)}`);
      return `${prefix}{${fields.join(' ')}}`;
    }
    case 'slice':
    case 'array':
      if (value === null) return `${prefix}<nil>`;
      return `${prefix}[${(value as GoValue[]).map((v) => format(v, t.elem!, layout, false)).join(' ')}]`;
    case 'map': {
      if (value === null) return `${prefix}<nil>`;
      const entries = [...(value as Map<string, GoValue>).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const parts = entries.map(([k, v]) => `${format(k, t.key!, layout, false)}:${format(v, t.elem!, layout, false)}`);
      return `${prefix}map[${parts.join(' ')}]`;
    }
    case 'interface':
      return `${prefix}<nil>`;
    case 'bool':
      return `${prefix}${value === true ? 'true' : 'false'}`;
    case 'string':
      return `${prefix}${String(value)}`;
    default:
      return `${prefix}${String(value)}`;
  }
}
