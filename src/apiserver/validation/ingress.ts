/**
 * Ingress and IngressClass validation (pkg/apis/networking/validation/validation.go,
 * 1.31): ValidateIngressSpec, validateIngressRules, validateHTTPIngressRuleValue,
 * validateIngressBackend, validateIngressTLS, ValidateIngressClassSpec.
 */
import type { Ingress, IngressBackend, IngressClass } from '../../api/networking.ts';
import { FieldPath, invalid, notSupported, required, tooLong, type FieldError } from './field-error.ts';
import { GoLiteral } from './go-syntax.ts';
import {
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  parseIPv4,
  isIPv6String,
  regexError,
  isDNS1123Subdomain as subdomain,
} from './format-rules.ts';
import { nameIsDNS1035Label, nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

function validateBackend(backend: IngressBackend, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = backend.resource !== undefined;
  const hasService = backend.service !== undefined;
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    if (!backend.resource!.kind) errs.push(required(path.child('resource', 'kind')));
    if (!backend.resource!.name) errs.push(required(path.child('resource', 'name')));
    return errs;
  }
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const svc = backend.service!;
  if (!svc.name) errs.push(required(path.child('service', 'name')));
  else for (const msg of nameIsDNS1035Label(svc.name, false)) errs.push(invalid(path.child('service', 'name'), svc.name, msg));
  const hasName = (svc.port?.name ?? '').length > 0;
  const hasNumber = (svc.port?.number ?? 0) !== 0;
  if (hasName && hasNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (hasName) for (const msg of isValidPortName(svc.port.name!)) errs.push(invalid(path.child('service', 'port', 'name'), svc.port.name!, msg));
  else if (hasNumber) for (const msg of isValidPortNum(svc.port.number!)) errs.push(invalid(path.child('service', 'port', 'number'), svc.port.number!, msg));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHost(host: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (parseIPv4(host) || isIPv6String(host)) errs.push(invalid(path, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  for (const msg of msgs) errs.push(invalid(path, host, msg));
  return errs;
}

function validateSpec(ing: Ingress): FieldError[] {
  const errs: FieldError[] = [];
  const spec = ing.spec ?? {};
  const specPath = FieldPath.of('spec');
  const rules = spec.rules ?? [];
  if (rules.length === 0 && !spec.defaultBackend) {
    const shown = spec.rules ? `[]networking.IngressRule{}` : '[]networking.IngressRule(nil)';
    errs.push(invalid(specPath, new GoLiteral(shown), 'either `defaultBackend` or `rules` must be specified'));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, specPath.child('defaultBackend')));
  rules.forEach((rule, i) => {
    const idx = specPath.child('rules').index(i);
    if (rule.host) errs.push(...validateHost(rule.host, idx.child('host')));
    if (rule.http) {
      const httpPath = idx.child('http');
      const paths = rule.http.paths ?? [];
      if (paths.length === 0) errs.push(required(httpPath.child('paths')));
      paths.forEach((p, j) => {
        const pp = httpPath.child('paths').index(j);
        const text = p.path ?? '';
        if (!p.pathType) errs.push(required(pp.child('pathType'), 'must be specified'));
        else if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
          if (!text.startsWith('/')) errs.push(invalid(pp.child('path'), text, 'must be an absolute path'));
          if (text.length > 0) {
            for (const seq of INVALID_PATH_SEQUENCES) if (text.includes(seq)) errs.push(invalid(pp.child('path'), text, `must not contain '${seq}'`));
            for (const suffix of INVALID_PATH_SUFFIXES) if (text.endsWith(suffix)) errs.push(invalid(pp.child('path'), text, `cannot end with '${suffix}'`));
          }
        } else if (p.pathType === 'ImplementationSpecific') {
          if (text.length > 0 && !text.startsWith('/')) errs.push(invalid(pp.child('path'), text, 'must be an absolute path'));
        } else errs.push(notSupported(pp.child('pathType'), p.pathType, PATH_TYPES));
        errs.push(...validateBackend(p.backend ?? {}, pp.child('backend')));
      });
    }
  });
  (spec.tls ?? []).forEach((tls, i) => {
    const idx = specPath.child('tls').index(i);
    (tls.hosts ?? []).forEach((host, j) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : subdomain(host);
      for (const msg of msgs) errs.push(invalid(idx.child('hosts').index(j), host, msg));
    });
    if (tls.secretName) for (const msg of nameIsDNSSubdomain(tls.secretName, false)) errs.push(invalid(idx.child('secretName'), tls.secretName, msg));
  });
  if (spec.ingressClassName) {
    for (const msg of nameIsDNSSubdomain(spec.ingressClassName, false)) errs.push(invalid(specPath.child('ingressClassName'), spec.ingressClassName, msg));
  }
  return errs;
}

export function validateIngress(ing: Ingress): FieldError[] {
  return validateObjectMeta(ing.metadata, true, nameIsDNSSubdomain).concat(validateSpec(ing));
}

export function validateIngressUpdate(next: Ingress, old: Ingress): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata).concat(validateSpec(next));
}

/** maxLenIngressClassController. */
const MAX_CONTROLLER_LENGTH = 250;

function validateIngressClassSpec(ic: IngressClass): FieldError[] {
  const path = FieldPath.of('spec', 'controller');
  const controller = ic.spec?.controller ?? '';
  if (controller.length > MAX_CONTROLLER_LENGTH) return [tooLong(path, MAX_CONTROLLER_LENGTH)];
  if (controller.length === 0) return [required(path)];
  const [host, rest] = [controller.split('/')[0], controller.split('/').slice(1).join('/')];
  if (!controller.includes('/') || host.length === 0 || rest.length === 0) {
    return [invalid(path, controller, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs = isDNS1123Subdomain(host).map((msg) => invalid(path, host, msg));
  if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+")));
  return errs;
}

export function validateIngressClass(ic: IngressClass): FieldError[] {
  return validateObjectMeta(ic.metadata, false, nameIsDNSSubdomain).concat(validateIngressClassSpec(ic));
}

export function validateIngressClassUpdate(next: IngressClass, old: IngressClass): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  if ((next.spec?.controller ?? '') !== (old.spec?.controller ?? '')) {
    errs.push(invalid(FieldPath.of('spec', 'controller'), next.spec?.controller ?? '', 'field is immutable'));
  }
  return errs.concat(validateIngressClassSpec(next));
}
