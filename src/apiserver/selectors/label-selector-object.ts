/**
 * metav1.LabelSelector (matchLabels / matchExpressions) as a selector:
 * LabelSelectorAsSelector and FormatLabelSelector of
 * k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go.
 */
import type { LabelSelector } from '../../api/meta.ts';
import { isQualifiedName } from '../validation/format-rules.ts';
import { LabelSelectorExpression, type Requirement, type SelectorOperator } from './label-selector.ts';

const OPERATORS: Record<string, SelectorOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * LabelSelectorAsSelector: undefined selects nothing (returns undefined), an
 * empty selector selects everything. Throws with the Go text for an unknown operator.
 */
export function labelSelectorAsSelector(selector: LabelSelector | undefined | null): LabelSelectorExpression | undefined {
  if (!selector) return undefined;
  const requirements: Requirement[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    requirements.push({ key, operator: '=', values: [selector.matchLabels![key]] });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const op = OPERATORS[expr.operator];
    if (!op) throw new Error(`"${expr.operator}" is not a valid label selector operator`);
    const given = expr.values ?? [];
    // labels.NewRequirement's checks, which LabelSelectorAsSelector goes through.
    if ((op === 'in' || op === 'notin') && given.length === 0) throw new Error("for 'in', 'notin' operators, values set can't be empty");
    if ((op === 'exists' || op === '!') && given.length > 0) throw new Error('values set must be empty for exists and does not exist');
    if (isQualifiedName(expr.key).length > 0) throw new Error(`invalid label key ${JSON.stringify(expr.key)}`);
    const values = [...new Set(given)].sort();
    requirements.push({ key: expr.key, operator: op, values });
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new LabelSelectorExpression(requirements);
}

/** FormatLabelSelector: `app=x,tier in (a,b)`, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  let expression: LabelSelectorExpression | undefined;
  try {
    expression = labelSelectorAsSelector(selector);
  } catch {
    return '<error>';
  }
  const text = expression ? expression.toString() : '';
  return text.length === 0 ? '<none>' : text;
}

/** Whether an object's labels satisfy a LabelSelector (nil selects nothing). */
export function labelSelectorMatches(selector: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  const expression = labelSelectorAsSelector(selector);
  return expression ? expression.matches(labels) : false;
}
