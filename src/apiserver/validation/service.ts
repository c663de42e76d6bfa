/**
 * Service validation: ValidateService, validateServicePort,
 * ValidateServiceClusterIPsRelatedFields, validateServiceExternalTrafficPolicy,
 * validateServiceInternalTrafficFieldsValue, ValidateServiceUpdate and
 * validateUpgradeDowngradeClusterIPs of pkg/apis/core/validation/validation.go
 * (Kubernetes 1.31), in the order those functions report.
 */
import type { Service, ServicePort } from '../../api/core.ts';
import {
  FieldPath,
  duplicate,
  forbidden,
  invalid,
  notSupported,
  required,
  type FieldError,
} from './field-error.ts';
import { goServicePortKey, goStringSlice } from './go-syntax.ts';
import { isDNS1123Label, isDNS1123Subdomain, isIPv6String, isValidIP, isValidPortNum } from './format-rules.ts';
import { nameIsDNS1035Label, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validatePortNumOrName } from './ports.ts';
import { validateNonSpecialIP } from './special-ips.ts';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SUPPORTED_AFFINITY = ['ClientIP', 'None'];
const SUPPORTED_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_ETP = ['Cluster', 'Local'];
const SUPPORTED_ITP = ['Cluster', 'Local'];
const SUPPORTED_FAMILIES = ['IPv4', 'IPv6'];
const SUPPORTED_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
/** core.MaxClientIPServiceAffinitySeconds. */
const MAX_AFFINITY_SECONDS = 86400;

/** isHeadlessService in validation.go: exactly one clusterIP and it is "None". */
export function isHeadlessService(svc: Service): boolean {
  const ips = svc.spec.clusterIPs ?? [];
  return ips.length === 1 && ips[0] === 'None';
}

/** apiservice.ExternallyAccessible (pkg/api/v1/service/util.go). */
export function externallyAccessible(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(path.child('name')));
  else if (sp.name) {
    for (const msg of isDNS1123Label(sp.name)) errs.push(invalid(path.child('name'), sp.name, msg));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    else names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port ?? 0)) errs.push(invalid(path.child('port'), sp.port ?? 0, msg));
  if (!sp.protocol) errs.push(required(path.child('protocol')));
  else if (!SUPPORTED_PROTOCOLS.includes(sp.protocol)) errs.push(notSupported(path.child('protocol'), sp.protocol, SUPPORTED_PROTOCOLS));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child('targetPort')));
  return errs;
}

