/**
 * The parse tree of kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath/node.go).
 */

export interface ListNode {
  type: 'list';
  nodes: Node[];
}

export interface SliceParam {
  value: number;
  known: boolean;
  /** The end index was derived from a single index (`[2]` means `[2:3]`). */
  derived: boolean;
}

export type Node =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: ListNode[] };

export function newList(): ListNode {
  return { type: 'list', nodes: [] };
}
