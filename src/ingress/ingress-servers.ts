/**
 * The servers and locations ingress-nginx builds from the Ingresses it owns
 * (internal/ingress/controller/controller.go createServers, getBackendServers
 * and location.go updateServerLocations, controller v1.11):
 * - a catch-all server `_` whose `/` goes to the default backend;
 * - one server per rule host, starting with a `/` location to the default
 *   backend (or the Ingress's own defaultBackend);
 * - each path becomes a location; a path already taken (same path and type)
 *   stays with the oldest Ingress, except the default-backend `/`, which the
 *   path replaces;
 * - locations sorted by path (descending), then stably by path length
 *   (longest first); then a Prefix path without a trailing slash becomes
 *   `/foo/` plus an exact `= /foo` location (not when rewrite or regex is used);
 * - servers sorted by host name; a host listed in a TLS section gets that
 *   Secret's certificate when it covers the host, else the default (fake)
 *   certificate.
 */
import type { Secret } from '../api/core.ts';
import type { HTTPIngressPath, Ingress, IngressServiceBackend } from '../api/networking.ts';
import { parseCertificatesPem } from '../tls/certificate.ts';
import { checkCertificateHost } from '../tls/host-verification.ts';
import type { TlsIdentity } from '../kubelet/runtime/listener.ts';
import { defaultAnnotations, parseAnnotations, type LocationAnnotations } from './annotations.ts';

export const DEFAULT_SERVER = '_';
export const DEFAULT_UPSTREAM = 'upstream-default-backend';

export type PathType = HTTPIngressPath['pathType'];

export interface IngressLocation {
  /** The path written in nginx.conf (Prefix paths normalised to end in `/`). */
  path: string;
  /** The path as the Ingress gave it. */
  ingressPath: string;
  pathType: PathType;
  isDefaultBackend: boolean;
  /** Upstream name: `<ns>-<service>-<port>` or upstream-default-backend. */
  backend: string;
  service?: { namespace: string; name: string; port: IngressServiceBackend['port'] };
  ingress?: Ingress;
  annotations: LocationAnnotations;
}

export interface IngressServer {
  hostname: string;
  locations: IngressLocation[];
  /** The TLS Secret serving this host, when it covers it; 'default' for the fake certificate; undefined: no TLS section for it. */
  tls?: { namespace: string; secretName: string; identity: TlsIdentity } | 'default';
}

/** upstreamName (controller.go): namespace, service and port number or name. */
export function upstreamName(namespace: string, service: IngressServiceBackend): string {
  return `${namespace}-${service.name}-${service.port.number ?? service.port.name}`;
}

