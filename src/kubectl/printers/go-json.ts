/**
 * JSON as Go's encoding/json writes unstructured objects (map[string]interface{}):
 * map keys sorted byte-wise, `<`, `>`, `&`, U+2028 and U+2029 escaped as \u003c ... (HTML-safe
 * escaping is on for json.Marshal), empty maps and slices as `{}` and `[]`.
 * kubectl's JSON printer is json.MarshalIndent(obj, "", "    ") plus a newline
 * (k8s.io/cli-runtime/pkg/printers/json.go); the JSONPath printer uses json.Marshal for
 * maps and slices (k8s.io/client-go/util/jsonpath/jsonpath.go PrintResults).
 */
import { compareStrings } from './label-format.ts';

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** A JSON string literal with Go's escaping. */
export function goJsonString(text: string): string {
  // JSON.stringify escapes quotes, backslashes and control characters as Go does (\b \f \n \r \t, else \u00xx).
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (ch) => HTML_UNSAFE[ch]);
}

function encode(value: unknown, indent: string, depth: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const newline = indent === '' ? '' : '\n';
  const inner = indent.repeat(depth + 1);
  const outer = indent.repeat(depth);
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${newline}${inner}${encode(item, indent, depth + 1)}`);
    return `[${items.join(',')}${newline}${outer}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  entries.sort(([a], [b]) => compareStrings(a, b));
  const fields = entries.map(([k, v]) => `${newline}${inner}${goJsonString(k)}${colon}${encode(v, indent, depth + 1)}`);
  return `{${fields.join(',')}${newline}${outer}}`;
}

/** json.Marshal of an unstructured value. */
export function marshalJson(value: unknown): string {
  return encode(value, '', 0);
}

/** json.MarshalIndent(value, "", indent), without a trailing newline. */
export function marshalJsonIndent(value: unknown, indent = '    '): string {
  return encode(value, indent, 0);
}
