/**
 * One probe run (pkg/kubelet/prober/prober.go runProbe; pkg/probe/exec,
 * pkg/probe/http, pkg/probe/tcp), against the container's file system and
 * the sockets its pod has open. Defaults from pkg/apis/core/v1/defaults.go
 * (FIDELITY §9).
 */
import type { Container, Probe } from '../../api/core.ts';
import type { HttpRequest } from '../../images/servers/http.ts';
import type { ContainerInstance, ExecOutcome } from '../runtime/container-instance.ts';
import type { PodRuntime } from '../runtime/pod-runtime.ts';

export interface ProbeTiming {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** SetDefaults_Probe: timeout 1, period 10, success 1, failure 3, initial delay 0. */
export function probeTiming(probe: Probe): ProbeTiming {
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    timeoutSeconds: probe.timeoutSeconds || 1,
    periodSeconds: probe.periodSeconds || 10,
    successThreshold: probe.successThreshold || 1,
    failureThreshold: probe.failureThreshold || 3,
  };
}

export type ProbeResult = { result: 'success' } | { result: 'failure'; output: string } | { result: 'error'; error: string };

export interface ProbeTarget {
  pod: PodRuntime;
  container: Container;
  instance: ContainerInstance;
  nowMs: number;
  /** `kube-probe/1.31`. */
  userAgent: string;
  /** Where the kubelet's probe packets come from (the node). */
  sourceIP: string;
  /** Random 64-hex id for an exec session (containerd's exec id). */
  execID: () => string;
}

function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function execResult(outcome: ExecOutcome, target: ProbeTarget): ProbeResult {
  if (outcome.kind === 'not-found') {
    return { result: 'error', error: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${target.execID()}": ${outcome.message}` };
  }
  // pkg/probe/exec: the combined output is the probe's message.
  const output = outcome.result.stdout + outcome.result.stderr;
  return outcome.result.exitCode === 0 ? { result: 'success' } : { result: 'failure', output };
}

/** Runs `probe` once; synchronously unless an exec probe's program is asynchronous. */
export function runProbe(probe: Probe, target: ProbeTarget): ProbeResult | Promise<ProbeResult> {
  if (probe.exec) {
    const outcome = target.instance.execMaybeSync(probe.exec.command, '', false);
    return outcome instanceof Promise ? outcome.then((o) => execResult(o, target)) : execResult(outcome, target);
  }
  const ip = probe.httpGet?.host ?? probe.tcpSocket?.host ?? target.pod.ip;
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, target.container);
    if (port === undefined) return { result: 'error', error: `unable to find port "${probe.tcpSocket.port}"` };
    const open = target.pod.listener(port, 'TCP', target.nowMs);
    return open ? { result: 'success' } : { result: 'failure', output: `dial tcp ${ip}:${port}: connect: connection refused` };
  }
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, target.container);
    if (port === undefined) return { result: 'error', error: `unable to find port "${probe.httpGet.port}"` };
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase() as 'http' | 'https';
    const path = probe.httpGet.path ?? '/';
    const url = `${scheme}://${ip}:${port}${path.startsWith('/') ? path : `/${path}`}`;
    const listener = target.pod.listener(port, 'TCP', target.nowMs);
    if (!listener) return { result: 'failure', output: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    // pkg/probe/http/request.go: User-Agent kube-probe/<major>.<minor>, Accept */*, the user's headers.
    const headers: [string, string][] = [
      ['Host', `${ip}:${port}`],
      ['User-Agent', target.userAgent],
      ['Accept', '*/*'],
      ...(probe.httpGet.httpHeaders ?? []).map((h): [string, string] => [h.name, h.value]),
      ['Connection', 'close'],
    ];
    const request: HttpRequest = { method: 'GET', target: path, headers, scheme, client: { ip: target.sourceIP, port: 40000 + (target.nowMs % 20000) }, server: { ip: target.pod.ip, port } };
    const response = listener.serve(request, target.nowMs);
    if (!response) return { result: 'failure', output: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response` };
    if (response.status >= 200 && response.status < 400) return { result: 'success' };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${response.status}` };
  }
  return { result: 'error', error: 'missing probe handler' };
}

/** Consecutive results turned into a verdict (prober/worker.go: resultRun against the thresholds). */
export class ProbeCounter {
  private run = 0;
  private last?: boolean;

  constructor(
    private readonly timing: ProbeTiming,
    /** Readiness and startup start false, liveness true. */
    public verdict: boolean,
  ) {}

  /** Records one result; returns whether the verdict changed. */
  record(success: boolean): boolean {
    this.run = this.last === success ? this.run + 1 : 1;
    this.last = success;
    const threshold = success ? this.timing.successThreshold : this.timing.failureThreshold;
    if (this.run >= threshold && this.verdict !== success) {
      this.verdict = success;
      return true;
    }
    return false;
  }
}
