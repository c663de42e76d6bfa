/**
 * ConfigMap validation: ValidateConfigMap and ValidateConfigMapUpdate
 * (pkg/apis/core/validation/validation.go, 1.31).
 */
import type { ConfigMap } from '../../api/core.ts';
import { FieldPath, forbidden, invalid, tooLong, type FieldError } from './field-error.ts';
import { isConfigMapKey } from './format-rules.ts';
import { jsonEqual } from '../json-equal.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { MAX_SECRET_SIZE } from './secret.ts';

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = cm.data ?? {};
  const binary = cm.binaryData ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(FieldPath.of('data').key(key), key, msg));
    if (Object.prototype.hasOwnProperty.call(binary, key)) errs.push(invalid(FieldPath.of('data').key(key), key, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(data[key], 'utf8');
  }
  for (const key of Object.keys(binary).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(FieldPath.of('binaryData').key(key), key, msg));
    if (Object.prototype.hasOwnProperty.call(data, key)) errs.push(invalid(FieldPath.of('binaryData').key(key), key, 'duplicate of key present in data'));
    total += Buffer.from(binary[key], 'base64').length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(FieldPath.of(''), MAX_SECRET_SIZE));
  return errs;
}

export function validateConfigMapUpdate(next: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  if (old.immutable) {
    if (!next.immutable) errs.push(forbidden(FieldPath.of('immutable'), 'field is immutable when `immutable` is set'));
    if (!jsonEqual(next.data ?? {}, old.data ?? {})) errs.push(forbidden(FieldPath.of('data'), 'field is immutable when `immutable` is set'));
    if (!jsonEqual(next.binaryData ?? {}, old.binaryData ?? {})) {
      errs.push(forbidden(FieldPath.of('binaryData'), 'field is immutable when `immutable` is set'));
    }
  }
  return errs.concat(validateConfigMap(next));
}
