/**
 * Why a pull fails, in containerd 1.7's words (the runtime of kind node images
 * for Kubernetes 1.31). The kubelet puts this text after `Failed to pull image
 * "<image>": ` in its event and as the ErrImagePull waiting message; since
 * Kubernetes 1.28 the gRPC `rpc error: code = ... desc =` prefix is gone.
 *
 * Texts: containerd pkg/cri/server/image_pull.go (`failed to pull and unpack
 * image %q`), core/remotes/docker/resolver.go (`failed to resolve reference
 * %q`, `%s: not found`, `pull access denied, repository does not exist or may
 * require authorization`) and Docker Hub's error body (`server message:
 * insufficient_scope: authorization failed`).
 */
import type { ImageReference } from './image-reference.ts';

/** Registries that answer 404 for unknown repositories or tags; Docker Hub answers 401 for unknown repositories. */
const PUBLIC_REGISTRIES = new Set(['registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'public.ecr.aws', 'mcr.microsoft.com']);

/** The nameserver of the kind node (Docker's network gateway): failing registry lookups name it. */
export const KIND_NODE_NAMESERVER = '172.18.0.1';

/**
 * The containerd error for a reference the catalog does not hold.
 * `repositoryKnown`: the repository exists but not this tag.
 */
export function pullFailureMessage(reference: ImageReference, repositoryKnown: boolean): string {
  const ref = reference.normalized;
  const prefix = `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": `;
  if (repositoryKnown) return `${prefix}${ref}: not found`;
  if (reference.domain === 'docker.io') {
    return `${prefix}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  if (PUBLIC_REGISTRIES.has(reference.domain)) return `${prefix}${ref}: not found`;
  const manifest = `https://${reference.domain}/v2/${reference.path}/manifests/${reference.digest ?? reference.tag}`;
  const host = reference.domain.replace(/:\d+$/, '');
  return `${prefix}failed to do request: Head "${manifest}": dial tcp: lookup ${host} on ${KIND_NODE_NAMESERVER}:53: no such host`;
}
