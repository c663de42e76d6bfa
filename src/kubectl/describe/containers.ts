/**
 * The Containers / Init Containers sections of `describe pod` and of pod templates
 * (describeContainers and its helpers in k8s.io/kubectl/pkg/describe/describe.go, as kubectl
 * v1.32.4 prints them): ids and images, ports and host ports (`80/TCP`, no port names), command and
 * args one per line, state and last state, ready and restart count, limits and requests, probes
 * (`http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`),
 * environment (`<set to the key 'k' in secret 's'>`) and mounts sorted by path.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe } from '../../api/core.ts';
import { compareStrings } from '../printers/label-format.ts';
import { formatGoValue } from '../printers/go-format.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.ts';
import { formatRfc1123z } from './time-format.ts';

/** Resolves a fieldRef environment variable of a pod (EnvValueRetriever). */
export type EnvResolver = (fieldPath: string) => string;

/**
 * fieldpath.ExtractFieldPathAsString: only metadata fields resolve (`spec.nodeName` and `status.podIP`
 * print empty, as kubectl v1.32.4 does).
 */
export function podEnvResolver(pod: Pod): EnvResolver {
  return (fieldPath) => {
    const meta = pod.metadata;
    const indexed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
    if (indexed) return (indexed[1] === 'labels' ? meta.labels : meta.annotations)?.[indexed[2]] ?? '';
    switch (fieldPath) {
      case 'metadata.name':
        return meta.name ?? '';
      case 'metadata.namespace':
        return meta.namespace ?? '';
      case 'metadata.uid':
        return meta.uid ?? '';
      case 'metadata.labels':
        return formatFieldMap(meta.labels);
      case 'metadata.annotations':
        return formatFieldMap(meta.annotations);
      default:
        return '';
    }
  };
}

/** fieldpath.FormatMap: `key="value"` lines, sorted. */
function formatFieldMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort(compareStrings)
    .map((k) => `${k}=${JSON.stringify(map![k])}`)
    .join('\n');
}

function printBool(value: boolean): string {
  return value ? 'True' : 'False';
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated as NonNullable<ContainerState['terminated']> & { signal?: number };
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function portList(container: Container, host: boolean): string {
  return (container.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

function describeBasicInfo(container: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${container.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
  w.write(LEVEL_2, `Image:\t${container.image}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`);
  const ports = portList(container, false);
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
  const hostPorts = portList(container, true);
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
}

function describeCommand(container: Container, w: PrefixWriter): void {
  for (const [title, list] of [['Command', container.command], ['Args', container.args]] as const) {
    if (!list || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
  }
}

function describeResources(resources: Record<string, unknown> | undefined, w: PrefixWriter, level: number): void {
  for (const [title, key] of [['Limits', 'limits'], ['Requests', 'requests']] as const) {
    const list = (resources?.[key] ?? {}) as Record<string, string>;
    const names = Object.keys(list).sort(compareStrings);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${list[name]}\n`);
  }
}

/** DescribeProbe. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec ${formatGoValue(probe.exec.command ?? [])} ${attrs}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host ?? '';
    const port = String(probe.httpGet.port ?? '');
    const hostPort = port === '' ? host : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    return `http-get ${scheme}://${hostPort}${probe.httpGet.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

function describeEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    const from = source.configMapRef ? 'ConfigMap' : source.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    if (!source.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${source.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeEnv(container: Container, resolve: EnvResolver | undefined, w: PrefixWriter): void {
  const env: EnvVar[] = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    if (!e.valueFrom) {
      (e.value ?? '').split('\n').forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const from = e.valueFrom as NonNullable<EnvVar['valueFrom']> & { resourceFieldRef?: { resource: string } };
    if (from.fieldRef) {
      const value = resolve ? resolve(from.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      w.write(LEVEL_3, `${e.name}:\t (${from.resourceFieldRef.resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => compareStrings(a.mountPath, b.mountPath));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const mount of mounts) {
    const flags = [mount.readOnly ? 'ro' : 'rw'];
    if (mount.subPath) flags.push(`path=${JSON.stringify(mount.subPath)}`);
    w.write(LEVEL_3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`);
  }
}

/**
 * describeContainers: `space` is '' in a pod and '  ' in a pod template; statuses are absent for templates.
 */
export function describeContainers(
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  resolve: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = byName.get(container.name);
    describeBasicInfo(container, status, space, w);
    describeCommand(container, w);
    if (status) {
      describeStatus('State', status.state, w);
      if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(container.resources, w, LEVEL_2);
    describeProbes(container, w);
    if ((container.envFrom ?? []).length > 0) describeEnvFrom(container, w);
    describeEnv(container, resolve, w);
    describeMounts(container, w);
  }
}
