/**
 * `kubectl get --sort-by=<jsonpath>` (k8s.io/kubectl/pkg/cmd/get/sorter.go, customcolumn.go
 * RelaxedJSONPathExpression): the rows of each table, or the items of a list, are ordered by the
 * first value the expression finds in each object; objects without it come first. Integers and
 * floats compare numerically, strings as quantities when both parse as one, else byte-wise
 * (kubernetes/kubernetes#124514 replaced natural order in 1.31; kubectl v1.32.4 on this machine
 * sorts `p1 p10 p100 p9`). Go's sort.Sort is an insertion sort for up to 12 elements; an insertion
 * sort is used here for all.
 */
import { isGoInteger } from './go-number.ts';
import { JsonPathEvaluator, goTypeName } from './jsonpath/evaluator.ts';
import { parseJsonPath } from './jsonpath/parser.ts';
import type { ListNode } from './jsonpath/nodes.ts';
import { PrintError } from './print-error.ts';
import { parseQuantity } from './quantity.ts';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPathExpression(pathExpression: string): string {
  if (pathExpression === '') return pathExpression;
  const m = RELAXED.exec(pathExpression);
  if (!m) {
    throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] !== undefined ? m[1] : m[2]}}`;
}

type SortKey = { found: false } | { found: true; value: unknown };

function sortKey(root: ListNode, object: unknown): SortKey {
  const results = new JsonPathEvaluator(true).findResults(root, object);
  if (results.length === 0 || results[0].length === 0) return { found: false };
  return { found: true, value: results[0][0] };
}

function unsortable(field: string, detail: string): PrintError {
  return new PrintError(`error: Field ${field} in [][][]reflect.Value is an unsortable type: interface, err: ${detail}`);
}

/** isLess for two values of unstructured data (the reflect.Interface case). */
function isLess(field: string, i: unknown, j: unknown): boolean {
  if ((i === null || i === undefined) && (j === null || j === undefined)) return false;
  if (i === null || i === undefined) return true;
  if (j === null || j === undefined) return false;
  if (typeof i === 'number' && typeof j === 'number' && isGoInteger(i) === isGoInteger(j)) return i < j;
  if (typeof i === 'string' && typeof j === 'string') {
    const qi = parseQuantity(i);
    const qj = parseQuantity(j);
    if (qi === undefined || qj === undefined) return i < j;
    return qi < qj;
  }
  if (typeof i === 'number' || typeof i === 'string') throw unsortable(field, 'unsortable interface: interface');
  throw unsortable(field, `unsortable type: ${goTypeName(i)}`);
}

function insertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  const data = [...items];
  for (let i = 1; i < data.length; i++) {
    for (let j = i; j > 0 && less(data[j], data[j - 1]); j--) {
      [data[j], data[j - 1]] = [data[j - 1], data[j]];
    }
  }
  return data;
}

function sortByKeys<T>(items: T[], keys: SortKey[], field: string): T[] {
  const indexed = items.map((item, index) => ({ item, key: keys[index] }));
  const sorted = insertionSort(indexed, (a, b) => {
    if (!a.key.found) return true;
    if (!b.key.found) return false;
    return isLess(field, a.key.value, b.key.value);
  });
  return sorted.map((entry) => entry.item);
}

function parseSortField(field: string): ListNode {
  try {
    return parseJsonPath(field);
  } catch (err) {
    throw new PrintError(`error: ${(err as Error).message}`);
  }
}

function notFound(field: string): PrintError {
  return new PrintError(`error: couldn't find any field with path "${field}" in the list of objects`);
}

/**
 * The rows of one table, as the SortingPrinter of the human-readable output orders them: a table
 * of one row is left alone, and a field that does not parse or is found in no row makes kubectl
 * print nothing for the table (the printer's error is dropped by get.go), so undefined is returned.
 */
export function sortTableRows<T>(rows: T[], objectOf: (row: T) => unknown, sortBy: string): T[] | undefined {
  if (rows.length <= 1) return rows;
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch {
    field = sortBy;
  }
  let root: ListNode;
  try {
    root = parseJsonPath(field);
  } catch {
    return undefined;
  }
  const keys = rows.map((row) => sortKey(root, objectOf(row)));
  if (!keys.some((k) => k.found)) return undefined;
  return sortByKeys(rows, keys, field);
}

/**
 * With several tables (several resources requested), kubectl first sorts the table objects
 * themselves by the field (get.go RuntimeSorter on unstructured Tables), which fails unless the
 * field exists on a Table (`.kind`, `.metadata.resourceVersion` ...).
 */
export function checkSortFieldOnTables(sortBy: string): void {
  const tableObject = { apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: { resourceVersion: '' }, columnDefinitions: [], rows: [] };
  sortListItems([tableObject, tableObject], sortBy);
}

/** The items of a list printed as YAML, JSON, a JSONPath or custom columns (SortObjects). */
export function sortListItems(items: unknown[], sortBy: string): unknown[] {
  if (items.length === 0) return items;
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch (err) {
    throw new PrintError(`error: ${(err as Error).message}`);
  }
  const root = parseSortField(field);
  const keys = items.map((item) => sortKey(root, item));
  if (!keys.some((k) => k.found)) throw notFound(field);
  return sortByKeys(items, keys, field);
}

