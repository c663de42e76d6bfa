/**
 * What the controller's nginx does with a request that reached its pod on
 * port 80 or 443: pick the server by Host and the location by path
 * (ingress-router.ts), apply the location's rules in the order nginx.tmpl
 * runs them (app-root, lua_ingress.rewrite's redirect to HTTPS with 308 when
 * the host has a certificate or force-ssl-redirect is set, a permanent
 * redirect, rewrite-target), and proxy to one of the service's ready
 * endpoints directly — not through its ClusterIP — from the controller pod,
 * trying the next endpoint on error as proxy_next_upstream does (3 tries),
 * answering 503 when the service has no endpoint, 502/504 when they fail.
 * The default backend answers 404. HTTPS responses carry HSTS
 * (hsts, hsts-max-age 31536000, hsts-include-subdomains: the ConfigMap defaults).
 * The certificate for a TLS handshake is the Secret of the SNI's host, or the
 * fake certificate.
 */
import type { Service } from '../api/core.ts';
import type { EndpointSlice } from '../api/discovery.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { headerValue, httpDate, targetPath, type HttpRequest, type HttpResponse } from '../images/servers/http.ts';
import type { TlsIdentity } from '../kubelet/runtime/listener.ts';
import type { PodRuntime } from '../kubelet/runtime/pod-runtime.ts';
import type { ClusterNetwork } from '../network/cluster-network.ts';
import type { IngressDataPlane } from '../network/server-end.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import type { Hop } from '../trace/trace.ts';
import { specialResponse } from './error-pages.ts';
import { FAKE_CERTIFICATE } from './fake-certificate.ts';
import { rewriteUri, selectLocation, selectServer } from './ingress-router.ts';
import { DEFAULT_SERVER, type IngressLocation, type IngressServer } from './ingress-servers.ts';

