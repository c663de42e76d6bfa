/**
 * kube-proxy's per-service and per-endpoint chain names
 * (pkg/proxy/iptables/proxier.go, Kubernetes 1.31: portProtoHash,
 * servicePortPolicyClusterChain, servicePortEndpointChainName ...).
 *
 * A chain name is a prefix and the first 16 characters of the standard
 * base32 encoding of sha256(servicePortName + protocol [+ endpoint]), because
 * iptables chain names must be at most 28 characters (FIDELITY §5).
 */
import { createHash } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 of the first 10 bytes: exactly the 16 characters kube-proxy keeps. */
function base32First16(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < 10; i++) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** The 16-character hash of a service port: portProtoHash(servicePortName, protocol); protocol is lower-case. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return base32First16(createHash('sha256').update(servicePortName + protocol).digest());
}

/** KUBE-SVC-: the Cluster-policy chain of a service port. */
export function clusterPolicyChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-SVC-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-SVL-: the Local-policy chain (local endpoints only). */
export function localPolicyChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-SVL-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-EXT-: where NodePort, external IP and LoadBalancer traffic enters. */
export function externalChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-EXT-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-FW-: loadBalancerSourceRanges filtering. */
export function firewallChainName(servicePortName: string, protocol: string): string {
  return 'KUBE-FW-' + portProtoHash(servicePortName, protocol);
}

/** KUBE-SEP-: one endpoint; `endpoint` is "ip:port". */
export function endpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + portProtoHash(servicePortName + protocol, endpoint);
}
