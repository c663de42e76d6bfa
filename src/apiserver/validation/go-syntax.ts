/**
 * Values as Go's fmt prints them. The API server puts bad values into its
 * messages with `%q` (strings) and `%#v` (maps, slices, structs) of the Go
 * types it holds (apimachinery pkg/util/validation/field/errors.go ErrorBody),
 * so `Invalid value: map[string]string{"app":"x"}` must be rebuilt here with
 * the Go type names of Kubernetes 1.31's internal API types.
 */

/** A value already written in Go syntax: field errors print it as is. */
export class GoLiteral {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

import { goQuote } from '../../go-runtime/strconv-quote.ts';
export { goQuote };

/** `%#v` of a map[string]string: keys sorted, as fmt sorts map keys; nil prints `map[string]string(nil)`. */
export function goStringMap(map: Record<string, string> | undefined | null): GoLiteral {
  if (map === undefined || map === null) return new GoLiteral('map[string]string(nil)');
  const entries = Object.keys(map)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(map[k])}`);
  return new GoLiteral(`map[string]string{${entries.join(', ')}}`);
}

/** `%#v` of a []string; nil prints `[]string(nil)`. */
export function goStringSlice(items: readonly string[] | undefined | null): GoLiteral {
  if (items === undefined || items === null) return new GoLiteral('[]string(nil)');
  return new GoLiteral(`[]string{${items.map(goQuote).join(', ')}}`);
}

/** `%#v` of an intstr.IntOrString (k8s.io/apimachinery/pkg/util/intstr): Type 0 is Int, 1 is String. */
export function goIntOrString(value: number | string | undefined): GoLiteral {
  if (typeof value === 'string') return new GoLiteral(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(value)}}`);
  return new GoLiteral(`intstr.IntOrString{Type:0, IntVal:${value ?? 0}, StrVal:""}`);
}

/** `%#v` of a metav1.LabelSelector (after the pointer is dereferenced, as ErrorBody does). */
export function goLabelSelector(selector: {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}): GoLiteral {
  const labels = selector.matchLabels ? goStringMap(selector.matchLabels).text : 'map[string]string(nil)';
  let expressions = '[]v1.LabelSelectorRequirement(nil)';
  if (selector.matchExpressions) {
    const items = selector.matchExpressions.map(
      (e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values).text}}`,
    );
    expressions = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return new GoLiteral(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`);
}

/**
 * `%#v` of the internal core.ServicePort used as the duplicate key in
 * ValidateService (pkg/apis/core/validation/validation.go): only Protocol and
 * Port are set in that key.
 */
export function goServicePortKey(protocol: string, port: number): GoLiteral {
  return new GoLiteral(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}
