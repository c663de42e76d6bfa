/**
 * Image references as containerd sees them: `nginx` is
 * `docker.io/library/nginx:latest`, `luksa/kubia` is `docker.io/luksa/kubia:latest`,
 * `registry.k8s.io/e2e-test-images/agnhost:2.39` keeps its registry.
 *
 * Rules from github.com/distribution/reference (normalize.go, regexp.go,
 * reference.go: ParseNormalizedNamed) as vendored by the kubelet for
 * applyDefaultImageTag (pkg/kubelet/images/image_manager.go).
 */

export interface ImageReference {
  /** What the pod spec says, e.g. `nginx`. */
  readonly original: string;
  /** Registry host, e.g. `docker.io`. */
  readonly domain: string;
  /** Repository path inside the registry, e.g. `library/nginx`. */
  readonly path: string;
  /** `latest` when the reference names neither tag nor digest. */
  readonly tag: string;
  readonly digest?: string;
  /** `docker.io/library/nginx`. */
  readonly repository: string;
  /** What containerd reports as the container's image: `docker.io/library/nginx:latest` (or `repo@digest`). */
  readonly normalized: string;
  /** The short form people type: `nginx`, `luksa/kubia`, `registry.k8s.io/pause`. */
  readonly familiarName: string;
  /** Whether the reference carried a tag or digest of its own (the kubelet's pull policy default depends on it). */
  readonly explicitTagOrDigest: boolean;
}

export type ParseImageResult = { ok: true; reference: ImageReference } | { ok: false; error: string };

const DEFAULT_DOMAIN = 'docker.io';
const OFFICIAL_PREFIX = 'library/';
// distribution/reference regexp.go: path components are lower-case alphanumerics joined by separators.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DOMAIN = /^(?:localhost|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*)(?::[0-9]+)?$/;

/**
 * Parses an image reference the way the kubelet does before pulling. Errors
 * carry the reference library's text (`invalid reference format`,
 * `invalid reference format: repository name must be lowercase`).
 */
export function parseImageReference(image: string): ParseImageResult {
  const invalid = { ok: false as const, error: 'invalid reference format' };
  if (image === '' || /\s/.test(image)) return invalid;

  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return invalid;
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return invalid;
  }

  // splitDockerDomain: the first component is a registry when it looks like a host.
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (!DOMAIN.test(domain)) return invalid;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_PREFIX + path;

  const components = path.split('/');
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      if (PATH_COMPONENT.test(component.toLowerCase())) {
        return { ok: false, error: 'invalid reference format: repository name must be lowercase' };
      }
      return invalid;
    }
  }
  if (`${domain}/${path}`.length > 255) return { ok: false, error: 'repository name must not be more than 255 characters' };

  const repository = `${domain}/${path}`;
  const effectiveTag = tag ?? (digest ? '' : 'latest');
  const familiarName =
    domain === DEFAULT_DOMAIN ? (path.startsWith(OFFICIAL_PREFIX) ? path.slice(OFFICIAL_PREFIX.length) : path) : repository;
  const normalized = digest ? `${repository}${tag ? `:${tag}` : ''}@${digest}` : `${repository}:${effectiveTag}`;
  return {
    ok: true,
    reference: {
      original: image,
      domain,
      path,
      tag: effectiveTag || 'latest',
      digest,
      repository,
      normalized,
      familiarName,
      explicitTagOrDigest: tag !== undefined || digest !== undefined,
    },
  };
}

/**
 * The pull policy the API server defaults when a container names none
 * (pkg/apis/core/v1/defaults.go SetDefaults_Container): Always for `:latest`
 * or no tag, IfNotPresent otherwise.
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return 'IfNotPresent';
  const { reference } = parsed;
  if (reference.digest) return 'IfNotPresent';
  return reference.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
