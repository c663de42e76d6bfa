/**
 * Pod and pod template validation: ValidatePodSpec, validateContainers,
 * validateContainerCommon, validateContainerPorts, ValidateEnv,
 * ValidateVolumes, ValidateVolumeMounts, validateProbe/validateHandler,
 * validateRestartPolicy, validateDNSPolicy, validatePullPolicy,
 * ValidatePodTemplateSpec, ValidatePod and ValidatePodUpdate of
 * pkg/apis/core/validation/validation.go (Kubernetes 1.31), for the fields
 * this project's objects carry.
 */
import type { Container, Pod, PodSpec, PodTemplateSpec, Probe, Volume } from '../../api/core.ts';
import {
  FieldPath,
  duplicate,
  forbidden,
  invalid,
  notFound,
  notSupported,
  required,
  type FieldError,
} from './field-error.ts';
import { isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './format-rules.ts';
import { nameIsDNSSubdomain, validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.ts';
import { validatePortNumOrName } from './ports.ts';
import { jsonEqual } from '../json-equal.ts';

const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const NONNEGATIVE = 'must be greater than or equal to 0';

function dns1123Label(value: string, path: FieldPath): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

function nonnegative(value: number | undefined, path: FieldPath): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, NONNEGATIVE)] : [];
}

/** ValidateVolumes: names are DNS-1123 labels, unique; secret and configMap sources need their names. */
function validateVolumes(volumes: Volume[], path: FieldPath): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  volumes.forEach((vol, i) => {
    const idx = path.index(i);
    const volErrs: FieldError[] = [];
    if (!vol.name) volErrs.push(required(idx.child('name')));
    else volErrs.push(...dns1123Label(vol.name, idx.child('name')));
    if (vol.secret && !vol.secret.secretName) volErrs.push(required(idx.child('secret', 'secretName')));
    if (vol.configMap && !vol.configMap.name) volErrs.push(required(idx.child('configMap', 'name')));
    if (volErrs.length === 0) {
      if (names.has(vol.name)) volErrs.push(duplicate(idx.child('name'), vol.name));
      else names.add(vol.name);
    }
    errs.push(...volErrs);
  });
  return { names, errs };
}