function decode(value: string | undefined): string | undefined {
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

/** A TLS Secret as the controller loads it: certificate and key, if both parse. */
export function secretIdentity(secret: Secret | undefined): TlsIdentity | undefined {
  const certificate = decode(secret?.data?.['tls.crt']);
  const key = decode(secret?.data?.['tls.key']);
  if (!certificate || !key || parseCertificatesPem(certificate).length === 0) return undefined;
  return { certificate, key };
}

/** Go's VerifyHostname then ingress-nginx's common-name fallback: does the certificate cover `host`. */
function covers(identity: TlsIdentity, host: string): boolean {
  const cert = parseCertificatesPem(identity.certificate)[0];
  return cert !== undefined && checkCertificateHost(cert, host).ok;
}

/** Ingresses in the order the controller's store lists them: by creation time, then namespace/name. */
export function sortIngresses(ingresses: readonly Ingress[]): Ingress[] {
  return [...ingresses].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    const ka = `${a.metadata.namespace}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function rootLocation(backend: string, ingress: Ingress | undefined, annotations: LocationAnnotations): IngressLocation {
  return { path: '/', ingressPath: '/', pathType: 'Prefix', isDefaultBackend: true, backend, ingress, annotations };
}

function needsRewrite(location: IngressLocation): boolean {
  return location.annotations.rewriteTarget !== '' && location.annotations.rewriteTarget !== location.path;
}

/** location.go updateServerLocations. */
function updateServerLocations(locations: IngressLocation[]): IngressLocation[] {
  const exact = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: IngressLocation[] = [];
  for (const location of locations) {
    if (location.path === '/') {
      out.push(location);
      continue;
    }
    location.ingressPath = location.path;
    if (location.pathType !== 'Prefix' || needsRewrite(location) || location.annotations.useRegex) {
      out.push(location);
      continue;
    }
    const exactTwin: IngressLocation = { ...location, pathType: 'Exact' };
    location.path = location.path.endsWith('/') ? location.path : `${location.path}/`;
    out.push(location);
    if (!exact.has(exactTwin.path)) out.push(exactTwin);
  }
  return out;
}

/**
 * The servers for `ingresses` (already the controller's own, in store order).
 * `secret(namespace, name)` reads a TLS Secret.
 */
export function buildServers(ingresses: readonly Ingress[], secret: (namespace: string, name: string) => Secret | undefined): IngressServer[] {
  const servers = new Map<string, IngressServer>();
  servers.set(DEFAULT_SERVER, { hostname: DEFAULT_SERVER, locations: [rootLocation(DEFAULT_UPSTREAM, undefined, defaultAnnotations())], tls: 'default' });
  const parsed = new Map(ingresses.map((ing) => [ing, parseAnnotations(ing)]));

  // createServers: one server per host, starting with `/` to the (Ingress's) default backend.
  for (const ing of ingresses) {
    const anns = parsed.get(ing)!;
    let defaultUpstream = DEFAULT_UPSTREAM;
    const defaultService = ing.spec.defaultBackend?.service;
    if (defaultService) {
      defaultUpstream = upstreamName(ing.metadata.namespace ?? 'default', defaultService);
      const catchAll = servers.get(DEFAULT_SERVER)!.locations[0];
      if (catchAll.isDefaultBackend && (ing.spec.rules ?? []).length === 0) {
        Object.assign(catchAll, { isDefaultBackend: false, backend: defaultUpstream, ingress: ing, service: { namespace: ing.metadata.namespace ?? 'default', name: defaultService.name, port: defaultService.port } });
      }
    }
    for (const rule of ing.spec.rules ?? []) {
      const host = rule.host || DEFAULT_SERVER;
      if (servers.has(host)) continue;
      const root = rootLocation(defaultUpstream, ing, anns);
      if (defaultService) root.service = { namespace: ing.metadata.namespace ?? 'default', name: defaultService.name, port: defaultService.port };
      servers.set(host, { hostname: host, locations: [root] });
    }
  }

  // TLS: the first Ingress naming a host in its TLS section decides its certificate.
  for (const ing of ingresses) {
    for (const rule of ing.spec.rules ?? []) {
      const host = rule.host || DEFAULT_SERVER;
      const server = servers.get(host)!;
      if (server.tls !== undefined || !(ing.spec.tls ?? []).length) continue;
      const named = (ing.spec.tls ?? []).find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase()));
      let secretName = named?.secretName;
      if (!named) {
        // controller.go extractTLSSecretName: a TLS entry whose certificate covers the host.
        secretName = (ing.spec.tls ?? []).find((t) => {
          const identity = t.secretName ? secretIdentity(secret(ing.metadata.namespace ?? 'default', t.secretName)) : undefined;
          return identity !== undefined && covers(identity, host);
        })?.secretName;
        if (!secretName) continue;
      }
      if (!secretName) {
        server.tls = 'default';
        continue;
      }
      const identity = secretIdentity(secret(ing.metadata.namespace ?? 'default', secretName));
      server.tls = identity && covers(identity, host) ? { namespace: ing.metadata.namespace ?? 'default', secretName, identity } : 'default';
    }
  }

  // getBackendServers: the paths.
  for (const ing of ingresses) {
    const anns = parsed.get(ing)!;
    const namespace = ing.metadata.namespace ?? 'default';
    for (const rule of ing.spec.rules ?? []) {
      const server = servers.get(rule.host || DEFAULT_SERVER) ?? servers.get(DEFAULT_SERVER)!;
      for (const path of rule.http?.paths ?? []) {
        const service = path.backend.service;
        if (!service) continue;
        const nginxPath = path.path || '/';
        const backend = upstreamName(namespace, service);
        // internal/k8s/main.go SetDefaultNGINXPathType: ImplementationSpecific (and unset) become Prefix.
        const pathType = nginxPathType(path.pathType);
        const same = server.locations.find((l) => l.path === nginxPath && l.pathType === pathType);
        if (same) {
          if (same.isDefaultBackend) Object.assign(same, { backend, isDefaultBackend: false, ingress: ing, service: { namespace, name: service.name, port: service.port }, annotations: anns });
          continue;
        }
        server.locations.push({ path: nginxPath, ingressPath: nginxPath, pathType, isDefaultBackend: false, backend, service: { namespace, name: service.name, port: service.port }, ingress: ing, annotations: anns });
      }
    }
  }

  const list = [...servers.values()];
  for (const server of list) {
    server.locations.sort((a, b) => (a.path > b.path ? -1 : a.path < b.path ? 1 : 0));
    server.locations = stableSort(server.locations, (a, b) => b.path.length - a.path.length);
    server.locations = updateServerLocations(server.locations);
  }
  return stableSort(list, (a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
}

function stableSort<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map((x) => x.item);
}

/** ingress-nginx internal/k8s/main.go SetDefaultNGINXPathType: "default path type is Prefix to not break existing definitions". */
export function nginxPathType(pathType: PathType | undefined): PathType {
  return pathType === 'Exact' ? 'Exact' : 'Prefix';
}
