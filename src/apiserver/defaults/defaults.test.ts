/**
 * Defaulting goldens: what a 1.31 API server stores for minimal objects. Each
 * expectation cites the function setting it: pkg/apis/core/v1/defaults.go
 * (SetDefaults_Service, _PodSpec, _Container, _Probe, _HTTPGetAction, _Pod,
 * _Secret, _Namespace, _ReplicationController), pkg/apis/apps/v1/defaults.go
 * (SetDefaults_Deployment, _ReplicaSet), the service allocator
 * (storage/alloc.go initIPFamilyFields), the admission plugins
 * (ServiceAccount, DefaultTolerationSeconds, Priority) and the strategies'
 * PrepareForCreate (status, generation).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApiServer } from '../api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import type { KubeObject } from '../../api/meta.ts';
import { imageTag } from './pod-spec.ts';

function server() {
  return createApiServer({ clock: new VirtualClock(), random: new SeededRandom('defaults'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
}

function create(obj: KubeObject): KubeObject {
  return server().create(obj).object;
}

describe('Service defaults (SetDefaults_Service, initIPFamilyFields)', () => {
  it('ClusterIP: type, protocol, targetPort = port, sessionAffinity None, internalTrafficPolicy Cluster, SingleStack IPv4', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-nginx' }, spec: { selector: { run: 'my-nginx' }, ports: [{ port: 80 }], clusterIP: '10.96.0.50' } });
    expect(svc.spec).to.deep.equal({
      selector: { run: 'my-nginx' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      clusterIP: '10.96.0.50',
      clusterIPs: ['10.96.0.50'],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    expect(svc.status).to.deep.equal({ loadBalancer: {} });
    expect(svc.metadata.generation).to.equal(undefined);
  });

  it('LoadBalancer: externalTrafficPolicy Cluster, allocateLoadBalancerNodePorts true, node ports allocated', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', selector: { a: 'b' }, ports: [{ port: 80, targetPort: 8080 }] } });
    const spec = svc.spec as Record<string, unknown> & { ports: { nodePort: number }[] };
    expect(spec.externalTrafficPolicy).to.equal('Cluster');
    expect(spec.allocateLoadBalancerNodePorts).to.equal(true);
    expect(spec.ports[0].nodePort).to.be.within(30086, 32767);
    expect(spec.healthCheckNodePort).to.equal(undefined);
  });

  it('LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: { a: 'b' }, ports: [{ port: 80 }] } });
    expect((svc.spec as { healthCheckNodePort: number }).healthCheckNodePort).to.be.within(30086, 32767);
  });

  it('ClientIP affinity gets the 10800 s timeout', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { sessionAffinity: 'ClientIP', selector: { a: 'b' }, ports: [{ port: 80 }] } });
    expect((svc.spec as Record<string, unknown>).sessionAffinityConfig).to.deep.equal({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('headless without selector is RequireDualStack with both families (initIPFamilyFields special case)', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'h' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } });
    expect(svc.spec).to.include({ clusterIP: 'None', ipFamilyPolicy: 'RequireDualStack' });
    expect((svc.spec as Record<string, unknown>).ipFamilies).to.deep.equal(['IPv4', 'IPv6']);
  });

  it('ExternalName gets no cluster IP and no families', () => {
    const svc = create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'api.example.com' } });
    expect(svc.spec).to.deep.equal({ type: 'ExternalName', externalName: 'api.example.com', sessionAffinity: 'None' });
  });
});

describe('Deployment defaults (SetDefaults_Deployment, SetDefaults_PodSpec, SetDefaults_Container)', () => {
  it('stores the seed 000 my-nginx Deployment as a 1.31 server does', () => {
    const d = create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'my-nginx' },
      spec: {
        selector: { matchLabels: { run: 'my-nginx' } },
        replicas: 2,
        template: { metadata: { labels: { run: 'my-nginx' } }, spec: { containers: [{ name: 'my-nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
    expect(d.spec).to.deep.equal({
      selector: { matchLabels: { run: 'my-nginx' } },
      replicas: 2,
      template: {
        metadata: { labels: { run: 'my-nginx' }, creationTimestamp: null },
        spec: {
          containers: [
            {
              name: 'my-nginx',
              image: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              imagePullPolicy: 'Always',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              resources: {},
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
          schedulerName: 'default-scheduler',
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(d.metadata.generation).to.equal(1);
    expect(d.status).to.deep.equal({});
  });

  it('replicas default to 1; ReplicaSet status starts at replicas 0', () => {
    const rs = create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.18' }] } } },
    });
    expect((rs.spec as { replicas: number }).replicas).to.equal(1);
    expect(rs.status).to.deep.equal({ replicas: 0 });
  });
});

describe('Pod defaults and admission', () => {
  it('fills spec defaults, the service account volume, tolerations and priority; status Pending BestEffort', () => {
    const p = create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'web', image: 'nginx:1.18', readinessProbe: { httpGet: { port: 80 } } }] },
    });
    const spec = p.spec as Record<string, unknown> & { containers: Record<string, unknown>[]; volumes: { name: string }[] };
    const volume = spec.volumes[0].name;
    expect(volume).to.match(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.containers[0]).to.deep.equal({
      name: 'web',
      image: 'nginx:1.18',
      readinessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      volumeMounts: [{ name: volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
    });
    expect(spec).to.include({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
    expect(spec.tolerations).to.deep.equal([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(p.status).to.deep.equal({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  const tags: [string, string][] = [
    ['nginx', 'latest'],
    ['nginx:1.18-alpine', '1.18-alpine'],
    ['localhost:5000/app', 'latest'],
    ['localhost:5000/app:v2', 'v2'],
    ['busybox@sha256:abc', ''],
  ];
  for (const [image, tag] of tags) it(`parsers.ParseImageName tag of ${image} is "${tag}"`, () => void expect(imageTag(image)).to.equal(tag));
});

describe('other kinds', () => {
  it('Secret: type Opaque, stringData merged into base64 data (Convert_v1_Secret_To_core_Secret)', () => {
    const s = create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: '123456' }, data: { user: 'YWRtaW4=' } });
    expect(s.type).to.equal('Opaque');
    expect(s.data).to.deep.equal({ user: 'YWRtaW4=', password: 'MTIzNDU2' });
    expect(s.stringData).to.equal(undefined);
  });

  it('Namespace: the metadata.name label, finalizer kubernetes, phase Active', () => {
    const ns = create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'config' } });
    expect(ns.metadata.labels).to.deep.equal({ 'kubernetes.io/metadata.name': 'config' });
    expect(ns.spec).to.deep.equal({ finalizers: ['kubernetes'] });
    expect(ns.status).to.deep.equal({ phase: 'Active' });
  });

  it('ReplicationController: selector and labels from the template labels', () => {
    const rc = create({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    });
    expect((rc.spec as { selector: object }).selector).to.deep.equal({ app: 'kubia' });
    expect(rc.metadata.labels).to.deep.equal({ app: 'kubia' });
    expect(rc.metadata.generation).to.equal(1);
  });

  it('Endpoints: port protocol TCP (SetDefaults_Endpoints)', () => {
    const ep = create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external' }, subsets: [{ addresses: [{ ip: '11.11.11.11' }], ports: [{ port: 80 }] }] });
    expect(ep.subsets).to.deep.equal([{ addresses: [{ ip: '11.11.11.11' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });
});
