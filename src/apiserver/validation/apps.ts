/**
 * Deployment and ReplicaSet validation: ValidateDeploymentSpec,
 * ValidateRollingUpdateDeployment, ValidateDeploymentStrategy,
 * ValidateReplicaSetSpec and ValidatePodTemplateSpecForReplicaSet of
 * pkg/apis/apps/validation/validation.go, and the selector immutability of
 * the apps/v1 strategies (pkg/registry/apps/deployment/strategy.go,
 * replicaset/strategy.go), Kubernetes 1.31.
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { PodTemplateSpec } from '../../api/core.ts';
import type { LabelSelector } from '../../api/meta.ts';
import { labelSelectorAsSelector } from '../selectors/label-selector-object.ts';
import { FieldPath, forbidden, invalid, notSupported, required, type FieldError } from './field-error.ts';
import { GoLiteral, goIntOrString, goLabelSelector, goQuote, goStringMap } from './go-syntax.ts';
import { isValidPercent } from './format-rules.ts';
import { validateLabelSelector } from './label-selector.ts';
import { jsonEqual } from '../json-equal.ts';
import { FIELD_IMMUTABLE, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validatePodTemplateSpec } from './pod.ts';

const NONNEGATIVE = 'must be greater than or equal to 0';

function nonnegative(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, NONNEGATIVE)] : [];
}

/** ValidatePodTemplateSpecForReplicaSet: the selector must match the template labels; restartPolicy Always. */
export function validateTemplateForSelector(
  template: PodTemplateSpec | undefined,
  matches: ((labels: Record<string, string> | undefined) => boolean) | undefined,
  path: FieldPath,
  kindForDeadline: string,
): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  if (matches && !matches(template.metadata?.labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), goStringMap(template.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const restart = template.spec?.restartPolicy ?? '';
  if (restart !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), restart, ['Always']));
  if ((template.spec as { activeDeadlineSeconds?: number } | undefined)?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${kindForDeadline} is not Supported`));
  }
  return errs;
}

function intOrPercentValue(v: number | string | undefined): number {
  if (typeof v === 'string') return isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : 0;
  return v ?? 0;
}

function validatePositiveIntOrPercent(v: number | string | undefined, path: FieldPath): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((msg) => invalid(path, goIntOrString(v), msg));
  return nonnegative(v ?? 0, path);
}

function validateStrategy(strategy: Deployment['spec']['strategy'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const type = strategy?.type ?? '';
  if (type === 'Recreate') {
    if (strategy?.rollingUpdate) errs.push(forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (type === 'RollingUpdate') {
    const ru = strategy?.rollingUpdate;
    if (!ru) errs.push(required(path.child('rollingUpdate'), 'this should be defaulted and never be nil'));
    else {
      const rp = path.child('rollingUpdate');
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, rp.child('maxUnavailable')));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, rp.child('maxSurge')));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(rp.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
      }
      if (typeof ru.maxUnavailable === 'string' && isValidPercent(ru.maxUnavailable).length === 0 && intOrPercentValue(ru.maxUnavailable) > 100) {
        errs.push(invalid(rp.child('maxUnavailable'), goIntOrString(ru.maxUnavailable), 'must not be greater than 100%'));
      }
    }
  } else {
    // %#v of the internal *apps.DeploymentStrategy; a set rollingUpdate would print a pointer address.
    const shown = new GoLiteral(`apps.DeploymentStrategy{Type:${goQuote(type)}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`);
    errs.push(notSupported(path, shown, ['Recreate', 'RollingUpdate']));
  }
  return errs;
}

type Matcher = ((labels: Record<string, string> | undefined) => boolean) | undefined;

/** LabelSelectorAsSelector as the validators call it: 'invalid' when the selector does not convert (the template is then not checked). */
function selectorMatcher(selector: LabelSelector | undefined, path: FieldPath, errs: FieldError[]): Matcher | 'invalid' {
  try {
    const expression = labelSelectorAsSelector(selector);
    if (!expression || expression.isEmpty()) return undefined;
    return (labels: Record<string, string> | undefined) => expression.matches(labels);
  } catch {
    errs.push(invalid(path, goLabelSelector(selector ?? {}), 'invalid label selector'));
    return 'invalid';
  }
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Deployment['spec'], path = FieldPath.of('spec')): FieldError[] {
  const errs = nonnegative(spec.replicas, path.child('replicas'));
  const sel = spec.selector;
  if (!sel) errs.push(required(path.child('selector')));
  else {
    errs.push(...validateLabelSelector(sel, path.child('selector')));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path.child('selector'), goLabelSelector(sel), 'empty selector is invalid for deployment'));
    }
  }
  // A nil selector converts to labels.Nothing(), which matches no template labels.
  const matches = sel ? selectorMatcher(sel, path.child('selector'), errs) : () => false;
  if (matches !== 'invalid') errs.push(...validateTemplateForSelector(spec.template, matches, path.child('template'), 'ReplicaSet'));
  errs.push(...validateStrategy(spec.strategy, path.child('strategy')));
  errs.push(...nonnegative(spec.minReadySeconds, path.child('minReadySeconds')));
  errs.push(...nonnegative(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonnegative(spec.progressDeadlineSeconds, path.child('progressDeadlineSeconds')));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid(path.child('progressDeadlineSeconds'), spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateDeployment. */
export function validateDeployment(d: Deployment): FieldError[] {
  return validateObjectMeta(d.metadata, true, nameIsDNSSubdomain).concat(validateDeploymentSpec(d.spec));
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: ReplicaSet['spec'], path = FieldPath.of('spec')): FieldError[] {
  const errs = nonnegative(spec.replicas, path.child('replicas'));
  errs.push(...nonnegative(spec.minReadySeconds, path.child('minReadySeconds')));
  const sel = spec.selector;
  if (!sel) errs.push(required(path.child('selector')));
  else {
    errs.push(...validateLabelSelector(sel, path.child('selector')));
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      errs.push(invalid(path.child('selector'), goLabelSelector(sel), 'empty selector is invalid for deployment'));
    }
  }
  // A nil selector converts to labels.Nothing(), which matches no template labels.
  const matches = sel ? selectorMatcher(sel, path.child('selector'), errs) : () => false;
  if (matches !== 'invalid') errs.push(...validateTemplateForSelector(spec.template, matches, path.child('template'), 'ReplicaSet'));
  return errs;
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return validateObjectMeta(rs.metadata, true, nameIsDNSSubdomain).concat(validateReplicaSetSpec(rs.spec));
}

/** apps/v1 makes spec.selector immutable (strategy ValidateUpdate). */
function selectorImmutable(next: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
  if (jsonEqual(next ?? null, old ?? null)) return [];
  return [invalid(FieldPath.of('spec', 'selector'), goLabelSelector(next ?? {}), FIELD_IMMUTABLE)];
}

export function validateDeploymentUpdate(next: Deployment, old: Deployment): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata)
    .concat(validateDeploymentSpec(next.spec))
    .concat(selectorImmutable(next.spec.selector, old.spec.selector));
}

export function validateReplicaSetUpdate(next: ReplicaSet, old: ReplicaSet): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata)
    .concat(validateReplicaSetSpec(next.spec))
    .concat(selectorImmutable(next.spec.selector, old.spec.selector));
}
