/**
 * The environment the kubelet hands the runtime for one container
 * (kubelet_pods.go makeEnvironmentVariables, Kubernetes 1.31): envFrom, then
 * env (later entries win, `$(VAR)` expanded against what is defined so far and
 * the service variables), then the service variables the container did not
 * set itself. ConfigMap and Secret values are read once, here, at start.
 *
 * Order: the kubelet collects the container's variables and the service
 * variables in two Go maps and appends each map by ranging over it, so the
 * order `env` prints is Go's randomised map order (seed 000 shows
 * KUBERNETES_SERVICE_PORT, MY_NGINX_SERVICE_HOST, KUBERNETES_SERVICE_HOST ...).
 * We draw that order from a seeded stream: random like a real cluster,
 * repeatable for one run seed.
 */
import type { ConfigMap, Container, Pod, Secret } from '../../api/core.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';
import { expandReferences } from './expansion.ts';
import { fieldRefValue } from './field-ref.ts';
import { goMapOrder, skipGoMapOrder } from './go-map-order.ts';
import { KubeletEnvironment } from './kubelet-environment.ts';

export interface EnvironmentSources {
  /**
   * The service variables of a namespace as the Services are when the container starts
   * (envvars.ts serviceEnvVarMap: getServiceEnvVarMap); the map is only read.
   */
  serviceVariables(namespace: string, enableServiceLinks: boolean): ReadonlyMap<string, string>;
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
  podIP: string;
  hostIP: string;
  /** Stands for Go's map iteration order. */
  mapOrder: SeededRandom;
}

/** ok: the variables the runtime receives; error: why the container cannot be created (CreateContainerConfigError). */
export type ContainerEnvResult = { ok: true; env: KubeletEnvironment } | { ok: false; error: string };

function decodeSecret(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

export function makeEnvironmentVariables(pod: Pod, container: Container, sources: EnvironmentSources): ContainerEnvResult {
  const namespace = pod.metadata.namespace ?? 'default';
  const serviceEnv = sources.serviceVariables(namespace, pod.spec.enableServiceLinks !== false);
  const tmpEnv = new Map<string, string>();
  const configMaps = new Map<string, ConfigMap>();
  const secrets = new Map<string, Secret>();

  // The error texts are the API server's NotFound messages the kubelet passes on.
  const getConfigMap = (name: string): ConfigMap | undefined => {
    if (!configMaps.has(name)) {
      const found = sources.configMap(namespace, name);
      if (found) configMaps.set(name, found);
    }
    return configMaps.get(name);
  };
  const getSecret = (name: string): Secret | undefined => {
    if (!secrets.has(name)) {
      const found = sources.secret(namespace, name);
      if (found) secrets.set(name, found);
    }
    return secrets.get(name);
  };

  for (const envFrom of container.envFrom ?? []) {
    const prefix = envFrom.prefix ?? '';
    if (envFrom.configMapRef) {
      const configMap = getConfigMap(envFrom.configMapRef.name);
      if (!configMap) {
        if (envFrom.configMapRef.optional) continue;
        return { ok: false, error: `configmap "${envFrom.configMapRef.name}" not found` };
      }
      for (const [key, value] of Object.entries(configMap.data ?? {})) tmpEnv.set(prefix + key, value);
    } else if (envFrom.secretRef) {
      const secret = getSecret(envFrom.secretRef.name);
      if (!secret) {
        if (envFrom.secretRef.optional) continue;
        return { ok: false, error: `secret "${envFrom.secretRef.name}" not found` };
      }
      for (const [key, value] of Object.entries(secret.data ?? {})) tmpEnv.set(prefix + key, decodeSecret(value));
    }
  }

  const lookup = (name: string): string | undefined => tmpEnv.get(name) ?? serviceEnv.get(name);
  for (const envVar of container.env ?? []) {
    let value = envVar.value ?? '';
    if (value !== '') {
      value = expandReferences(value, lookup);
    } else if (envVar.valueFrom?.fieldRef) {
      const result = fieldRefValue(envVar.valueFrom.fieldRef.fieldPath, { pod, podIP: sources.podIP, hostIP: sources.hostIP });
      if (!result.ok) return { ok: false, error: result.error };
      value = result.value;
    } else if (envVar.valueFrom?.configMapKeyRef) {
      const ref = envVar.valueFrom.configMapKeyRef;
      const configMap = getConfigMap(ref.name);
      if (!configMap) {
        if (ref.optional) continue;
        return { ok: false, error: `configmap "${ref.name}" not found` };
      }
      const found = configMap.data?.[ref.key];
      if (found === undefined) {
        if (ref.optional) continue;
        return { ok: false, error: `couldn't find key ${ref.key} in ConfigMap ${namespace}/${ref.name}` };
      }
      value = found;
    } else if (envVar.valueFrom?.secretKeyRef) {
      const ref = envVar.valueFrom.secretKeyRef;
      const secret = getSecret(ref.name);
      if (!secret) {
        if (ref.optional) continue;
        return { ok: false, error: `secret "${ref.name}" not found` };
      }
      const found = secret.data?.[ref.key];
      if (found === undefined) {
        if (ref.optional) continue;
        return { ok: false, error: `couldn't find key ${ref.key} in Secret ${namespace}/${ref.name}` };
      }
      value = decodeSecret(found);
    }
    tmpEnv.set(envVar.name, value);
  }

  const own = goMapOrder([...tmpEnv].map(([name, value]) => ({ name, value })), sources.mapOrder);
  // The service variables' order is drawn now (the stream moves on as it did) and laid out when read.
  const serviceOrder = sources.mapOrder.clone();
  let visible = serviceEnv.size;
  for (const name of tmpEnv.keys()) if (serviceEnv.has(name)) visible--;
  skipGoMapOrder(visible, sources.mapOrder);
  return { ok: true, env: new KubeletEnvironment(own, tmpEnv, serviceEnv, serviceOrder) };
}
