/**
 * Go fmt verbs applied to unstructured values (map[string]interface{}, []interface{}, string,
 * int64, float64, bool, nil), where kubectl prints with them:
 * - %v: custom-columns cells (`[map[ip:10.244.3.4]]`, seed 000; kubectl get/customcolumn.go
 *   printOneObject uses fmt.Sprint) and JSONPath scalars (client-go jsonpath evalToText).
 * - %#v: the object dump in JSONPath execution errors (cli-runtime printers/jsonpath.go).
 * Maps print with their keys sorted, as fmt does (internal/fmtsort).
 */
import { formatFloatG, isGoInteger } from './go-number.ts';
import { compareStrings } from './label-format.ts';

function sortedEntries(map: Record<string, unknown>): [string, unknown][] {
  return Object.entries(map)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => compareStrings(a, b));
}

/** fmt.Sprint(value): `map[k:v k2:v2]`, `[a b]`, `<nil>`. */
export function formatGoValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isGoInteger(value) ? String(value) : formatFloatG(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  const entries = sortedEntries(value as Record<string, unknown>);
  return `map[${entries.map(([k, v]) => `${k}:${formatGoValue(v)}`).join(' ')}]`;
}

import { goQuote } from '../../go-runtime/strconv-quote.ts';
export { goQuote };

/** fmt.Sprintf("%#v", value) for a value held in an interface{}. */
export function formatGoSyntax(value: unknown): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return isGoInteger(value) ? String(value) : formatFloatG(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[]interface {}{${value.map(formatGoSyntax).join(', ')}}`;
  const entries = sortedEntries(value as Record<string, unknown>);
  return `map[string]interface {}{${entries.map(([k, v]) => `${goQuote(k)}:${formatGoSyntax(v)}`).join(', ')}}`;
}
