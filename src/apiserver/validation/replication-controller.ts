/**
 * ReplicationController validation: ValidateReplicationControllerSpec and
 * ValidatePodTemplateSpecForRC (pkg/apis/core/validation/validation.go, 1.31).
 */
import type { ReplicationController } from '../../api/core.ts';
import { selectorFromSet } from '../selectors/label-selector.ts';
import { validateTemplateForSelector } from './apps.ts';
import { FieldPath, invalid, required, type FieldError } from './field-error.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

function validateSpec(rc: ReplicationController): FieldError[] {
  const spec = rc.spec ?? {};
  const path = FieldPath.of('spec');
  const errs: FieldError[] = [];
  if ((spec.minReadySeconds ?? 0) < 0) errs.push(invalid(path.child('minReadySeconds'), spec.minReadySeconds!, 'must be greater than or equal to 0'));
  const selector = selectorFromSet(spec.selector);
  if (selector.isEmpty()) errs.push(required(path.child('selector')));
  if ((spec.replicas ?? 0) < 0) errs.push(invalid(path.child('replicas'), spec.replicas!, 'must be greater than or equal to 0'));
  const matches = selector.isEmpty() ? undefined : (labels: Record<string, string> | undefined) => selector.matches(labels);
  errs.push(...validateTemplateForSelector(spec.template, matches, path.child('template'), 'ReplicationController'));
  return errs;
}

export function validateReplicationController(rc: ReplicationController): FieldError[] {
  return validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain).concat(validateSpec(rc));
}

export function validateReplicationControllerUpdate(next: ReplicationController, old: ReplicationController): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata).concat(validateSpec(next));
}
