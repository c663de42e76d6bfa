/**
 * ValidateNonSpecialIP and ValidateEndpointIP (pkg/apis/core/validation,
 * 1.31): addresses that make no sense as external or endpoint IPs.
 */
import { invalid, type FieldError, type FieldPath } from './field-error.ts';
import { isIPv6String, parseIPv4 } from './format-rules.ts';

export function validateNonSpecialIP(ip: string, path: FieldPath): FieldError[] {
  const v4 = parseIPv4(ip);
  if (!v4) return isIPv6String(ip) ? [] : [invalid(path, ip, 'must be a valid IP address')];
  const errs: FieldError[] = [];
  if (v4.every((o) => o === 0)) errs.push(invalid(path, ip, 'may not be unspecified (0.0.0.0)'));
  if (v4[0] === 127) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4[0] === 169 && v4[1] === 254) errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (v4[0] === 224 && v4[1] === 0 && v4[2] === 0) {
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  }
  return errs;
}
