/**
 * The files a Secret, ConfigMap, downward API or projected volume holds
 * (pkg/volume/secret/secret.go, pkg/volume/configmap/configmap.go MakePayload,
 * pkg/volume/downwardapi, pkg/volume/projected): every key as a file, or only
 * the listed items at their paths. Modes are not modelled (`ls` shows names).
 * The real atomic writer adds `..data` symlinks and a timestamped directory;
 * we keep the key files only.
 */
import type { ConfigMap, KeyToPath, Pod, Secret, Volume } from '../../api/core.ts';
import { fieldRefValue } from '../env/field-ref.ts';

/** Relative path to content. */
export type Payload = Record<string, string>;

export type PayloadResult = { ok: true; files: Payload } | { ok: false; error: string };

/** What a volume can read from the cluster at the moment it is (re)built. */
export interface VolumeSources {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
  /** The projected service-account token for this pod. */
  serviceAccountToken(pod: Pod): string;
  podIP: string;
  hostIP: string;
}

function decode(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

function project(data: Record<string, string>, items: KeyToPath[] | undefined, missingKey: (key: string) => string): PayloadResult {
  if (!items || items.length === 0) return { ok: true, files: { ...data } };
  const files: Payload = {};
  for (const item of items) {
    if (!Object.prototype.hasOwnProperty.call(data, item.key)) return { ok: false, error: missingKey(item.key) };
    files[item.path] = data[item.key];
  }
  return { ok: true, files };
}

function configMapData(configMap: ConfigMap): Record<string, string> {
  const data: Record<string, string> = { ...(configMap.data ?? {}) };
  for (const [key, value] of Object.entries(configMap.binaryData ?? {})) data[key] = decode(value);
  return data;
}

function secretData(secret: Secret): Record<string, string> {
  return Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, decode(v)]));
}

function configMapPayload(namespace: string, name: string, items: KeyToPath[] | undefined, optional: boolean | undefined, sources: VolumeSources): PayloadResult {
  const configMap = sources.configMap(namespace, name);
  if (!configMap) return optional ? { ok: true, files: {} } : { ok: false, error: `configmap "${name}" not found` };
  return project(configMapData(configMap), items, (key) => `configmap references non-existent config key: ${key}`);
}

function secretPayload(namespace: string, name: string, items: KeyToPath[] | undefined, optional: boolean | undefined, sources: VolumeSources): PayloadResult {
  const secret = sources.secret(namespace, name);
  if (!secret) return optional ? { ok: true, files: {} } : { ok: false, error: `secret "${name}" not found` };
  return project(secretData(secret), items, (key) => `secret references non-existent secret key: ${key}`);
}

function downwardPayload(pod: Pod, items: { path: string; fieldRef?: { fieldPath: string } }[], sources: VolumeSources): PayloadResult {
  const files: Payload = {};
  for (const item of items) {
    if (!item.fieldRef) continue;
    const path = item.fieldRef.fieldPath;
    if (path === 'metadata.labels' || path === 'metadata.annotations') {
      // pkg/fieldpath FormatMap: sorted `key="value"` lines.
      const map = (path === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {};
      files[item.path] = Object.keys(map).sort().map((k) => `${k}=${JSON.stringify(map[k])}`).join('\n');
      continue;
    }
    const value = fieldRefValue(path, { pod, podIP: sources.podIP, hostIP: sources.hostIP });
    if (!value.ok) return { ok: false, error: value.error };
    files[item.path] = value.value;
  }
  return { ok: true, files };
}

/**
 * The files of `volume` now, or the error MountVolume.SetUp reports. Returns
 * undefined for volumes that hold no cluster data (emptyDir, hostPath).
 */
export function volumePayload(pod: Pod, volume: Volume, sources: VolumeSources): PayloadResult | undefined {
  const namespace = pod.metadata.namespace ?? 'default';
  if (volume.secret) return secretPayload(namespace, volume.secret.secretName, volume.secret.items, volume.secret.optional, sources);
  if (volume.configMap) return configMapPayload(namespace, volume.configMap.name, volume.configMap.items, volume.configMap.optional, sources);
  if (volume.downwardAPI) return downwardPayload(pod, volume.downwardAPI.items ?? [], sources);
  if (volume.projected) {
    const files: Payload = {};
    for (const source of volume.projected.sources) {
      let part: PayloadResult = { ok: true, files: {} };
      if (source.secret) part = secretPayload(namespace, source.secret.name, source.secret.items, source.secret.optional, sources);
      else if (source.configMap) part = configMapPayload(namespace, source.configMap.name, source.configMap.items, source.configMap.optional, sources);
      else if (source.downwardAPI) part = downwardPayload(pod, source.downwardAPI.items ?? [], sources);
      else if (source.serviceAccountToken) part = { ok: true, files: { [source.serviceAccountToken.path]: sources.serviceAccountToken(pod) } };
      if (!part.ok) return part;
      Object.assign(files, part.files);
    }
    return { ok: true, files };
  }
  return undefined;
}