function validateContainerPorts(ports: Container['ports'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const idx = path.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(idx.child('name'), port.name, msg));
      else if (names.has(port.name)) errs.push(duplicate(idx.child('name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(idx.child('containerPort')));
    else for (const msg of isValidPortNum(port.containerPort)) errs.push(invalid(idx.child('containerPort'), port.containerPort, msg));
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errs.push(invalid(idx.child('hostPort'), port.hostPort, msg));
    if (!port.protocol) errs.push(required(idx.child('protocol')));
    else if (!SUPPORTED_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(idx.child('protocol'), port.protocol, SUPPORTED_PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Container['env'], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const idx = path.index(i);
    if (!ev.name) errs.push(required(idx.child('name')));
    for (const msg of isEnvVarName(ev.name ?? '')) errs.push(invalid(idx.child('name'), ev.name ?? '', msg));
  });
  return errs;
}

function validateVolumeMounts(mounts: Container['volumeMounts'], volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((mnt, i) => {
    const idx = path.index(i);
    if (!mnt.name) errs.push(required(idx.child('name')));
    if (!volumes.has(mnt.name)) errs.push(notFound(idx.child('name'), mnt.name ?? ''));
    if (!mnt.mountPath) errs.push(required(idx.child('mountPath')));
    if (mountPoints.has(mnt.mountPath)) errs.push(invalid(idx.child('mountPath'), mnt.mountPath, 'must be unique'));
    mountPoints.add(mnt.mountPath);
  });
  return errs;
}

/** validateHandler: exactly one handler type. */
function validateHandler(probe: Probe, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const more = 'may not specify more than 1 handler type';
  if (probe.exec) {
    handlers++;
    if ((probe.exec.command ?? []).length === 0) errs.push(required(path.child('exec', 'command')));
  }
  if (probe.httpGet) {
    if (handlers > 0) errs.push(forbidden(path.child('httpGet'), more));
    else {
      handlers++;
      const get = probe.httpGet;
      if (!get.path) errs.push(required(path.child('httpGet', 'path')));
      errs.push(...validatePortNumOrName(get.port, path.child('httpGet', 'port')));
      if (!HTTP_SCHEMES.includes(get.scheme ?? '')) errs.push(notSupported(path.child('httpGet', 'scheme'), get.scheme ?? '', HTTP_SCHEMES));
    }
  }
  if (probe.tcpSocket) {
    if (handlers > 0) errs.push(forbidden(path.child('tcpSocket'), more));
    else {
      handlers++;
      errs.push(...validatePortNumOrName(probe.tcpSocket.port, path.child('tcpSocket', 'port')));
    }
  }
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(probe: Probe | undefined, path: FieldPath): FieldError[] {
  if (!probe) return [];
  return [
    ...validateHandler(probe, path),
    ...nonnegative(probe.initialDelaySeconds, path.child('initialDelaySeconds')),
    ...nonnegative(probe.timeoutSeconds, path.child('timeoutSeconds')),
    ...nonnegative(probe.periodSeconds, path.child('periodSeconds')),
    ...nonnegative(probe.successThreshold, path.child('successThreshold')),
    ...nonnegative(probe.failureThreshold, path.child('failureThreshold')),
  ];
}

function validateContainers(containers: Container[] | undefined, volumes: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) errs.push(required(path));
  const names = new Set<string>();
  (containers ?? []).forEach((ctr, i) => {
    const idx = path.index(i);
    if (!ctr.name) errs.push(required(idx.child('name')));
    else errs.push(...dns1123Label(ctr.name, idx.child('name')));
    if (!ctr.image) errs.push(required(idx.child('image')));
    const tmp = ctr.terminationMessagePolicy ?? '';
    if (tmp === '') errs.push(required(idx.child('terminationMessagePolicy')));
    else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp)) errs.push(notSupported(idx.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
    errs.push(...validateContainerPorts(ctr.ports, idx.child('ports')));
    errs.push(...validateEnv(ctr.env, idx.child('env')));
    errs.push(...validateVolumeMounts(ctr.volumeMounts, volumes, idx.child('volumeMounts')));
    const pull = ctr.imagePullPolicy ?? '';
    if (pull === '') errs.push(required(idx.child('imagePullPolicy')));
    else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(idx.child('imagePullPolicy'), pull, PULL_POLICIES));
    if (names.has(ctr.name)) errs.push(duplicate(idx.child('name'), ctr.name));
    else names.add(ctr.name);
    errs.push(...validateProbe(ctr.livenessProbe, idx.child('livenessProbe')));
    if (ctr.livenessProbe && ctr.livenessProbe.successThreshold !== 1) {
      errs.push(invalid(idx.child('livenessProbe', 'successThreshold'), ctr.livenessProbe.successThreshold ?? 0, 'must be 1'));
    }
    errs.push(...validateProbe(ctr.readinessProbe, idx.child('readinessProbe')));
    errs.push(...validateProbe(ctr.startupProbe, idx.child('startupProbe')));
    if (ctr.startupProbe && ctr.startupProbe.successThreshold !== 1) {
      errs.push(invalid(idx.child('startupProbe', 'successThreshold'), ctr.startupProbe.successThreshold ?? 0, 'must be 1'));
    }
  });
  return errs;
}

/** ValidatePodSpec. */
export function validatePodSpec(spec: PodSpec | undefined, path: FieldPath): FieldError[] {
  const s = spec ?? ({ containers: [] } as unknown as PodSpec);
  const { names, errs } = validateVolumes(s.volumes ?? [], path.child('volumes'));
  errs.push(...validateContainers(s.containers, names, path.child('containers')));
  if (s.initContainers) {
    s.initContainers.forEach((ctr, i) => {
      const idx = path.child('initContainers').index(i);
      if (!ctr.name) errs.push(required(idx.child('name')));
      else errs.push(...dns1123Label(ctr.name, idx.child('name')));
      if (!ctr.image) errs.push(required(idx.child('image')));
    });
  }
  const restart = s.restartPolicy ?? '';
  if (restart === '') errs.push(required(path.child('restartPolicy')));
  else if (!RESTART_POLICIES.includes(restart)) errs.push(notSupported(path.child('restartPolicy'), restart, RESTART_POLICIES));
  const dns = s.dnsPolicy ?? '';
  if (dns === '') errs.push(required(path.child('dnsPolicy')));
  else if (!DNS_POLICIES.includes(dns)) errs.push(notSupported(path.child('dnsPolicy'), dns, DNS_POLICIES));
  if (s.nodeSelector) errs.push(...validateLabels(s.nodeSelector, path.child('nodeSelector')));
  if (s.serviceAccountName) {
    for (const msg of nameIsDNSSubdomain(s.serviceAccountName, false)) errs.push(invalid(path.child('serviceAccountName'), s.serviceAccountName, msg));
  }
  if (s.nodeName) for (const msg of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(path.child('nodeName'), s.nodeName, msg));
  if (s.hostname) errs.push(...dns1123Label(s.hostname, path.child('hostname')));
  if (s.subdomain) errs.push(...dns1123Label(s.subdomain, path.child('subdomain')));
  return errs;
}

/** ValidatePodTemplateSpec: template labels and annotations, then the spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: FieldPath): FieldError[] {
  const errs = [
    ...validateLabels(template.metadata?.labels, path.child('labels')),
    ...validateAnnotations(template.metadata?.annotations, path.child('annotations')),
  ];
  return errs.concat(validatePodSpec(template.spec, path.child('spec')));
}

/** ValidatePodCreate. */
export function validatePod(pod: Pod): FieldError[] {
  return validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain).concat(validatePodSpec(pod.spec, FieldPath.of('spec')));
}

/**
 * The first line of ValidatePodUpdate's spec check. The real message goes on
 * with a cmp.Diff of the two specs, which is not reproduced.
 */
export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidatePodUpdate: only images and added tolerations may change (and nodeName once, the binding this cluster allows on update). */
export function validatePodUpdate(next: Pod, old: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, old.metadata);
  const comparable = (spec: PodSpec, other: PodSpec): unknown => {
    const copy = structuredClone(spec);
    copy.containers = copy.containers.map((c, i) => ({ ...c, image: other.containers[i]?.image ?? c.image }));
    copy.tolerations = other.tolerations;
    if (!other.nodeName) delete copy.nodeName;
    return copy;
  };
  if (next.spec.containers.length !== old.spec.containers.length || !jsonEqual(comparable(next.spec, old.spec), comparable(old.spec, old.spec))) {
    errs.push(forbidden(FieldPath.of('spec'), POD_UPDATE_FORBIDDEN));
  }
  return errs.concat(validatePodSpec(next.spec, FieldPath.of('spec')));
}
