/**
 * Endpoints validation: ValidateEndpoints, validateEndpointSubsets,
 * validateEndpointAddress, ValidateEndpointIP and validateEndpointPort
 * (pkg/apis/core/validation/validation.go, 1.31).
 */
import type { EndpointAddress, EndpointPort, Endpoints } from '../../api/core.ts';
import { FieldPath, invalid, notSupported, required, type FieldError } from './field-error.ts';
import { isDNS1123Label, isValidIP, isValidPortNum } from './format-rules.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validateNonSpecialIP } from './special-ips.ts';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateAddress(address: EndpointAddress, path: FieldPath): FieldError[] {
  const errs = isValidIP(address.ip ?? '').map((msg) => invalid(path.child('ip'), address.ip ?? '', msg));
  if (address.hostname) errs.push(...isDNS1123Label(address.hostname).map((msg) => invalid(path.child('hostname'), address.hostname!, msg)));
  if (address.nodeName !== undefined) {
    errs.push(...nameIsDNSSubdomain(address.nodeName, false).map((msg) => invalid(path.child('nodeName'), address.nodeName!, msg)));
  }
  return errs.concat(validateNonSpecialIP(address.ip ?? '', path.child('ip')));
}

function validatePort(port: EndpointPort, requireName: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(required(path.child('name')));
  else if (port.name) errs.push(...isDNS1123Label(port.name).map((msg) => invalid(path.child('name'), port.name!, msg)));
  errs.push(...isValidPortNum(port.port ?? 0).map((msg) => invalid(path.child('port'), port.port ?? 0, msg)));
  if (!port.protocol) errs.push(required(path.child('protocol')));
  else if (!SUPPORTED_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(path.child('protocol'), port.protocol, SUPPORTED_PROTOCOLS));
  return errs;
}

function validateSubsets(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const idx = FieldPath.of('subsets').index(i);
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) {
      errs.push(required(idx, 'must specify `addresses` or `notReadyAddresses`'));
    }
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, idx.child('addresses').index(j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, idx.child('notReadyAddresses').index(j))));
    const ports = ss.ports ?? [];
    ports.forEach((p, j) => errs.push(...validatePort(p, ports.length > 1, idx.child('ports').index(j))));
  });
  return errs;
}

export function validateEndpoints(ep: Endpoints): FieldError[] {
  return validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain).concat(validateSubsets(ep));
}

export function validateEndpointsUpdate(next: Endpoints, old: Endpoints): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, old.metadata).concat(validateSubsets(next));
}
