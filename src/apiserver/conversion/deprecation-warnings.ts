/**
 * The `Warning:` header a server sends for a deprecated group/version
 * (apiserver pkg/endpoints/deprecation/deprecation.go with the
 * prerelease-lifecycle markers of each type, Kubernetes 1.19-1.21):
 * `<group/version> <Kind> is deprecated in v1.X+, unavailable in v1.Y+; use <replacement>`.
 */

interface Deprecation {
  deprecatedIn: string;
  removedIn: string;
  replacement: string;
}

const DEPRECATIONS: Record<string, Deprecation> = {
  'extensions/v1beta1 Ingress': { deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1 Ingress' },
  'networking.k8s.io/v1beta1 Ingress': { deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1 Ingress' },
  'networking.k8s.io/v1beta1 IngressClass': { deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1 IngressClassList' },
  'discovery.k8s.io/v1beta1 EndpointSlice': { deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1 EndpointSlice' },
};

/** The warning for apiVersion+kind on a cluster of the given minor version, if it is deprecated there. */
export function deprecationWarning(apiVersion: string, kind: string, minor: number): string | undefined {
  const key = `${apiVersion} ${kind}`;
  const d = DEPRECATIONS[key];
  if (!d || minor < Number(d.deprecatedIn.split('.')[1])) return undefined;
  return `${key} is deprecated in v${d.deprecatedIn}+, unavailable in v${d.removedIn}+; use ${d.replacement}`;
}