function validateClientIPAffinityConfig(svc: Service, path: FieldPath): FieldError[] {
  const config = svc.spec.sessionAffinityConfig;
  const when = 'when session affinity type is ClientIP';
  if (!config) return [required(path, when)];
  if (!config.clientIP) return [required(path.child('clientIP'), when)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined) return [required(path.child('clientIP', 'timeoutSeconds'), when)];
  if (timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
    return [invalid(path.child('clientIP', 'timeoutSeconds'), timeout, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** ValidateServiceClusterIPsRelatedFields (also run by the allocator before it allocates). */
export function validateClusterIPsRelatedFields(svc: Service): FieldError[] {
  if (svc.spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const spec = FieldPath.of('spec');
  const clusterIPsPath = spec.child('clusterIPs');
  const clusterIPs = svc.spec.clusterIPs ?? [];
  let hasInvalidIPs = false;
  if (svc.spec.clusterIP) {
    if (clusterIPs.length === 0) errs.push(required(clusterIPsPath));
    else if (clusterIPs[0] !== svc.spec.clusterIP) errs.push(invalid(clusterIPsPath, goStringSlice(clusterIPs), 'first value must match `clusterIP`'));
  } else if (clusterIPs.length !== 0) {
    errs.push(invalid(clusterIPsPath, goStringSlice(clusterIPs), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  (svc.spec.ipFamilies ?? []).forEach((family, i) => {
    if (!SUPPORTED_FAMILIES.includes(family)) errs.push(notSupported(spec.child('ipFamilies').index(i), family, SUPPORTED_FAMILIES));
    if (seen.has(family)) errs.push(duplicate(spec.child('ipFamilies').index(i), family));
    seen.add(family);
  });
  const policy = svc.spec.ipFamilyPolicy;
  if (policy !== undefined && !SUPPORTED_FAMILY_POLICIES.includes(policy)) {
    errs.push(notSupported(spec.child('ipFamilyPolicy'), policy, SUPPORTED_FAMILY_POLICIES));
  }
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(clusterIPsPath, goStringSlice(clusterIPs), "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    if (msgs.length > 0) hasInvalidIPs = true;
    for (const msg of msgs) errs.push(invalid(clusterIPsPath.index(i), ip, msg));
  });
  if (clusterIPs.length > 2) errs.push(invalid(clusterIPsPath, goStringSlice(clusterIPs), 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (clusterIPs.length > 1) {
    const v6 = clusterIPs.map(isIPv6String);
    if (v6[0] === v6[1]) errs.push(invalid(clusterIPsPath, goStringSlice(clusterIPs), 'may specify no more than one IP for each IP family'));
  }
  const families = svc.spec.ipFamilies ?? [];
  if (!isHeadlessService(svc) && clusterIPs.length > 0 && families.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i > families.length - 1) return;
      if (families[i] === 'IPv4' && isIPv6String(ip)) {
        errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (families[i] === 'IPv6' && !isIPv6String(ip)) {
        errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

function validateExternalTrafficPolicy(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = FieldPath.of('spec');
  const etp = svc.spec.externalTrafficPolicy;
  if (!externallyAccessible(svc)) {
    if (etp) errs.push(invalid(spec.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(required(spec.child('externalTrafficPolicy')));
  else if (!SUPPORTED_ETP.includes(etp)) errs.push(notSupported(spec.child('externalTrafficPolicy'), etp, SUPPORTED_ETP));
  const hc = svc.spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hc !== 0) {
      errs.push(invalid(spec.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (hc === 0) errs.push(required(spec.child('healthCheckNodePort')));
  else for (const msg of isValidPortNum(hc)) errs.push(invalid(spec.child('healthCheckNodePort'), hc, msg));
  return errs;
}

function validateInternalTrafficPolicy(svc: Service): FieldError[] {
  const itp = svc.spec.internalTrafficPolicy;
  const path = FieldPath.of('spec', 'internalTrafficPolicy');
  if (itp === undefined) {
    const t = svc.spec.type;
    return t === 'NodePort' || t === 'LoadBalancer' || t === 'ClusterIP' ? [required(path)] : [];
  }
  return SUPPORTED_ITP.includes(itp) ? [] : [notSupported(path, itp, SUPPORTED_ITP)];
}

/** ValidateService. */
export function validateService(svc: Service): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = FieldPath.of('spec');
  const ports = svc.spec.ports ?? [];
  const headless = isHeadlessService(svc);
  if (ports.length === 0 && !headless && svc.spec.type !== 'ExternalName') errs.push(required(spec.child('ports')));
  switch (svc.spec.type) {
    case 'LoadBalancer':
      if (headless) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (headless) errs.push(invalid(spec.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if ((svc.spec.clusterIPs ?? []).length > 0) errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
      if ((svc.spec.ipFamilies ?? []).length > 0) errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
      if (svc.spec.ipFamilyPolicy !== undefined) errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
      const cname = (svc.spec.externalName ?? '').replace(/\.$/, '');
      if (cname.length > 0) for (const msg of isDNS1123Subdomain(cname)) errs.push(invalid(spec.child('externalName'), cname, msg));
      else errs.push(required(spec.child('externalName')));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, spec.child('ports').index(i))));
  if (svc.spec.selector) errs.push(...validateLabels(svc.spec.selector, spec.child('selector')));
  const affinity = svc.spec.sessionAffinity;
  if (!affinity) errs.push(required(spec.child('sessionAffinity')));
  else if (!SUPPORTED_AFFINITY.includes(affinity)) errs.push(notSupported(spec.child('sessionAffinity'), affinity, SUPPORTED_AFFINITY));
  if (affinity === 'ClientIP') errs.push(...validateClientIPAffinityConfig(svc, spec.child('sessionAffinityConfig')));
  else if (affinity === 'None' && svc.spec.sessionAffinityConfig) {
    errs.push(forbidden(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(svc));
  (svc.spec.externalIPs ?? []).forEach((ip, i) => {
    const path = spec.child('externalIPs').index(i);
    const msgs = isValidIP(ip);
    if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(path, ip, msg));
    else errs.push(...validateNonSpecialIP(ip, path));
  });
  const type = svc.spec.type;
  if (!type) errs.push(required(spec.child('type')));
  else if (!SUPPORTED_TYPES.includes(type)) errs.push(notSupported(spec.child('type'), type, SUPPORTED_TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(spec.child('ports').index(i).child('nodePort'), p.nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push(duplicate(spec.child('ports').index(i), goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    portKeys.add(key);
  });
  if ((svc.spec.loadBalancerSourceRanges ?? []).length > 0 && type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('LoadBalancerSourceRanges'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (svc.spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  }
  if (type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts === undefined) {
    errs.push(required(FieldPath.of('allocateLoadBalancerNodePorts')));
  }
  if (svc.spec.loadBalancerClass !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden(spec.child('loadBalancerClass'), "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateExternalTrafficPolicy(svc));
  errs.push(...validateInternalTrafficPolicy(svc));
  return errs;
}

/** validateUpgradeDowngradeClusterIPs for a single-stack cluster: the primary clusterIP may not change. */
function validateClusterIPsUpdate(old: Service, next: Service): FieldError[] {
  if (next.spec.type === 'ExternalName' || old.spec.type === 'ExternalName') return [];
  if (isHeadlessService(old) && isHeadlessService(next)) return [];
  const before = old.spec.clusterIPs ?? [];
  const after = next.spec.clusterIPs ?? [];
  const path = FieldPath.of('spec', 'clusterIPs');
  const errs: FieldError[] = [];
  if (before.length === after.length) {
    before.forEach((ip, i) => {
      if (ip !== after[i]) errs.push(invalid(path.index(i), goStringSlice(after), 'may not change once set'));
    });
  } else if (before.length > after.length) {
    if (after.length === 0) errs.push(invalid(path.index(0), goStringSlice(next.spec.clusterIPs), 'primary clusterIP can not be unset'));
    if (before.length > 0 && after.length > 0 && after[0] !== before[0]) {
      errs.push(invalid(path.index(0), goStringSlice(after), 'may not change once set'));
    }
  } else if (before.length > 0 && after[0] !== before[0]) {
    errs.push(invalid(path.index(0), goStringSlice(after), 'may not change once set'));
  }
  return errs;
}

/** ValidateServiceUpdate. */
export function validateServiceUpdate(next: Service, old: Service): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  errs.push(...validateClusterIPsUpdate(old, next));
  if (needsHealthCheck(old) && needsHealthCheck(next) && next.spec.healthCheckNodePort !== old.spec.healthCheckNodePort) {
    errs.push(forbidden(FieldPath.of('spec', 'healthCheckNodePort'), 'field is immutable'));
  }
  return errs.concat(validateService(next));
}
