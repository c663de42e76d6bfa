/**
 * Servers of a kind node that are not containers of the pod network: kube-proxy's
 * health endpoints (/healthz and /livez on :10256, and the health check
 * NodePort of each LoadBalancer service with externalTrafficPolicy Local,
 * pkg/proxy/healthcheck) and, on the control plane, the API server's
 * :6443, which answers anonymous requests with 403 (kube-apiserver's
 * authorization of system:anonymous, as `curl -k https://kubernetes` shows).
 */
import { byteLength, httpDate, REASONS, targetPath, type HttpRequest, type HttpResponse } from '../images/servers/http.ts';
import type { TlsIdentity } from '../kubelet/runtime/listener.ts';
import { PROXY_HEALTHZ_PORT, proxyHealthzResponse, proxyLivezResponse, serviceForHealthCheckNodePort, serviceHealthResponse, type HealthResponse } from '../kubeproxy/healthcheck.ts';
import type { NodeKubeProxy } from './node-kube-proxy.ts';
import type { ServerEnd } from './server-end.ts';

/** The API server's secure port on kind's control plane (kubeadm default). */
export const APISERVER_PORT = 6443;

export interface NodeDaemonContext {
  node: string;
  nodeIP: string;
  controlPlane: boolean;
  proxy?: NodeKubeProxy;
  /** When kube-proxy started on this node (Go's monotonic clock in its healthz answer). */
  proxyStartedMs: number;
  /** The API server's serving certificate, if the cluster has one to present. */
  apiServerCertificate?: (serverName?: string) => TlsIdentity | undefined;
}

function fromHealth(health: HealthResponse, nowMs: number): HttpResponse {
  return {
    status: health.status,
    reason: REASONS[health.status] ?? '',
    headers: [
      ...Object.entries(health.headers),
      ['Date', httpDate(nowMs)],
      ['Content-Length', String(byteLength(health.body))],
    ],
    body: health.body,
  };
}

/** Go net/http's NotFound handler: `404 page not found` as text/plain. */
function goNotFound(nowMs: number): HttpResponse {
  const body = '404 page not found\n';
  return {
    status: 404,
    reason: 'Not Found',
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['X-Content-Type-Options', 'nosniff'],
      ['Date', httpDate(nowMs)],
      ['Content-Length', String(byteLength(body))],
    ],
    body,
  };
}

/** kube-apiserver's 403 for an anonymous request (apiserver pkg/endpoints/handlers/responsewriters: forbidden). */
export function anonymousForbidden(request: HttpRequest, nowMs: number): HttpResponse {
  const path = targetPath(request.target);
  const body = JSON.stringify(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `forbidden: User "system:anonymous" cannot get path "${path}"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    },
    null,
    2,
  ) + '\n';
  return {
    status: 403,
    reason: 'Forbidden',
    headers: [
      ['Audit-Id', '00000000-0000-0000-0000-000000000000'],
      ['Cache-Control', 'no-cache, private'],
      ['Content-Type', 'application/json'],
      ['X-Content-Type-Options', 'nosniff'],
      ['Date', httpDate(nowMs)],
      ['Content-Length', String(byteLength(body))],
    ],
    body,
  };
}

/** The daemon listening on the node at `port`, if any. */
export function nodeDaemon(ctx: NodeDaemonContext, port: number, protocol: 'TCP' | 'UDP'): ServerEnd | undefined {
  if (protocol !== 'TCP') return undefined;
  const state = ctx.proxy?.proxyState();
  if (port === PROXY_HEALTHZ_PORT && state) {
    return {
      label: `kube-proxy on ${ctx.node} (${ctx.nodeIP}) port ${port}`,
      node: ctx.node,
      speaksTls: false,
      certificate: () => undefined,
      serve: (request, nowMs) => {
        const path = targetPath(request.target);
        if (path === '/healthz') return { kind: 'response', response: fromHealth(proxyHealthzResponse(nowMs, ctx.proxyStartedMs), nowMs), hops: [] };
        if (path === '/livez') return { kind: 'response', response: fromHealth(proxyLivezResponse(nowMs, ctx.proxyStartedMs), nowMs), hops: [] };
        return { kind: 'response', response: goNotFound(nowMs), hops: [] };
      },
    };
  }
  const healthService = state ? serviceForHealthCheckNodePort(state, port) : undefined;
  if (healthService && state) {
    return {
      label: `kube-proxy health check server of service ${healthService.namespace}/${healthService.name} on ${ctx.node} port ${port}`,
      node: ctx.node,
      speaksTls: false,
      certificate: () => undefined,
      serve: (_request, nowMs) => ({ kind: 'response', response: fromHealth(serviceHealthResponse(state, healthService.namespace, healthService.name), nowMs), hops: [] }),
    };
  }
  if (port === APISERVER_PORT && ctx.controlPlane) {
    return {
      label: `kube-apiserver on ${ctx.node} (${ctx.nodeIP}) port ${port}`,
      node: ctx.node,
      speaksTls: true,
      certificate: (serverName) => ctx.apiServerCertificate?.(serverName),
      serve: (request, nowMs) => ({ kind: 'response', response: anonymousForbidden(request, nowMs), hops: [] }),
    };
  }
  return undefined;
}
