/**
 * kindest/node images by Kubernetes version: the images built for kind v0.26.0
 * (github.com/kubernetes-sigs/kind/releases/tag/v0.26.0, "Images pre-built for
 * this release"). kind asks for the digest: an image of the same tag built for
 * another kind release may not start with this provisioning.
 */
import { SettingsError } from '../../backend/run-settings.ts';

export const NODE_IMAGES: Readonly<Record<string, string>> = {
  'v1.32.0': 'kindest/node:v1.32.0@sha256:c48c62eac5da28cdadcf560d1d8616cfa6783b58f0d94cf63ad1bf49600cb027',
  'v1.31.4': 'kindest/node:v1.31.4@sha256:2cb39f7295fe7eafee0842b1052a599a4fb0f8bcf3f83d96c7f4864c357c6c30',
  'v1.30.8': 'kindest/node:v1.30.8@sha256:17cd608b3971338d9180b00776cb766c50d0a0b6b904ab4ff52fd3fc5c6369bf',
  'v1.29.12': 'kindest/node:v1.29.12@sha256:62c0672ba99a4afd7396512848d6fc382906b8f33349ae68fb1dbfe549f70dec',
  'v1.28.15': 'kindest/node:v1.28.15@sha256:a7c05c7ae043a0b8c818f5a06188bc2c4098f6cb59ca7d1856df00375d839251',
};

/** The Kubernetes version the memory backend imitates, and so the default. */
export const DEFAULT_KUBERNETES_VERSION = 'v1.31.4';

/**
 * The full version and image for `1.31`, `v1.31` or `v1.31.4`.
 * A minor version picks the patch release kind built an image of.
 */
export function nodeImageFor(version: string): { version: string; image: string } {
  const wanted = version.startsWith('v') ? version : `v${version}`;
  const exact = NODE_IMAGES[wanted];
  if (exact) return { version: wanted, image: exact };
  if (/^v\d+\.\d+$/.test(wanted)) {
    const patch = Object.keys(NODE_IMAGES).find((v) => v.startsWith(`${wanted}.`));
    if (patch) return { version: patch, image: NODE_IMAGES[patch] };
  }
  throw new SettingsError(
    `no kindest/node image is known for Kubernetes ${version}: choose one of ${Object.keys(NODE_IMAGES).join(', ')}, or name an image with --kind-image`,
  );
}

/** The Kubernetes version an image tag names (`kindest/node:v1.31.4@sha256:...` → v1.31.4), if it names one. */
export function versionOfImage(image: string): string | undefined {
  return /:(v\d+\.\d+\.\d+)/.exec(image)?.[1];
}
