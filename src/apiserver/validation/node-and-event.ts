/**
 * Node and Event validation, reduced to what this cluster writes: object
 * metadata (ValidateNode / ValidateEventCreate in pkg/apis/core/validation,
 * 1.31) and the event's namespace agreeing with its involved object.
 */
import type { Event, Node } from '../../api/core.ts';
import { FieldPath, invalid, type FieldError } from './field-error.ts';
import { nameIsDNSSubdomain, validateObjectMeta } from './object-meta.ts';

export function validateNode(node: Node): FieldError[] {
  return validateObjectMeta(node.metadata, false, nameIsDNSSubdomain);
}

export function validateEvent(event: Event): FieldError[] {
  const errs = validateObjectMeta(event.metadata, true, nameIsDNSSubdomain);
  const involvedNs = event.involvedObject?.namespace ?? '';
  if (involvedNs !== '' && involvedNs !== event.metadata.namespace) {
    errs.push(invalid(FieldPath.of('involvedObject', 'namespace'), involvedNs, 'does not match event.namespace'));
  }
  return errs;
}
