/**
 * ingress-nginx installed as kind's ingress guide does it: `kubectl apply -f`
 * deploy/static/provider/kind/deploy.yaml of controller-v1.11.2 (kubernetes/
 * ingress-nginx). The objects this API server serves are created as the
 * manifest has them: the namespace, the controller's ConfigMap, the NodePort
 * Service ingress-nginx-controller (http/https), the admission Service, the
 * Deployment (hostPort 80/443, nodeSelector ingress-ready=true, the
 * `--publish-status-address=localhost` argument), the IngressClass `nginx`.
 * Kinds it does not serve (ServiceAccount, RBAC, Job,
 * ValidatingWebhookConfiguration) are left out; what the admission Jobs leave
 * behind is created directly: the `ingress-nginx-admission` Secret the
 * certgen job writes and the two job pods, which run kube-webhook-certgen
 * to completion.
 */
import type { ApiServer } from '../apiserver/types.ts';
import type { KubeObject } from '../api/meta.ts';
import { FAKE_CERTIFICATE_KEY_PEM, FAKE_CERTIFICATE_PEM } from './fake-certificate.ts';

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const CONTROLLER_VERSION = '1.11.2';
export const CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5f8217feeac4887cb1ed21f27c2674e58be06bd8f5184cacea2a69abaf78dce';
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.3@sha256:a320a50cc91bd15fd2d6fa6de58bd98c1bd64b9a6f926ce23a600d87043455a3';
/** The controller pods' selector labels. */
export const CONTROLLER_SELECTOR = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

const PART_OF = { ...CONTROLLER_SELECTOR, 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': CONTROLLER_VERSION };
const WEBHOOK_LABELS = { 'app.kubernetes.io/component': 'admission-webhook', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': CONTROLLER_VERSION };

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The manifest's objects, in its order. */
export function ingressNginxObjects(): KubeObject[] {
  const ns = INGRESS_NGINX_NAMESPACE;
  const podEnv = [
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
    { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
  ];
  const probe = { failureThreshold: 3, httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 };
  const jobPod = (job: string, args: string[]): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `${job}-`, namespace: ns, labels: { ...WEBHOOK_LABELS, 'batch.kubernetes.io/job-name': job, 'job-name': job } },
    spec: {
      containers: [
        {
          name: job.endsWith('create') ? 'create' : 'patch',
          image: CERTGEN_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          args,
          env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } },
        },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      restartPolicy: 'OnFailure',
      serviceAccountName: 'ingress-nginx-admission',
    },
  });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: ns, labels: PART_OF }, data: { 'allow-snippet-annotations': 'false' } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels: PART_OF },
      spec: {
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
        selector: CONTROLLER_SELECTOR,
        type: 'NodePort',
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller-admission', namespace: ns, labels: PART_OF },
      spec: { ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }], selector: CONTROLLER_SELECTOR, type: 'ClusterIP' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'ingress-nginx-admission', namespace: ns },
      type: 'Opaque',
      data: { ca: b64(FAKE_CERTIFICATE_PEM), cert: b64(FAKE_CERTIFICATE_PEM), key: b64(FAKE_CERTIFICATE_KEY_PEM) },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels: PART_OF },
      spec: {
        minReadySeconds: 0,
        revisionHistoryLimit: 10,
        selector: { matchLabels: CONTROLLER_SELECTOR },
        strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
        template: {
          metadata: { labels: PART_OF },
          spec: {
            containers: [
              {
                args: [
                  '/nginx-ingress-controller',
                  '--election-id=ingress-nginx-leader',
                  '--controller-class=k8s.io/ingress-nginx',
                  '--ingress-class=nginx',
                  '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                  '--validating-webhook=:8443',
                  '--validating-webhook-certificate=/usr/local/certificates/cert',
                  '--validating-webhook-key=/usr/local/certificates/key',
                  '--watch-ingress-without-class=true',
                  '--enable-metrics=false',
                  '--publish-status-address=localhost',
                ],
                env: podEnv,
                image: CONTROLLER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
                livenessProbe: { ...probe, failureThreshold: 5 },
                name: 'controller',
                ports: [
                  { containerPort: 80, hostPort: 80, name: 'http', protocol: 'TCP' },
                  { containerPort: 443, hostPort: 443, name: 'https', protocol: 'TCP' },
                  { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
                ],
                readinessProbe: probe,
                resources: { requests: { cpu: '100m', memory: '90Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                  readOnlyRootFilesystem: false,
                  runAsNonRoot: true,
                  runAsUser: 101,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
              },
            ],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'ingress-ready': 'true', 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 0,
            tolerations: [
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
              { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
            ],
            volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
          },
        },
      },
    },
    jobPod('ingress-nginx-admission-create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
    jobPod('ingress-nginx-admission-patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels: PART_OF }, spec: { controller: 'k8s.io/ingress-nginx' } },
  ];
}

/** Creates ingress-nginx's objects in the cluster (skipping any that already exist). */
export function installIngressNginx(api: ApiServer): void {
  for (const object of ingressNginxObjects()) {
    const name = object.metadata.name;
    if (name && api.tryGet({ kind: object.kind, namespace: object.metadata.namespace, name })) continue;
    api.create(object);
  }
}
