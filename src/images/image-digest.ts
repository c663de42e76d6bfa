/**
 * Content digests for images the memory cluster "pulls". Real digests come
 * from registries; ours are derived from the reference so that a run always
 * reports the same `imageID` for the same image, and different tags differ.
 */
import { createHash } from 'node:crypto';

/** `sha256:<64 hex>` for a normalized reference such as `docker.io/library/nginx:latest`. */
export function imageDigest(normalizedReference: string): string {
  return `sha256:${createHash('sha256').update(`image:${normalizedReference}`).digest('hex')}`;
}

/** The repo digest containerd reports as a container's imageID: `docker.io/library/nginx@sha256:...`. */
export function repoDigest(repository: string, normalizedReference: string): string {
  return `${repository}@${imageDigest(normalizedReference)}`;
}
