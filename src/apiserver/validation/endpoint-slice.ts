/**
 * EndpointSlice validation (pkg/apis/discovery/validation/validation.go, 1.31):
 * addressType, endpoint addresses and ports.
 */
import type { EndpointSlice } from '../../api/discovery.ts';
import { FieldPath, duplicate, invalid, notSupported, required, type FieldError } from './field-error.ts';
import { isDNS1123Label, isIPv6String, isValidPortNum, parseIPv4 } from './format-rules.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validateNonSpecialIP } from './special-ips.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateContent(slice: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  (slice.endpoints ?? []).forEach((ep, i) => {
    const addrPath = FieldPath.of('endpoints').index(i).child('addresses');
    if ((ep.addresses ?? []).length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
    (ep.addresses ?? []).forEach((a, j) => {
      if (slice.addressType === 'IPv4') {
        if (!parseIPv4(a)) errs.push(invalid(addrPath.index(j), a, 'must be a valid IPv4 address'));
        else errs.push(...validateNonSpecialIP(a, addrPath.index(j)));
      } else if (slice.addressType === 'IPv6') {
        if (!isIPv6String(a)) errs.push(invalid(addrPath.index(j), a, 'must be a valid IPv6 address'));
      }
    });
  });
  const names = new Set<string>();
  (slice.ports ?? []).forEach((p, i) => {
    const idx = FieldPath.of('ports').index(i);
    const name = p.name ?? '';
    if (name.length > 0) for (const msg of isDNS1123Label(name)) errs.push(invalid(idx.child('name'), name, msg));
    if (names.has(name)) errs.push(duplicate(idx.child('name'), name));
    names.add(name);
    if (!p.protocol) errs.push(required(idx.child('protocol')));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(notSupported(idx.child('protocol'), p.protocol, PROTOCOLS));
    if (p.port !== undefined) for (const msg of isValidPortNum(p.port)) errs.push(invalid(idx.child('port'), p.port, msg));
  });
  if (!slice.addressType) errs.push(required(FieldPath.of('addressType')));
  else if (!ADDRESS_TYPES.includes(slice.addressType)) errs.push(notSupported(FieldPath.of('addressType'), slice.addressType, ADDRESS_TYPES));
  return errs;
}

export function validateEndpointSlice(slice: EndpointSlice): FieldError[] {
  return validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain).concat(validateContent(slice));
}

export function validateEndpointSliceUpdate(next: EndpointSlice, old: EndpointSlice): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  if (next.addressType !== old.addressType) errs.push(invalid(FieldPath.of('addressType'), next.addressType, 'field is immutable'));
  return errs.concat(validateContent(next));
}
