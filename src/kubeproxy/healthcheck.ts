/**
 * kube-proxy's HTTP health endpoints (pkg/proxy/healthcheck, Kubernetes 1.31):
 * the per-service health check server on a LoadBalancer + Local service's
 * healthCheckNodePort (service_health.go) and the proxier's own /healthz and
 * /livez on :10256 (proxy_health.go).
 */
import type { ProxyState } from './proxy-state.ts';

export interface HealthResponse {
  status: 200 | 503;
  headers: Record<string, string>;
  body: string;
}

/** kube-proxy's default --healthz-bind-address port. */
export const PROXY_HEALTHZ_PORT = 10256;

const JSON_HEADERS = { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' };

/** The service behind a healthCheckNodePort on this node, if any. */
export function serviceForHealthCheckNodePort(state: ProxyState, nodePort: number): { namespace: string; name: string } | undefined {
  for (const port of state.servicePorts()) {
    if (port.healthCheckNodePort === nodePort) return { namespace: port.namespace, name: port.serviceName };
  }
  return undefined;
}

/**
 * service_health.go hcHandler: 200 when the node has local ready endpoints and
 * the proxier is healthy, else 503; the body is the dedented JSON it prints.
 */
export function serviceHealthResponse(state: ProxyState, namespace: string, name: string, proxyHealthy = true): HealthResponse {
  const count = state.localReadyEndpoints(namespace, name);
  const body = [
    '{',
    '\t"service": {',
    `\t\t"namespace": ${JSON.stringify(namespace)},`,
    `\t\t"name": ${JSON.stringify(name)}`,
    '\t},',
    `\t"localEndpoints": ${count},`,
    `\t"serviceProxyHealthy": ${proxyHealthy}`,
    '}',
  ].join('\n');
  return { status: count !== 0 && proxyHealthy ? 200 : 503, headers: { ...JSON_HEADERS }, body };
}

/**
 * Go's time.Time.String() with a monotonic reading, as %q prints time.Now():
 * "2026-01-01 00:00:05 +0000 UTC m=+5.000000001" (fraction trimmed of zeros).
 */
export function goTimeString(ms: number, processStartMs: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const frac = String((ms % 1000) * 1_000_000).padStart(9, '0').replace(/0+$/, '');
  const base = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${frac ? '.' + frac : ''} +0000 UTC`;
  const mono = (ms - processStartMs) / 1000;
  return `${base} m=+${mono.toFixed(9)}`;
}

/** proxy_health.go healthzHandler for GET /healthz on :10256. */
export function proxyHealthzResponse(nowMs: number, processStartMs: number, options: { healthy?: boolean; nodeEligible?: boolean; lastUpdatedMs?: number } = {}): HealthResponse {
  const healthy = (options.healthy ?? true) && (options.nodeEligible ?? true);
  const current = goTimeString(nowMs, processStartMs);
  // A healthy proxier reports lastUpdated = now, for compatibility with older releases.
  const lastUpdated = healthy ? current : goTimeString(options.lastUpdatedMs ?? processStartMs, processStartMs);
  return {
    status: healthy ? 200 : 503,
    headers: { ...JSON_HEADERS },
    body: `{"lastUpdated": ${JSON.stringify(lastUpdated)},"currentTime": ${JSON.stringify(current)}, "nodeEligible": ${options.nodeEligible ?? true}}`,
  };
}

/** proxy_health.go livezHandler for GET /livez on :10256. */
export function proxyLivezResponse(nowMs: number, processStartMs: number, healthy = true): HealthResponse {
  const current = goTimeString(nowMs, processStartMs);
  return { status: healthy ? 200 : 503, headers: { ...JSON_HEADERS }, body: `{"lastUpdated": ${JSON.stringify(current)},"currentTime": ${JSON.stringify(current)}}` };
}
