/**
 * `-o json` of an object kubectl built as a Go struct (the create generators,
 * run): encoding/json's MarshalIndent with four spaces keeps the struct's
 * field order, which the generators reproduce as insertion order, where an
 * object read from the server (a map) would print with sorted keys. Strings
 * are escaped as encoding/json does (HTML characters as \u003c, \u003e, \u0026).
 */
function goString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function encode(value: unknown, depth: number): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + encode(v, depth + 1)).join(',\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${goString(k)}: ${encode(v, depth + 1)}`).join(',\n')}\n${end}}`;
}

/** The JSON printer's output for a typed object, with its trailing newline. */
export function typedJson(value: unknown): string {
  return encode(value, 0) + '\n';
}
