/**
 * A Go type as reflection describes it: enough to print a JSON object the way go-spew prints
 * the Go value it decodes into (github.com/davecgh/go-spew/spew/format.go).
 */

export interface GoField {
  /** The Go field name spew prints (`Containers`, or `wall` for unexported fields). */
  name: string;
  /** The Go type string, a key of the layout table (`[]v1.Container`, `*int64`). */
  type: string;
  /** The JSON name the field decodes from; absent for unexported fields. */
  json?: string;
  /** Embedded with `json:",inline"`: its fields come from the enclosing JSON object. */
  inline?: boolean;
}

export type GoKind =
  | 'struct'
  | 'ptr'
  | 'slice'
  | 'array'
  | 'map'
  | 'string'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr'
  | 'float32'
  | 'float64'
  | 'interface';

export interface GoType {
  kind: GoKind | string;
  elem?: string;
  key?: string;
  fields?: GoField[];
}
