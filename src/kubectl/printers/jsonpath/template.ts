/**
 * Executing a JSONPath template and writing its results, as kubectl's `-o jsonpath=` and
 * `-o jsonpath-as-json=` do (client-go util/jsonpath JSONPath.Execute / PrintResults, 1.31):
 * values of one segment are separated by a space; maps and slices print as compact JSON,
 * scalars with Go's %v; with JSON output each segment is an indented JSON array plus a newline.
 */
import { formatGoValue } from '../go-format.ts';
import { formatFloatG } from '../go-number.ts';
import { marshalJson, marshalJsonIndent } from '../go-json.ts';
import { GoFloat, JsonPathEvaluator } from './evaluator.ts';
import type { ListNode } from './nodes.ts';

export interface JsonPathOptions {
  allowMissingKeys: boolean;
  /** jsonpath-as-json: each segment as a JSON array. */
  jsonOutput: boolean;
}

function plainValue(value: unknown): unknown {
  return value instanceof GoFloat ? value.value : value;
}

function toText(value: unknown): string {
  if (value instanceof GoFloat) return formatFloatG(value.value);
  if (value !== null && typeof value === 'object') return marshalJson(value);
  return formatGoValue(value);
}

/** Runs a parsed template on data; throws JsonPathExecutionError when evaluation fails. */
export function executeJsonPath(root: ListNode, data: unknown, options: JsonPathOptions): string {
  const segments = new JsonPathEvaluator(options.allowMissingKeys).findResults(root, data);
  let out = '';
  for (const results of segments) {
    if (options.jsonOutput) {
      out += marshalJsonIndent(results.map(plainValue)) + '\n';
      continue;
    }
    out += results.map(toText).join(' ');
  }
  return out;
}