const HSTS: [string, string] = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'];
/** proxy_next_upstream_tries default. */
const NEXT_UPSTREAM_TRIES = 3;
/** Headers nginx sets itself or drops from an upstream answer. */
const HOP_HEADERS = new Set(['server', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type']);

export interface UpstreamEndpoint {
  ip: string;
  port: number;
}

export class IngressNginxDataPlane implements IngressDataPlane {
  private servers: IngressServer[] = [];
  private readonly roundRobin = new Map<string, number>();

  constructor(
    private readonly api: ApiServer,
    private readonly network: ClusterNetwork,
    private readonly random: SeededRandom,
  ) {}

  /** The configuration nginx runs with (set by the controller after each sync). */
  configure(servers: IngressServer[]): void {
    this.servers = servers;
  }

  currentServers(): readonly IngressServer[] {
    return this.servers;
  }

  certificate(serverName: string | undefined): TlsIdentity | undefined {
    if (this.servers.length === 0) return FAKE_CERTIFICATE;
    const server = selectServer(this.servers, serverName);
    if (server.hostname !== DEFAULT_SERVER && server.tls && server.tls !== 'default') return server.tls.identity;
    return FAKE_CERTIFICATE;
  }

  serve(request: HttpRequest, context: { pod: PodRuntime; port: number; tls: boolean; nowMs: number }): { response: HttpResponse; hops: Hop[] } {
    const hops: Hop[] = [];
    const now = context.nowMs;
    const finish = (response: HttpResponse) => ({ response: context.tls ? { ...response, headers: [...response.headers, HSTS] } : response, hops });
    const hostHeader = headerValue(request, 'Host')?.replace(/:\d+$/, '');
    if (this.servers.length === 0) {
      hops.push({ kind: 'ingress', label: 'ingress-nginx', detail: 'the controller has not written its configuration yet: the default backend answers 404' });
      return finish(specialResponse(404, now));
    }
    const server = selectServer(this.servers, hostHeader);
    const uri = decodeSafe(targetPath(request.target));
    const query = request.target.includes('?') ? request.target.slice(request.target.indexOf('?') + 1) : '';
    const selected = selectLocation(server, uri);
    if (!selected) {
      hops.push({ kind: 'ingress', label: server.hostname, detail: `no location of server ${server.hostname} matches ${uri}` });
      return finish(specialResponse(404, now));
    }
    const location = selected.location;
    const where = `server ${server.hostname} location ${selected.regex ? `~* "^${location.path}"` : location.pathType === 'Exact' ? `= ${location.path}` : location.path}`;
    const a = location.annotations;
    if (a.appRoot && uri === '/') {
      hops.push({ kind: 'ingress', label: server.hostname, detail: `${where}: app-root redirects / to ${a.appRoot}` });
      return finish(specialResponse(302, now, [['Location', `${request.scheme}://${headerValue(request, 'Host') ?? ''}${a.appRoot}`]]));
    }
    const hasCertificate = server.tls !== undefined && server.hostname !== DEFAULT_SERVER;
    if (request.scheme === 'http' && (a.forceSslRedirect || (a.sslRedirect && hasCertificate))) {
      const target = `https://${hostHeader ?? ''}${request.target}`;
      hops.push({ kind: 'ingress', label: server.hostname, detail: `${where}: ${a.forceSslRedirect ? 'force-ssl-redirect' : 'the host has a TLS certificate (ssl-redirect)'}: 308 to ${target}` });
      return finish(specialResponse(308, now, [['Location', target]]));
    }
    if (a.permanentRedirect) {
      hops.push({ kind: 'ingress', label: server.hostname, detail: `${where}: permanent-redirect to ${a.permanentRedirect}` });
      return finish(specialResponse(a.permanentRedirectCode, now, [['Location', a.permanentRedirect]]));
    }
    if (location.isDefaultBackend && !location.service) {
      hops.push({ kind: 'ingress', label: server.hostname, detail: `${where}: no Ingress rule matches ${hostHeader ?? ''}${uri}: the default backend answers 404` });
      return finish(specialResponse(404, now));
    }
    const endpoints = this.endpoints(location);
    const rewritten = a.rewriteTarget && a.rewriteTarget !== location.path ? rewriteUri(location, uri, query) : request.target;
    hops.push({ kind: 'ingress', label: server.hostname, detail: `${where} -> upstream ${location.backend} (${endpoints.length} ready endpoint${endpoints.length === 1 ? '' : 's'})${rewritten !== request.target ? `, rewrite ${request.target} -> ${rewritten}` : ''}` });
    if (endpoints.length === 0) return finish(specialResponse(503, now));
    const proxied = this.proxy(request, context, location, endpoints, rewritten, hops);
    return finish(proxied);
  }

  /** Ready endpoints of the location's service port, as the controller reads EndpointSlices. */
  private endpoints(location: IngressLocation): UpstreamEndpoint[] {
    const ref = location.service;
    if (!ref) return [];
    const service = this.api.tryGet<Service>({ kind: 'Service', namespace: ref.namespace, name: ref.name });
    const port = service?.spec.ports?.find((p) => (ref.port.number !== undefined ? p.port === ref.port.number : p.name === ref.port.name));
    if (!service || !port) return [];
    const slices = this.api.list<EndpointSlice>('EndpointSlice', { namespace: ref.namespace, labelSelector: `kubernetes.io/service-name=${ref.name}` });
    const out: UpstreamEndpoint[] = [];
    for (const slice of slices) {
      const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (port.name ?? ''));
      if (!slicePort?.port) continue;
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready === false || ep.conditions?.terminating) continue;
        for (const ip of ep.addresses) out.push({ ip, port: slicePort.port });
      }
    }
    return out;
  }

  /** The Lua balancer's round robin, from a seeded starting point per upstream. */
  private next(upstream: string, count: number): number {
    let index = this.roundRobin.get(upstream);
    if (index === undefined) index = this.random.int(0, count - 1);
    this.roundRobin.set(upstream, (index + 1) % count);
    return index % count;
  }

  private proxy(request: HttpRequest, context: { pod: PodRuntime; tls: boolean; nowMs: number }, location: IngressLocation, endpoints: UpstreamEndpoint[], target: string, hops: Hop[]): HttpResponse {
    const host = headerValue(request, 'Host') ?? '';
    const source = { kind: 'pod' as const, namespace: context.pod.namespace, name: context.pod.name, ip: context.pod.ip, node: context.pod.nodeName };
    const forwardedPort = context.tls ? '443' : '80';
    const requestId = this.random.string('0123456789abcdef', 32);
    const headers: [string, string][] = [
      ['Host', host],
      ['X-Request-ID', requestId],
      ['X-Real-IP', request.client.ip],
      ['X-Forwarded-For', request.client.ip],
      ['X-Forwarded-Host', host],
      ['X-Forwarded-Port', forwardedPort],
      ['X-Forwarded-Proto', request.scheme],
      ['X-Forwarded-Scheme', request.scheme],
      ['X-Scheme', request.scheme],
      ...request.headers.filter(([k]) => !['host', 'connection'].includes(k.toLowerCase())),
    ];
    let failure: 'refused' | 'timeout' = 'refused';
    for (let attempt = 0; attempt < Math.min(NEXT_UPSTREAM_TRIES, endpoints.length); attempt++) {
      const endpoint = endpoints[this.next(location.backend, endpoints.length)];
      const outcome = this.network.connect(source, { ip: endpoint.ip, port: endpoint.port, protocol: 'TCP' });
      hops.push(...outcome.hops.filter((h) => h.kind !== 'client'));
      if (outcome.kind !== 'connected') {
        failure = outcome.kind;
        continue;
      }
      const scheme = location.annotations.backendProtocol === 'HTTPS' ? 'https' : 'http';
      const served = this.network.exchange(outcome, { method: request.method, target, headers, body: request.body, scheme });
      if (served.kind === 'no-response') {
        failure = 'refused';
        continue;
      }
      hops.push(...served.hops);
      return proxiedResponse(served.response, context.nowMs, request.method);
    }
    return specialResponse(failure === 'timeout' ? 504 : 502, context.nowMs);
  }
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path) || '/';
  } catch {
    return path;
  }
}

/** An upstream answer as nginx passes it on: its own Date and Connection, no Server, the rest in order. */
function proxiedResponse(upstream: HttpResponse, nowMs: number, method: string): HttpResponse {
  const type = upstream.headers.find(([k]) => k.toLowerCase() === 'content-type');
  const length = upstream.headers.find(([k]) => k.toLowerCase() === 'content-length');
  const headers: [string, string][] = [['Date', httpDate(nowMs)]];
  if (type) headers.push(['Content-Type', type[1]]);
  if (length) headers.push(['Content-Length', length[1]]);
  else if (method !== 'HEAD') headers.push(['Transfer-Encoding', 'chunked']);
  headers.push(['Connection', 'keep-alive']);
  for (const [k, v] of upstream.headers) if (!HOP_HEADERS.has(k.toLowerCase())) headers.push([k, v]);
  return { status: upstream.status, reason: upstream.reason, headers, body: upstream.body };
}
