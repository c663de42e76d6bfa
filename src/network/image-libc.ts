/**
 * Which C library an image's programs resolve host names with: glibc on
 * Debian and Ubuntu bases, musl on Alpine, uClibc in the docker-library
 * `busybox` default variant and radial/busyboxplus (buildroot). The stub
 * resolver (src/coredns/stub-resolver.ts) walks the search list differently
 * for each. Images not listed are taken to be Debian-based.
 */
import type { LibcFlavor } from '../coredns/stub-resolver.ts';
import type { ResolvedImage } from '../images/image-spec.ts';

const BY_REPOSITORY: Record<string, LibcFlavor> = {
  busybox: 'uclibc',
  'radial/busyboxplus': 'uclibc',
  'curlimages/curl': 'musl',
  'registry.k8s.io/ingress-nginx/controller': 'musl',
  'docker.io/kindest/kindnetd': 'musl',
};

/** The libc of an image, from its repository and (for official images with Alpine variants) its tag. */
export function imageLibc(image: ResolvedImage): LibcFlavor {
  const name = image.spec.name;
  if (BY_REPOSITORY[name]) return BY_REPOSITORY[name];
  const tag = image.normalized.slice(image.normalized.lastIndexOf(':') + 1);
  if (/(^|-)alpine/.test(tag)) return 'musl';
  return 'glibc';
}
