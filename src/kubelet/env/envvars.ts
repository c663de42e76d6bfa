/**
 * Service environment variables (pkg/kubelet/envvars/envvars.go FromServices,
 * pkg/kubelet/kubelet_pods.go getServiceEnvVarMap; FIDELITY §1), Kubernetes 1.31.
 * Computed once, when a container starts, from the services that exist then:
 * a service created later is invisible to running pods (seed 000).
 */
import type { Service } from '../../api/core.ts';

export interface EnvVarPair {
  name: string;
  value: string;
}

/** envvars.go makeEnvVariableName: upper case, `-` to `_` (dots are not touched). */
function envVariableName(serviceName: string): string {
  return serviceName.replace(/-/g, '_').toUpperCase();
}

function hasClusterIP(service: Service): boolean {
  const ip = service.spec.clusterIP;
  return ip !== undefined && ip !== '' && ip !== 'None';
}

/** The variables of the given services, in envvars.go's order for each service. */
export function serviceEnvVars(services: readonly Service[]): EnvVarPair[] {
  const result: EnvVarPair[] = [];
  for (const service of services) {
    const ports = service.spec.ports ?? [];
    // Headless and ExternalName services (and, defensively, port-less ones) give nothing.
    if (!hasClusterIP(service) || ports.length === 0) continue;
    const prefix = envVariableName(service.metadata.name ?? '');
    const ip = service.spec.clusterIP as string;
    result.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    result.push({ name: `${prefix}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const port of ports) {
      if (port.name) result.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(port.name)}`, value: String(port.port) });
    }
    // Docker link variables.
    ports.forEach((port, i) => {
      const protocol = port.protocol ?? 'TCP';
      const lower = protocol.toLowerCase();
      if (i === 0) result.push({ name: `${prefix}_PORT`, value: `${lower}://${ip}:${port.port}` });
      const portPrefix = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
      result.push({ name: portPrefix, value: `${lower}://${ip}:${port.port}` });
      result.push({ name: `${portPrefix}_PROTO`, value: lower });
      result.push({ name: `${portPrefix}_PORT`, value: String(port.port) });
      result.push({ name: `${portPrefix}_ADDR`, value: ip });
    });
  }
  return result;
}

/**
 * getServiceEnvVarMap: the `kubernetes` service of `default` always; the
 * pod's own namespace's services only with enableServiceLinks (default true).
 * Returned as a Map in the order the services were given; the kubelet's Go
 * map has no order, see container-env.ts for how that is reproduced.
 */
export function serviceEnvVarMap(allServices: readonly Service[], namespace: string, enableServiceLinks: boolean): Map<string, string> {
  const chosen = new Map<string, Service>();
  for (const service of allServices) {
    if (!hasClusterIP(service)) continue;
    const name = service.metadata.name ?? '';
    if (service.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name)) chosen.set(name, service);
    } else if (service.metadata.namespace === namespace && enableServiceLinks) {
      chosen.set(name, service);
    }
  }
  const map = new Map<string, string>();
  for (const { name, value } of serviceEnvVars([...chosen.values()])) map.set(name, value);
  return map;
}
