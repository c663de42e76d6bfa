/**
 * ObjectMeta validation (apimachinery pkg/api/validation/objectmeta.go and
 * generic.go; pkg/apis/meta/v1/validation for labels), Kubernetes 1.31.
 */
import type { ObjectMeta } from '../../api/meta.ts';
import { FieldPath, forbidden, invalid, required, tooLong, type FieldError } from './field-error.ts';
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  maskTrailingDash,
} from './format-rules.ts';

/** ValidateNameFunc: `prefix` is true for a generateName, which may end with '-'. */
export type NameRule = (name: string, prefix: boolean) => string[];

/** NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameRule = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** NameIsDNSLabel: namespaces (ValidateNamespaceName). */
export const nameIsDNSLabel: NameRule = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** NameIsDNS1035Label: services (ValidateServiceName). */
export const nameIsDNS1035Label: NameRule = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** ValidateLabels (meta/v1/validation): bad keys and values are both reported at the map's path. */
export function validateLabels(labels: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(key)) errs.push(invalid(path, key, msg));
    for (const msg of isValidLabelValue(labels![key])) errs.push(invalid(path, labels![key], msg));
  }
  return errs;
}

/** TotalAnnotationSizeLimitB in objectmeta.go. */
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/** ValidateAnnotations: keys are qualified names (checked lower-cased), total size at most 256 KiB. */
export function validateAnnotations(annotations: Record<string, string> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const key of Object.keys(annotations ?? {}).sort()) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalid(path, key, msg));
    size += key.length + annotations![key].length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE));
  return errs;
}

/**
 * ValidateObjectMetaAccessor: generateName and name checked with the kind's
 * rule, namespace required (namespaced kinds) or forbidden (cluster kinds),
 * labels and annotations.
 */
export function validateObjectMeta(meta: ObjectMeta, requiresNamespace: boolean, nameRule: NameRule, path = FieldPath.of('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameRule(meta.generateName, true)) errs.push(invalid(path.child('generateName'), meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const msg of nameRule(meta.name, false)) errs.push(invalid(path.child('name'), meta.name, msg));
  if (requiresNamespace) {
    if (!meta.namespace) errs.push(required(path.child('namespace')));
    else for (const msg of nameIsDNSLabel(meta.namespace, false)) errs.push(invalid(path.child('namespace'), meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  if (meta.generation !== undefined && meta.generation < 0) {
    errs.push(invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}

/** The text of ValidateImmutableField (apimachinery api/validation). */
export const FIELD_IMMUTABLE = 'field is immutable';

/** ValidateObjectMetaUpdate: the parts a user may not change. */
export function validateObjectMetaUpdate(next: ObjectMeta, old: ObjectMeta, path = FieldPath.of('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (next.name !== old.name) errs.push(invalid(path.child('name'), next.name ?? '', FIELD_IMMUTABLE));
  if ((next.namespace ?? '') !== (old.namespace ?? '')) errs.push(invalid(path.child('namespace'), next.namespace ?? '', FIELD_IMMUTABLE));
  if (next.uid !== old.uid) errs.push(invalid(path.child('uid'), next.uid ?? '', FIELD_IMMUTABLE));
  errs.push(...validateLabels(next.labels, path.child('labels')));
  errs.push(...validateAnnotations(next.annotations, path.child('annotations')));
  return errs;
}
