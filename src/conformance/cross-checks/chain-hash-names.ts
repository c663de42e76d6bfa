/**
 * kube-proxy's per-service and per-endpoint chain names, named back after the
 * objects they belong to.
 *
 * kube-proxy v1.31.4 pkg/proxy/iptables/proxier.go: portProtoHash(servicePortName,
 * protocol) is the first 16 characters of base32(sha256(servicePortName +
 * protocol)) and names KUBE-SVC-, KUBE-SVL-, KUBE-EXT- and KUBE-FW- chains;
 * servicePortEndpointChainName hashes servicePortName + protocol + "IP:port"
 * for KUBE-SEP-. servicePortName is `ns/name:port` (`ns/name` for an unnamed
 * port, pkg/proxy/types.go ServicePortName.String), protocol lower-case.
 *
 * Written here from the Kubernetes source, not taken from src/kubeproxy: the
 * check must not trust the code it checks.
 */
import { createHash } from 'node:crypto';
import type { AddressBook } from './address-book.ts';
import type { ClusterObjects } from './cluster-objects.ts';
import { sliceServiceName } from './cluster-objects.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (Go's base32.StdEncoding), padding left out. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

function hash16(text: string): string {
  return base32(createHash('sha256').update(text).digest()).slice(0, 16);
}

/** The hash of KUBE-SVC-/SVL-/EXT-/FW- chains of a service port. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol.toLowerCase());
}

/** The hash of a KUBE-SEP- chain; `endpoint` is `IP:port`. */
export function endpointChainHash(servicePortName: string, protocol: string, endpoint: string): string {
  return hash16(servicePortName + protocol.toLowerCase() + endpoint);
}

/** Every chain name kube-proxy can make for the cluster's objects, to its label (`KUBE-SVC-<cross-check/web:http tcp>`). */
export function chainNameLabels(objects: ClusterObjects, book: AddressBook): Map<string, string> {
  const labels = new Map<string, string>();
  for (const svc of objects.services) {
    const { namespace, name } = svc.metadata;
    for (const port of svc.spec.ports ?? []) {
      const spn = `${namespace}/${name}${port.name ? `:${port.name}` : ''}`;
      const protocol = (port.protocol ?? 'TCP').toLowerCase();
      const h = portProtoHash(spn, protocol);
      for (const prefix of ['SVC', 'SVL', 'EXT', 'FW']) labels.set(`KUBE-${prefix}-${h}`, `KUBE-${prefix}-<${spn} ${protocol}>`);
      for (const slice of objects.endpointSlices) {
        if (slice.metadata.namespace !== namespace || sliceServiceName(slice) !== name) continue;
        for (const sp of slice.ports ?? []) {
          if ((sp.name ?? '') !== (port.name ?? '') || sp.port === undefined) continue;
          for (const e of slice.endpoints ?? []) {
            for (const ip of e.addresses) {
              const owner = book.addressLabel(ip)?.slice(1, -1) ?? ip;
              labels.set(`KUBE-SEP-${endpointChainHash(spn, protocol, `${ip}:${sp.port}`)}`, `KUBE-SEP-<${spn} ${protocol} @ ${owner}:${sp.port}>`);
            }
          }
        }
      }
    }
  }
  return labels;
}

const HASHED_CHAIN = /KUBE-(?:SVC|SVL|EXT|FW|SEP)-[A-Z2-7]{16}(?![A-Z2-7])/g;

/** Replaces every hashed chain name of `line` that `labels` knows. */
export function nameChains(line: string, labels: ReadonlyMap<string, string>): string {
  return line.replace(HASHED_CHAIN, (chain) => labels.get(chain) ?? chain);
}
