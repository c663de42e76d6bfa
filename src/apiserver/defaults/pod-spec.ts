/**
 * Defaults of every PodSpec, in pods and in templates alike:
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
 * SetDefaults_HTTPGetAction, SetDefaults_Volume, SetDefaults_SecretVolumeSource
 * and SetDefaults_ConfigMapVolumeSource of pkg/apis/core/v1/defaults.go (1.31),
 * plus the zero-valued structs the v1 serialisation always shows
 * (`resources: {}`, `securityContext: {}`).
 */
import type { Container, PodSpec, Probe } from '../../api/core.ts';

/** v1.TerminationMessagePathDefault. */
export const TERMINATION_MESSAGE_PATH = '/dev/termination-log';
/** v1.SecretVolumeSourceDefaultMode and ConfigMapVolumeSourceDefaultMode: 0644. */
export const DEFAULT_VOLUME_MODE = 0o644;

/**
 * The tag of an image reference as parsers.ParseImageName finds it: the part
 * after ':' in the last path component, "latest" when neither tag nor digest is given.
 */
export function imageTag(image: string): string {
  const [name, digest] = image.split('@');
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon >= 0) return last.slice(colon + 1);
  return digest ? '' : 'latest';
}

function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ||= 1;
  probe.periodSeconds ||= 10;
  probe.successThreshold ||= 1;
  probe.failureThreshold ||= 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= '/';
    probe.httpGet.scheme ||= 'HTTP';
  }
}

function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= TERMINATION_MESSAGE_PATH;
  c.terminationMessagePolicy ||= 'File';
  c.resources ??= {};
  for (const port of c.ports ?? []) port.protocol ||= 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  for (const env of c.env ?? []) {
    if (env.valueFrom?.fieldRef) env.valueFrom.fieldRef.apiVersion ||= 'v1';
  }
}

export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  // Not a default but the v1 conversion (pkg/apis/core/v1/conversion.go Convert_core_PodSpec_To_v1_PodSpec):
  // the deprecated serviceAccount always mirrors serviceAccountName, in templates too, so it is part
  // of the stored template and of its pod-template-hash (kubeadm's CoreDNS hashes to 7c65d6cfc9 with it).
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const vol of spec.volumes ?? []) {
    const hasSource = Object.keys(vol).some((k) => k !== 'name');
    if (!hasSource) vol.emptyDir = {};
    if (vol.secret) vol.secret.defaultMode ??= DEFAULT_VOLUME_MODE;
    if (vol.configMap) vol.configMap.defaultMode ??= DEFAULT_VOLUME_MODE;
    if (vol.downwardAPI) vol.downwardAPI.defaultMode ??= DEFAULT_VOLUME_MODE;
    if (vol.projected) vol.projected.defaultMode ??= DEFAULT_VOLUME_MODE;
    if (vol.hostPath) vol.hostPath.type ??= '';
  }
}
