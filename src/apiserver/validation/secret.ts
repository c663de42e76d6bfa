/**
 * Secret validation: ValidateSecret and ValidateSecretUpdate
 * (pkg/apis/core/validation/validation.go, 1.31). Data values are base64 on
 * the wire; sizes count the decoded bytes as the server does.
 */
import type { Secret } from '../../api/core.ts';
import { FieldPath, forbidden, invalid, required, tooLong, type FieldError } from './field-error.ts';
import { isConfigMapKey } from './format-rules.ts';
import { jsonEqual } from '../json-equal.ts';
import { FIELD_IMMUTABLE, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

/** core.MaxSecretSize. */
export const MAX_SECRET_SIZE = 1024 * 1024;

const REDACTED = '<secret contents redacted>';

function decoded(value: string | undefined): Buffer {
  return Buffer.from(value ?? '', 'base64');
}

function validJSON(bytes: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return `json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type map[string]interface {}`;
    }
    return undefined;
  } catch {
    return 'unexpected end of JSON input';
  }
}

export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateObjectMeta(secret.metadata, true, nameIsDNSSubdomain);
  const dataPath = FieldPath.of('data');
  const data = secret.data ?? {};
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, msg));
    total += decoded(data[key]).length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(FieldPath.of('metadata', 'annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case 'kubernetes.io/dockercfg': {
      if (!has('.dockercfg')) {
        errs.push(required(dataPath.key('.dockercfg')));
        break;
      }
      const problem = validJSON(decoded(data['.dockercfg']));
      if (problem) errs.push(invalid(dataPath.key('.dockercfg'), REDACTED, problem));
      break;
    }
    case 'kubernetes.io/dockerconfigjson': {
      if (!has('.dockerconfigjson')) {
        errs.push(required(dataPath.key('.dockerconfigjson')));
        break;
      }
      const problem = validJSON(decoded(data['.dockerconfigjson']));
      if (problem) errs.push(invalid(dataPath.key('.dockerconfigjson'), REDACTED, problem));
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required(dataPath.key('username')));
        errs.push(required(dataPath.key('password')));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (decoded(data['ssh-privatekey']).length === 0) errs.push(required(dataPath.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(dataPath.key('tls.crt')));
      if (!has('tls.key')) errs.push(required(dataPath.key('tls.key')));
      break;
  }
  return errs;
}

export function validateSecretUpdate(next: Secret, old: Secret): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  if ((next.type ?? '') !== (old.type ?? '')) errs.push(invalid(FieldPath.of('type'), next.type ?? '', FIELD_IMMUTABLE));
  if (old.immutable) {
    if (!next.immutable) errs.push(forbidden(FieldPath.of('immutable'), 'field is immutable when `immutable` is set'));
    if (!jsonEqual(next.data ?? {}, old.data ?? {})) errs.push(forbidden(FieldPath.of('data'), 'field is immutable when `immutable` is set'));
  }
  return errs.concat(validateSecret(next));
}
