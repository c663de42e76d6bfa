/**
 * The `pod-template-hash` label and ReplicaSet name suffix, computed as kube-controller-manager
 * 1.31 computes it (pkg/controller/controller_utils.go ComputeHash):
 * FNV-32a over go-spew's `%#v` text of the Go PodTemplateSpec (pkg/util/hash/hash.go
 * DeepHashObject), then, when the Deployment has a status.collisionCount, its value as 8
 * little-endian bytes (4 of uint32, 4 zero); the decimal sum is rendered with
 * k8s.io/apimachinery pkg/util/rand SafeEncodeString.
 */
import type { PodTemplateSpec } from '../../api/core.ts';
import { GO_LAYOUT_POD_TEMPLATE_V1_31, POD_TEMPLATE_SPEC } from '../deep-hash/go-layout-pod-template-v1.31.ts';
import { decodeGoValue } from '../deep-hash/go-value.ts';
import { spewFormat } from '../deep-hash/spew-format.ts';

/** SafeEncodeString's alphabet: no vowels, no confusable characters (util/rand/rand.go). */
const SAFE_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** The spew text the hash is taken over; exported for tests and debugging. */
export function podTemplateSpewText(template: PodTemplateSpec): string {
  const value = decodeGoValue(template, POD_TEMPLATE_SPEC, GO_LAYOUT_POD_TEMPLATE_V1_31);
  return spewFormat(value, POD_TEMPLATE_SPEC, GO_LAYOUT_POD_TEMPLATE_V1_31);
}

/** The hash of a Deployment's pod template, e.g. `7c65d6cfc9`. */
export function computePodTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  const hasher = new Fnv32a();
  hasher.write(new TextEncoder().encode(podTemplateSpewText(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hasher.write(bytes);
  }
  return safeEncodeString(String(hasher.sum32()));
}

/** rand.SafeEncodeString: each byte of `s` picks a character of the alphabet by its value modulo 27. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHANUMS[s.charCodeAt(i) % SAFE_ALPHANUMS.length];
  return out;
}

/** hash/fnv New32a: FNV-1a, 32 bits. */
export class Fnv32a {
  private state = 0x811c9dc5;

  write(bytes: Uint8Array): void {
    let h = this.state;
    for (const b of bytes) {
      h ^= b;
      h = Math.imul(h, 0x01000193);
    }
    this.state = h >>> 0;
  }

  sum32(): number {
    return this.state >>> 0;
  }
}
