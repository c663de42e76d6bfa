/**
 * Evaluation of a parsed JSONPath template on unstructured data: a port of FindResults and the
 * eval* functions of k8s.io/client-go/util/jsonpath/jsonpath.go (1.31), including its `range` /
 * `end` bookkeeping, slice bounds errors, filter comparisons (the forked text/template eq/lt:
 * numbers of different Go kinds are `incompatible types for comparison`) and missing keys
 * (kubectl's printers allow them: a missing field yields nothing).
 *
 * Go iterates maps in random order for `*` and `..`; this port uses sorted keys so output is stable.
 */
import { formatGoValue } from '../go-format.ts';
import { isGoInteger } from '../go-number.ts';
import { compareStrings } from '../label-format.ts';
import type { ListNode, Node, SliceParam } from './nodes.ts';

/** A float literal of the template (`1.5`, `443.0`): a float64, unlike integral data numbers (int64). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** One value the template reached: unstructured data, a text literal, or a number/bool literal. */
export type JsonPathValue = unknown;

export class JsonPathExecutionError extends Error {}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other';

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof GoFloat);
}

/** The Go type name of an unstructured value, as reflect.Type prints it in error messages. */
export function goTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof GoFloat) return 'float64';
  if (typeof value === 'number') return isGoInteger(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  if (isMap(value)) return 'map[string]interface {}';
  return 'interface {}';
}

function basicKind(value: unknown): Kind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (value instanceof GoFloat) return 'float';
  if (typeof value === 'number') return isGoInteger(value) ? 'int' : 'float';
  return 'other';
}

function numeric(value: unknown): number {
  return value instanceof GoFloat ? value.value : (value as number);
}

/** The forked text/template comparison functions used by filters (eq, ne, lt, le, gt, ge). */
function compare(left: unknown, right: unknown, operator: string): boolean {
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  if (k1 === 'other' || k2 === 'other') throw new JsonPathExecutionError('invalid type for comparison');
  if (k1 !== k2) throw new JsonPathExecutionError('incompatible types for comparison');
  const equal = (): boolean => (k1 === 'int' || k1 === 'float' ? numeric(left) === numeric(right) : left === right);
  const less = (): boolean => {
    if (k1 === 'bool') throw new JsonPathExecutionError('invalid type for comparison');
    if (k1 === 'string') return (left as string) < (right as string);
    return numeric(left) < numeric(right);
  };
  switch (operator) {
    case '==':
      return equal();
    case '!=':
      return !equal();
    case '<':
      return less();
    case '>':
      return !less() && !equal();
    case '<=':
      return less() || equal();
    case '>=':
      return !less();
    default:
      throw new JsonPathExecutionError(`unrecognized filter operator ${operator}`);
  }
}

function sortedValues(map: Record<string, unknown>): unknown[] {
  return Object.keys(map)
    .sort(compareStrings)
    .map((k) => map[k]);
}

/** The elements `*` and `..` descend into: map values, slice elements, string bytes. */
function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isMap(value)) return sortedValues(value);
  if (typeof value === 'string') return [...Buffer.from(value, 'utf8')];
  return [];
}

export class JsonPathEvaluator {
  private stack: unknown[][] = [];
  private cur: unknown[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;

  constructor(private readonly allowMissingKeys: boolean) {}

  /** FindResults: one list of values per printed segment of the template. */
  findResults(root: ListNode, data: unknown): unknown[][] {
    return this.find(root.nodes, data);
  }

  private find(nodes: Node[], data: unknown): unknown[][] {
    this.cur = [data];
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(this.cur, nodes[i]);
      // an end node closes the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange -= 1;
        break;
      }
      // a range node loops the rest of the template over its results
      if (this.beginRange > 0) {
        this.beginRange -= 1;
        this.inRange += 1;
        for (let k = 0; k < results.length; k++) {
          if (k === results.length - 1) this.inRange -= 1;
          full.push(...this.find(nodes.slice(i + 1), results[k]));
        }
        break;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node.left, node.right, node.operator);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap((value) => (value === null || value === undefined ? [] : children(value)));
      case 'recursive':
        return this.evalRecursive(input);
      case 'union':
        return node.lists.flatMap((list) => this.evalList(input, list));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: unknown[], node: ListNode): unknown[] {
    let current = input;
    for (const child of node.nodes) current = this.walk(current, child);
    return current;
  }

  private evalIdentifier(input: unknown[], name: string): unknown[] {
    switch (name) {
      case 'range':
        this.stack.push(this.cur);
        this.beginRange += 1;
        return input;
      case 'end':
        if (this.endRange < this.inRange) {
          this.endRange += 1;
          return [];
        }
        if (this.stack.length > 0) {
          this.cur = this.stack.pop()!;
          return [];
        }
        throw new JsonPathExecutionError('not in range, nothing to end');
      default:
        throw new JsonPathExecutionError(`unrecognized identifier ${name}`);
    }
  }

  private evalField(input: unknown[], name: string): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (isMap(value) && Object.prototype.hasOwnProperty.call(value, name)) results.push(value[name]);
    }
    if (results.length === 0 && input.length > 0 && !this.allowMissingKeys) {
      throw new JsonPathExecutionError(`${name} is not found`);
    }
    return results;
  }

  private evalArray(input: unknown[], template: [SliceParam, SliceParam, SliceParam]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathExecutionError(`${goTypeName(value)} is not array or slice`);
      const params = template.map((p) => ({ ...p }));
      const length = value.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += length;
      if (!params[1].known) params[1].value = length;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += length;
      if (params[1].value === params[0].value) return result;
      if (params[0].value >= length || params[0].value < 0) {
        throw new JsonPathExecutionError(`array index out of bounds: index ${params[0].value}, length ${length}`);
      }
      if (params[1].value > length || params[1].value < 0) {
        throw new JsonPathExecutionError(`array index out of bounds: index ${params[1].value - 1}, length ${length}`);
      }
      if (params[0].value > params[1].value) {
        throw new JsonPathExecutionError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      }
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathExecutionError('step must be > 0');
        step = params[2].value;
      }
      const slice = value.slice(params[0].value, params[1].value);
      for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
    }
    return result;
  }

  private evalRecursive(input: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: unknown[], left: ListNode, right: ListNode, operator: string): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathExecutionError(`${formatGoValue(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        if (operator === 'exists') {
          let lefts: unknown[] = [];
          try {
            lefts = this.evalList([item], left);
          } catch {
            // evalFilter ignores the error of an existence test
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        const rights = this.evalList([item], right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecutionError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], operator)) results.push(item);
      }
    }
    return results;
  }
}
