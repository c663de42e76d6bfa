/**
 * ValidateLabelSelector and ValidateLabelSelectorRequirement of
 * k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (1.31), strict
 * about values as the apps validators call them.
 */
import type { LabelSelector } from '../../api/meta.ts';
import { forbidden, invalid, required, type FieldError, type FieldPath } from './field-error.ts';
import { isQualifiedName, isValidLabelValue } from './format-rules.ts';
import { validateLabels } from './object-meta.ts';

export function validateLabelSelector(selector: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const idx = path.child('matchExpressions').index(i);
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) errs.push(required(idx.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) errs.push(forbidden(idx.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(idx.child('operator'), expr.operator, 'not a valid selector operator'));
    }
    for (const msg of isQualifiedName(expr.key ?? '')) errs.push(invalid(idx.child('key'), expr.key ?? '', msg));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(idx.child('values').index(j), v, msg));
    });
  });
  return errs;
}
