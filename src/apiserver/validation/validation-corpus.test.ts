/**
 * Invalid objects and the exact Status.message a 1.31 API server answers.
 * Each case names the Go function of pkg/apis/core/validation/validation.go,
 * pkg/apis/apps/validation/validation.go, pkg/apis/networking/validation or
 * apimachinery that produces the message (FIDELITY.md §3 for the Service ones);
 * allocator messages come from pkg/registry/core/service/{ipallocator,portallocator}.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApiServer } from '../api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { ApiError } from '../types.ts';
import type { KubeObject } from '../../api/meta.ts';

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const LABEL_KEY_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const CONFIG_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const WILDCARD =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

function svc(spec: Record<string, unknown>, name = 'x'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }], ...spec } };
}
function pod(spec: Record<string, unknown>, name = 'p'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}
function container(extra: Record<string, unknown>): KubeObject {
  return pod({ containers: [{ name: 'c', image: 'nginx', ...extra }] });
}
function deploy(spec: Record<string, unknown>, name = 'd'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
  };
}
function ingress(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' }, spec };
}
function rule(path: Record<string, unknown>, host?: string): Record<string, unknown> {
  return { ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } }, ...path }] } };
}
const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Case {
  source: string;
  object: KubeObject;
  message: string;
}

const CASES: Case[] = [
  // ---- Service ----
  { source: 'ValidateService → NameIsDNS1035Label (FIDELITY §3)', object: svc({}, 'My-Svc'), message: `Service "My-Svc" is invalid: metadata.name: Invalid value: "My-Svc": ${DNS1035}` },
  { source: 'ValidateService → NameIsDNS1035Label, leading digit', object: svc({}, '1svc'), message: `Service "1svc" is invalid: metadata.name: Invalid value: "1svc": ${DNS1035}` },
  { source: 'ValidateService: spec.ports required', object: svc({ ports: [] }), message: 'Service "x" is invalid: spec.ports: Required value' },
  { source: 'validateServicePort: requireName with several ports', object: svc({ ports: [{ port: 80, name: 'http' }, { port: 443 }] }), message: 'Service "x" is invalid: spec.ports[1].name: Required value' },
  { source: 'validateServicePort: duplicate name', object: svc({ ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] }), message: 'Service "x" is invalid: spec.ports[1].name: Duplicate value: "http"' },
  { source: 'validateServicePort: name is a DNS-1123 label', object: svc({ ports: [{ port: 80, name: 'HTTP' }] }), message: `Service "x" is invalid: spec.ports[0].name: Invalid value: "HTTP": ${DNS1123_LABEL}` },
  { source: 'validateServicePort: IsValidPortNum', object: svc({ ports: [{ port: 70000 }] }), message: `Service "x" is invalid: [spec.ports[0].port: Invalid value: 70000: ${PORT_RANGE}, spec.ports[0].targetPort: Invalid value: 70000: ${PORT_RANGE}]` },
  { source: 'validateServicePort: protocol NotSupported', object: svc({ ports: [{ port: 80, protocol: 'HTTP' }] }), message: 'Service "x" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"' },
  { source: 'ValidatePortNumOrName: targetPort name too long', object: svc({ ports: [{ port: 80, targetPort: 'a-very-long-port-name' }] }), message: 'Service "x" is invalid: spec.ports[0].targetPort: Invalid value: "a-very-long-port-name": must be no more than 15 characters' },
  { source: 'ValidatePortNumOrName: targetPort IANA_SVC_NAME rules', object: svc({ ports: [{ port: 80, targetPort: 'web--1' }] }), message: 'Service "x" is invalid: spec.ports[0].targetPort: Invalid value: "web--1": must not contain consecutive hyphens' },
  { source: 'ValidatePortNumOrName: targetPort letters', object: svc({ ports: [{ port: 80, targetPort: '8080x_' }] }), message: 'Service "x" is invalid: spec.ports[0].targetPort: Invalid value: "8080x_": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' },
  { source: 'ValidateService: duplicate port+protocol (core.ServicePort %#v)', object: svc({ ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }), message: 'Service "x" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}' },
  { source: 'ValidateService: nodePort forbidden for ClusterIP (FIDELITY §3)', object: svc({ ports: [{ port: 80, nodePort: 30080 }] }), message: "Service \"x\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
  { source: 'portallocator ErrNotInRange via initNodePorts (FIDELITY §3)', object: svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 29999 }] }), message: 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767' },
  { source: 'ValidateService: clusterIP None for NodePort (FIDELITY §3)', object: svc({ type: 'NodePort', clusterIP: 'None' }), message: `Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services` },
  { source: 'ValidateService: clusterIP None for LoadBalancer', object: svc({ type: 'LoadBalancer', clusterIP: 'None' }), message: `Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for LoadBalancer services` },
  { source: 'ValidateService: ExternalName needs externalName (FIDELITY §3)', object: svc({ type: 'ExternalName', selector: undefined, ports: undefined }), message: 'Service "x" is invalid: spec.externalName: Required value' },
  { source: 'ValidateService: externalName is a DNS-1123 subdomain', object: svc({ type: 'ExternalName', externalName: 'Bad_Host' }), message: `Service "x" is invalid: spec.externalName: Invalid value: "Bad_Host": ${DNS1123_SUBDOMAIN}` },
  { source: 'ValidateService: clusterIPs forbidden for ExternalName', object: svc({ type: 'ExternalName', externalName: 'example.com', clusterIP: '10.96.0.50' }), message: 'Service "x" is invalid: spec.clusterIPs: Forbidden: may not be set for ExternalName services' },
  { source: 'ValidateService: sessionAffinity NotSupported', object: svc({ sessionAffinity: 'Cookie' }), message: 'Service "x" is invalid: spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"' },
  { source: 'validateAffinityTimeout', object: svc({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 90000 } } }), message: 'Service "x" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: must be greater than 0 and less than 86400' },
  { source: 'ValidateService: type NotSupported', object: svc({ type: 'Internal' }), message: 'Service "x" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
  { source: 'validateServiceExternalTrafficPolicy: only for externally-accessible', object: svc({ externalTrafficPolicy: 'Local' }), message: 'Service "x" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services' },
  { source: 'validateServiceExternalTrafficPolicy: NotSupported', object: svc({ type: 'NodePort', externalTrafficPolicy: 'Global' }), message: 'Service "x" is invalid: spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"' },
  { source: 'validateServiceExternalTrafficPolicy: healthCheckNodePort', object: svc({ type: 'NodePort', healthCheckNodePort: 30100 }), message: "Service \"x\" is invalid: spec.healthCheckNodePort: Invalid value: 30100: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'" },
  { source: 'validateServiceInternalTrafficFieldsValue', object: svc({ internalTrafficPolicy: 'Node' }), message: 'Service "x" is invalid: spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"' },
  { source: 'ValidateService: externalIPs IsValidIP', object: svc({ externalIPs: ['1.2.3'] }), message: 'Service "x" is invalid: spec.externalIPs[0]: Invalid value: "1.2.3": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  { source: 'ValidateNonSpecialIP: loopback', object: svc({ externalIPs: ['127.0.0.1'] }), message: 'Service "x" is invalid: spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)' },
  { source: 'ValidateService: selector labels (ValidateLabels)', object: svc({ selector: { app: 'a b' } }), message: `Service "x" is invalid: spec.selector: Invalid value: "a b": ${LABEL_VALUE}` },
  { source: 'ValidateService: loadBalancerSourceRanges only for LoadBalancer', object: svc({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), message: "Service \"x\" is invalid: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'" },
  { source: 'ValidateServiceClusterIPsRelatedFields: IsValidIP (via initIPFamilyFields)', object: svc({ clusterIP: '10.96.0.300' }), message: 'Service "x" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' },
  { source: 'ipallocator ErrNotInRange via allocIPs', object: svc({ clusterIP: '10.0.0.5' }), message: 'Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16' },
  { source: 'initIPFamilyFields: RequireDualStack on a single-stack cluster', object: svc({ ipFamilyPolicy: 'RequireDualStack' }), message: 'Service "x" is invalid: spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services' },
  { source: 'initIPFamilyFields: IPv6 family not configured', object: svc({ ipFamilies: ['IPv6'] }), message: 'Service "x" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster' },
  { source: 'ValidateServiceClusterIPsRelatedFields: ipFamilyPolicy NotSupported', object: svc({ ipFamilyPolicy: 'DualStack' }), message: 'Service "x" is invalid: spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"' },
  // ---- Pod ----
  { source: 'ValidatePodSpec → validateContainers: containers required', object: pod({ containers: [] }), message: 'Pod "p" is invalid: spec.containers: Required value' },
  { source: 'validateContainerCommon: name required', object: pod({ containers: [{ image: 'nginx' }] }), message: 'Pod "p" is invalid: spec.containers[0].name: Required value' },
  { source: 'validateContainerCommon: name is a DNS-1123 label', object: pod({ containers: [{ name: 'My_C', image: 'nginx' }] }), message: `Pod "p" is invalid: spec.containers[0].name: Invalid value: "My_C": ${DNS1123_LABEL}` },
  { source: 'validateContainerCommon: image required', object: pod({ containers: [{ name: 'c' }] }), message: 'Pod "p" is invalid: spec.containers[0].image: Required value' },
  { source: 'validateContainers: duplicate name', object: pod({ containers: [{ name: 'c', image: 'a' }, { name: 'c', image: 'b' }] }), message: 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "c"' },
  { source: 'validateContainerPorts: containerPort range', object: container({ ports: [{ containerPort: 70000 }] }), message: `Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: ${PORT_RANGE}` },
  { source: 'validateContainerPorts: containerPort required', object: container({ ports: [{ name: 'http' }] }), message: 'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Required value' },
  { source: 'validateContainerPorts: IsValidPortName, every rule broken is listed', object: container({ ports: [{ name: 'HTTP', containerPort: 80 }] }), message: 'Pod "p" is invalid: [spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), spec.containers[0].ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)]' },
  { source: 'validateContainerPorts: IsValidPortName hyphen ends', object: container({ ports: [{ name: 'http-', containerPort: 80 }] }), message: 'Pod "p" is invalid: spec.containers[0].ports[0].name: Invalid value: "http-": must not begin or end with a hyphen' },
  { source: 'validateContainerPorts: name needs a letter', object: container({ ports: [{ name: '8080', containerPort: 80 }] }), message: 'Pod "p" is invalid: spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)' },
  { source: 'validateContainerPorts: duplicate name', object: container({ ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] }), message: 'Pod "p" is invalid: spec.containers[0].ports[1].name: Duplicate value: "http"' },
  { source: 'validateContainerPorts: protocol NotSupported', object: container({ ports: [{ containerPort: 80, protocol: 'tcp' }] }), message: 'Pod "p" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"' },
  { source: 'ValidateEnv: IsEnvVarName', object: container({ env: [{ name: '1VAR', value: 'x' }] }), message: `Pod "p" is invalid: spec.containers[0].env[0].name: Invalid value: "1VAR": ${ENV_NAME}` },
  { source: 'ValidateVolumeMounts: unknown volume', object: container({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }), message: 'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"' },
  { source: 'validatePullPolicy', object: container({ imagePullPolicy: 'Sometimes' }), message: 'Pod "p" is invalid: spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"' },
  { source: 'validateRestartPolicy', object: pod({ restartPolicy: 'Sometimes' }), message: 'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' },
  { source: 'validateDNSPolicy', object: pod({ dnsPolicy: 'Cluster' }), message: 'Pod "p" is invalid: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"' },
  { source: 'validateHandler: a probe needs a handler', object: container({ readinessProbe: { periodSeconds: 5 } }), message: 'Pod "p" is invalid: spec.containers[0].readinessProbe: Required value: must specify a handler type' },
  { source: 'validateLivenessProbe: successThreshold must be 1', object: container({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }), message: 'Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1' },
  { source: 'validateHTTPGetAction → ValidatePortNumOrName', object: container({ readinessProbe: { httpGet: { port: 0 } } }), message: `Pod "p" is invalid: spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: ${PORT_RANGE}` },
  { source: 'ValidateVolumes: volume name', object: pod({ volumes: [{ name: 'Data', emptyDir: {} }] }), message: `Pod "p" is invalid: spec.volumes[0].name: Invalid value: "Data": ${DNS1123_LABEL}` },
  { source: 'validateSecretVolumeSource: secretName required', object: pod({ volumes: [{ name: 'v', secret: {} }] }), message: 'Pod "p" is invalid: spec.volumes[0].secret.secretName: Required value' },
  { source: 'ValidateObjectMeta: pod name is a DNS subdomain', object: pod({}, 'Pod_1'), message: `Pod "Pod_1" is invalid: metadata.name: Invalid value: "Pod_1": ${DNS1123_SUBDOMAIN}` },
  { source: 'ValidateObjectMeta: name or generateName required', object: pod({}, ''), message: 'Pod "" is invalid: metadata.name: Required value: name or generateName is required' },
  { source: 'ValidateLabels: label key', object: { ...pod({}), metadata: { name: 'p', labels: { 'bad key': 'x' } } }, message: `Pod "p" is invalid: metadata.labels: Invalid value: "bad key": ${LABEL_KEY_NAME}` },
  // ---- Deployment / ReplicaSet / RC ----
  { source: 'ValidatePodTemplateSpecForReplicaSet: selector vs labels (FIDELITY §3)', object: deploy({ selector: { matchLabels: { app: 'y' } } }), message: 'Deployment.apps "d" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`' },
  { source: 'ValidateDeploymentSpec: selector required', object: deploy({ selector: undefined }), message: 'Deployment.apps "d" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`]' },
  { source: 'ValidateDeploymentSpec: empty selector', object: deploy({ selector: {} }), message: 'Deployment.apps "d" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment' },
  { source: 'ValidateDeploymentSpec: replicas non-negative', object: deploy({ replicas: -1 }), message: 'Deployment.apps "d" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
  { source: 'ValidatePodTemplateSpecForReplicaSet: restartPolicy Always', object: deploy({ template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] } } }), message: 'Deployment.apps "d" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"' },
  { source: 'ValidateRollingUpdateDeployment: both zero', object: deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), message: 'Deployment.apps "d" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0' },
  { source: 'ValidatePositiveIntOrPercent → IsValidPercent', object: deploy({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25' } } }), message: "Deployment.apps \"d\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"25\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')" },
  { source: 'ValidateLabelSelectorRequirement: In without values', object: deploy({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }] } }), message: "Deployment.apps \"d\" is invalid: [spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn', spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", Operator:\"In\", Values:[]string(nil)}}}: invalid label selector]" },
  { source: 'ValidateReplicaSetSpec: selector vs labels', object: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector: { matchLabels: { app: 'y' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }, message: 'ReplicaSet.apps "rs" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`' },
  { source: 'ValidatePodTemplateSpecForRC: template required', object: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { selector: { app: 'x' } } }, message: 'ReplicationController "rc" is invalid: spec.template: Required value' },
  { source: 'ValidateNonEmptySelector (RC without selector or template labels)', object: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }, message: 'ReplicationController "rc" is invalid: spec.selector: Required value' },
  // ---- Secret / ConfigMap / Namespace ----
  { source: 'ValidateSecret: kubernetes.io/tls needs tls.crt and tls.key', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }, message: 'Secret "s" is invalid: data[tls.key]: Required value' },
  { source: 'ValidateSecret: dockerconfigjson key', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/dockerconfigjson', data: {} }, message: 'Secret "s" is invalid: data[.dockerconfigjson]: Required value' },
  { source: 'ValidateSecret: basic-auth needs username or password', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/basic-auth', data: {} }, message: 'Secret "s" is invalid: [data[username]: Required value, data[password]: Required value]' },
  { source: 'ValidateSecret → IsConfigMapKey', object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'a b': b64('x') } }, message: `Secret "s" is invalid: data[a b]: Invalid value: "a b": ${CONFIG_KEY}` },
  { source: 'ValidateConfigMap → IsConfigMapKey', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { 'key/x': 'v' } }, message: `ConfigMap "cm" is invalid: data[key/x]: Invalid value: "key/x": ${CONFIG_KEY}` },
  { source: 'ValidateConfigMap: key "..": hasChDirPrefix', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { '..': 'v' } }, message: "ConfigMap \"cm\" is invalid: data[..]: Invalid value: \"..\": must not be '..'" },
  { source: 'ValidateNamespace → ValidateNamespaceName (DNS-1123 label)', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } }, message: 'Namespace "my.ns" is invalid: metadata.name: Invalid value: "my.ns": must not contain dots' },
  // ---- Endpoints / EndpointSlice ----
  { source: 'validateEndpointAddress: IsValidIP and ValidateEndpointIP', object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: 'x' }], ports: [{ port: 80 }] }] }, message: 'Endpoints "e" is invalid: [subsets[0].addresses[0].ip: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff), subsets[0].addresses[0].ip: Invalid value: "x": must be a valid IP address]' },
  { source: 'validateEndpointPort: IsValidPortNum', object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 0 }] }] }, message: `Endpoints "e" is invalid: subsets[0].ports[0].port: Invalid value: 0: ${PORT_RANGE}` },
  { source: 'validateEndpointSubsets: addresses required', object: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80 }] }] }, message: 'Endpoints "e" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`' },
  { source: 'discovery validateEndpoints: IPv4 address', object: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'es' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1'], conditions: {} }], ports: [] }, message: 'EndpointSlice.discovery.k8s.io "es" is invalid: endpoints[0].addresses[0]: Invalid value: "10.244.1": must be a valid IPv4 address' },
  // ---- Ingress ----
  { source: 'ValidateIngressSpec: rules or defaultBackend', object: ingress({}), message: 'Ingress.networking.k8s.io "i" is invalid: spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified' },
  { source: 'validateHTTPIngressRuleValue: pathType required', object: ingress({ rules: [rule({ pathType: undefined })] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].pathType: Required value: must be specified' },
  { source: 'validateHTTPIngressRuleValue: pathType NotSupported', object: ingress({ rules: [rule({ pathType: 'Regex' })] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"' },
  { source: 'validateHTTPIngressRuleValue: absolute path', object: ingress({ rules: [rule({ path: 'foo' })] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path' },
  { source: 'validateIngressBackend: service name required', object: ingress({ rules: [rule({ backend: { service: { port: { number: 80 } } } })] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].backend.service.name: Required value' },
  { source: 'validateIngressBackend: port name or number', object: ingress({ rules: [rule({ backend: { service: { name: 's', port: {} } } })] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].backend: Required value: port name or number is required' },
  { source: 'validateIngressRules: wildcard host', object: ingress({ rules: [rule({}, 'foo.*.com')] }), message: `Ingress.networking.k8s.io "i" is invalid: spec.rules[0].host: Invalid value: "foo.*.com": ${WILDCARD}` },
  { source: 'validateIngressRules: host is not an IP', object: ingress({ rules: [rule({}, '1.2.3.4')] }), message: 'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address' },
];

describe('validation corpus: create answers the 1.31 Status.message', () => {
  it('holds at least 60 cases', () => {
    expect(CASES.length).to.be.at.least(60);
  });
  for (const c of CASES) {
    it(c.source, () => {
      const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('corpus'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
      let error: unknown;
      try {
        api.create(c.object);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).status.code).to.equal(422);
      expect((error as ApiError).status.reason).to.equal('Invalid');
      expect((error as ApiError).message).to.equal(c.message);
    });
  }
});
