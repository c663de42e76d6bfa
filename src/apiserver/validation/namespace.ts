/**
 * Namespace validation: ValidateNamespace (pkg/apis/core/validation, 1.31):
 * a DNS-1123 label name, no namespace of its own, valid finalizer names.
 */
import type { Namespace } from '../../api/core.ts';
import { FieldPath, invalid, type FieldError } from './field-error.ts';
import { isQualifiedName } from './format-rules.ts';
import { nameIsDNSLabel, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

function validateFinalizers(ns: Namespace): FieldError[] {
  const errs: FieldError[] = [];
  (ns.spec?.finalizers ?? []).forEach((f, i) => {
    for (const msg of isQualifiedName(f)) errs.push(invalid(FieldPath.of('spec', 'finalizers').index(i), f, msg));
  });
  return errs;
}

export function validateNamespace(ns: Namespace): FieldError[] {
  return validateObjectMeta(ns.metadata, false, nameIsDNSLabel).concat(validateFinalizers(ns));
}

export function validateNamespaceUpdate(next: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata).concat(validateFinalizers(next));
}
