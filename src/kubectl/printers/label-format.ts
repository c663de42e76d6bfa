/**
 * Label maps and label selectors as kubectl prints them in tables and describe output.
 *
 * formatLabels: labels.FormatLabels (k8s.io/apimachinery/pkg/labels/labels.go): keys sorted,
 * `k=v` joined by commas, `<none>` when empty.
 * selectorString / formatLabelSelector: metav1.LabelSelectorAsSelector + Selector.String and
 * metav1.FormatLabelSelector (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go, labels/selector.go):
 * requirements sorted by key, `key=value`, `key in (a,b)`, `key notin (a,b)`, `key`, `!key`.
 */
import type { LabelSelector } from '../../api/meta.ts';

/** Sorted, comma-joined `key=value` pairs (labels.Set.String), empty for no labels. */
export function labelsString(labels: Record<string, string> | null | undefined): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort(compareStrings)
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/** labels.FormatLabels: `<none>` for an empty map. */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const text = labelsString(labels);
  return text === '' ? '<none>' : text;
}

/** Byte-wise string order, as Go's sort.Strings on ASCII keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Requirement {
  key: string;
  text: string;
}

function requirementText(key: string, operator: string, values: string[]): string {
  const sorted = [...values].sort(compareStrings);
  const joined = sorted.length === 1 ? sorted[0] : sorted.join(',');
  switch (operator) {
    case 'In':
      return `${key} in (${joined})`;
    case 'NotIn':
      return `${key} notin (${joined})`;
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    default:
      return `${key}=${joined}`;
  }
}

/**
 * Selector.String of a metav1.LabelSelector: `''` for an empty or missing selector
 * (labels.Everything / labels.Nothing both print as the empty string).
 */
export function selectorString(selector: LabelSelector | null | undefined): string {
  if (!selector) return '';
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({ key, text: `${key}=${value}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    requirements.push({ key: expr.key, text: requirementText(expr.key, expr.operator, expr.values ?? []) });
  }
  // internalSelector keeps requirements sorted by key; Array.sort is stable for equal keys.
  requirements.sort((a, b) => compareStrings(a.key, b.key));
  return requirements.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects everything or nothing. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const text = selectorString(selector);
  return text === '' ? '<none>' : text;
}
