/**
 * Objects as the API server stores them after defaulting (pkg/apis/core/v1/defaults.go,
 * pkg/apis/apps/v1/defaults.go), for controller tests.
 */
import type { Deployment } from '../../api/apps.ts';
import type { Container, PodTemplateSpec, Service } from '../../api/core.ts';

/** A defaulted container: imagePullPolicy Always for an untagged or :latest image, else IfNotPresent. */
export function container(name: string, image: string, extra: Partial<Container> = {}): Container {
  const pull = !image.includes(':') || image.endsWith(':latest') ? 'Always' : 'IfNotPresent';
  return {
    name,
    image,
    ...extra,
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: pull,
  };
}

export function podTemplate(labels: Record<string, string>, containers: Container[]): PodTemplateSpec {
  return {
    metadata: { creationTimestamp: null, labels } as PodTemplateSpec['metadata'],
    spec: {
      containers,
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

/** Seed 000's my-nginx Deployment (run: my-nginx, nginx with containerPort 80), defaulted. */
export function deployment(name: string, replicas: number, template: PodTemplateSpec, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { ...(template.metadata?.labels ?? {}) } },
      template,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...extra,
    },
  };
}

export function myNginxTemplate(image = 'nginx'): PodTemplateSpec {
  return podTemplate({ run: 'my-nginx' }, [container('my-nginx', image, { ports: [{ containerPort: 80, protocol: 'TCP' }] })]);
}

/** A ClusterIP service as `kubectl expose` makes it, defaulted. */
export function service(name: string, selector: Record<string, string> | undefined, ports: Service['spec']['ports'], extra: Partial<Service['spec']> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', labels: selector ? { ...selector } : undefined },
    spec: {
      type: 'ClusterIP',
      selector,
      ports,
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ...extra,
    },
  };
}
