/**
 * ValidatePortNumOrName (pkg/apis/core/validation/validation.go, 1.31): an
 * intstr port is either a number in 1..65535 or an IANA service name.
 */
import { invalid, type FieldError, type FieldPath } from './field-error.ts';
import { isValidPortName, isValidPortNum } from './format-rules.ts';

export function validatePortNumOrName(port: number | string, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(path, port, msg));
  return isValidPortName(port).map((msg) => invalid(path, port, msg));
}
