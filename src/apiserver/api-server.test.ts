/**
 * The API server's REST semantics. Texts: apimachinery pkg/api/errors/errors.go
 * (NotFound, AlreadyExists, Conflict + the generic registry's "object has been
 * modified"), NamespaceLifecycle admission (plugin/pkg/admission/namespace/lifecycle),
 * pkg/registry strategies (generation, status), the pod strategy's graceful
 * deletion, deprecation warnings (apiserver pkg/endpoints/deprecation) and
 * `kubectl api-resources` on kind 1.31 for the registry.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { createApiServer, type MemoryApiServer } from './api-server.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { ApiError, type WatchEvent } from './types.ts';
import { NoKindMatchError } from './resources.ts';
import type { KubeObject } from '../api/meta.ts';

function server(version = '1.31', clock = new VirtualClock()): MemoryApiServer {
  return createApiServer({ clock, random: new SeededRandom('api'), kubernetesVersion: version, serviceCIDR: '10.96.0.0/16' });
}

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}

const deployment = (name = 'web', image = 'nginx'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } } },
});

const service = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
});

describe('identity and versions', () => {
  it('gives UUID v4 uids, the clock time, a global resourceVersion counter', () => {
    const api = server();
    const a = api.create(deployment('a')).object;
    const b = api.create(service('b')).object;
    expect(a.metadata.uid).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.metadata.creationTimestamp).to.equal('2026-01-01T00:00:00Z');
    expect(Number(b.metadata.resourceVersion)).to.equal(Number(a.metadata.resourceVersion) + 1);
  });

  it('generates names from generateName with 5 characters of bcdfghjklmnpqrstvwxz2456789', () => {
    const api = server();
    const pod = api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-7d4b9c8f5d-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }).object;
    expect((pod.metadata as { name?: string }).name).to.match(/^web-7d4b9c8f5d-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('bumps generation on spec changes only', () => {
    const api = server();
    const d = api.create(deployment()).object;
    const labelled = api.patch({ kind: 'Deployment', namespace: 'default', name: 'web' }, 'merge', { metadata: { labels: { x: 'y' } } }).object;
    expect(labelled.metadata.generation).to.equal(1);
    const scaled = api.patch({ kind: 'Deployment', namespace: 'default', name: 'web' }, 'merge', { spec: { replicas: 3 } }).object;
    expect(scaled.metadata.generation).to.equal(2);
    const status = api.updateStatus({ ...scaled, status: { replicas: 3, observedGeneration: 2 } }).object;
    expect(status.metadata.generation).to.equal(2);
    expect(d.metadata.uid).to.equal(status.metadata.uid);
  });

  it('an update that changes nothing writes nothing', () => {
    const api = server();
    const d = api.create(deployment()).object;
    const same = api.update(d).object;
    expect(same.metadata.resourceVersion).to.equal(d.metadata.resourceVersion);
  });
});

describe('errors', () => {
  it('NotFound names the resource with its group', () => {
    const api = server();
    expect(errorOf(() => api.get({ kind: 'Service', namespace: 'default', name: 'x' })).message).to.equal('services "x" not found');
    const e = errorOf(() => api.get({ kind: 'Deployment', namespace: 'default', name: 'x' }));
    expect(e.message).to.equal('deployments.apps "x" not found');
    expect(e.status).to.deep.equal({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "x" not found',
      reason: 'NotFound',
      details: { name: 'x', group: 'apps', kind: 'deployments' },
      code: 404,
    });
  });

  it('AlreadyExists', () => {
    const api = server();
    api.create(service('web'));
    const e = errorOf(() => api.create(service('web')));
    expect([e.code, e.reason, e.message]).to.deep.equal([409, 'AlreadyExists', 'services "web" already exists']);
  });

  it('Conflict on a stale resourceVersion', () => {
    const api = server();
    const d = api.create(deployment()).object;
    api.patch({ kind: 'Deployment', namespace: 'default', name: 'web' }, 'merge', { spec: { replicas: 2 } });
    const e = errorOf(() => api.update({ ...d, spec: { ...(d.spec as object), replicas: 5 } }));
    expect([e.code, e.message]).to.deep.equal([
      409,
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    ]);
  });

  it('namespaces must exist and not be terminating (NamespaceLifecycle)', () => {
    const api = server();
    const missing = errorOf(() => api.create({ ...service('a'), metadata: { name: 'a', namespace: 'nope' } }));
    expect([missing.code, missing.message]).to.deep.equal([404, 'namespaces "nope" not found']);
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns1' } });
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns1' }, spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] } });
    api.delete({ kind: 'Namespace', name: 'ns1' });
    const terminating = errorOf(() => api.create({ ...service('b'), metadata: { name: 'b', namespace: 'ns1' } }));
    expect([terminating.code, terminating.message]).to.deep.equal([
      403,
      'services "b" is forbidden: unable to create new content in namespace ns1 because it is being terminated',
    ]);
  });

  it('default may not be deleted', () => {
    const e = errorOf(() => server().delete({ kind: 'Namespace', name: 'default' }));
    expect(e.message).to.equal('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('a bad label selector is a BadRequest', () => {
    const e = errorOf(() => server().list('Pod', { labelSelector: 'a b' }));
    expect([e.code, e.message]).to.deep.equal([400, "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"]);
  });
});

describe('status subresource', () => {
  it('update() keeps the stored status; updateStatus() writes only status', () => {
    const api = server();
    const svc = api.create(service('lb', { type: 'LoadBalancer' })).object;
    const withStatus = api.updateStatus({ ...svc, spec: { ...(svc.spec as object), type: 'ClusterIP' }, status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } } }).object;
    expect((withStatus.spec as { type: string }).type).to.equal('LoadBalancer');
    expect(withStatus.status).to.deep.equal({ loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } });
    const updated = api.update({ ...withStatus, status: { loadBalancer: {} }, metadata: { ...withStatus.metadata, labels: { a: 'b' } } }).object;
    expect(updated.status).to.deep.equal(withStatus.status);
  });
});

describe('deletion', () => {
  it('keeps an object with finalizers, setting deletionTimestamp, until they are removed', () => {
    const api = server();
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', finalizers: ['example.com/hold'] } });
    const deleting = api.delete({ kind: 'ConfigMap', namespace: 'default', name: 'c' });
    expect(deleting.metadata.deletionTimestamp).to.equal('2026-01-01T00:00:00Z');
    expect(api.tryGet({ kind: 'ConfigMap', namespace: 'default', name: 'c' })).to.not.equal(undefined);
    api.patch({ kind: 'ConfigMap', namespace: 'default', name: 'c' }, 'merge', { metadata: { finalizers: null } });
    expect(api.tryGet({ kind: 'ConfigMap', namespace: 'default', name: 'c' })).to.equal(undefined);
  });

  it('records Foreground and Orphan propagation as finalizers', () => {
    const api = server();
    api.create(deployment('f'));
    api.create(deployment('o'));
    expect(api.delete({ kind: 'Deployment', namespace: 'default', name: 'f' }, { propagationPolicy: 'Foreground' }).metadata.finalizers).to.deep.equal(['foregroundDeletion']);
    expect(api.delete({ kind: 'Deployment', namespace: 'default', name: 'o' }, { propagationPolicy: 'Orphan' }).metadata.finalizers).to.deep.equal(['orphan']);
  });

  it('deletes a bound pod gracefully and an unbound one at once', () => {
    const clock = new VirtualClock();
    const api = server('1.31', clock);
    const spec = { containers: [{ name: 'c', image: 'nginx' }] };
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bound' }, spec: { ...spec, nodeName: 'kind-worker' } });
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pending' }, spec });
    const bound = api.delete({ kind: 'Pod', namespace: 'default', name: 'bound' });
    expect(bound.metadata.deletionTimestamp).to.equal('2026-01-01T00:00:30Z');
    expect(bound.metadata.deletionGracePeriodSeconds).to.equal(30);
    api.delete({ kind: 'Pod', namespace: 'default', name: 'pending' });
    expect(api.list('Pod', { namespace: 'default' }).map((p) => p.metadata.name)).to.deep.equal(['bound']);
    api.delete({ kind: 'Pod', namespace: 'default', name: 'bound' }, { gracePeriodSeconds: 0 });
    expect(api.list('Pod', { namespace: 'default' })).to.deep.equal([]);
  });

  it('deletes a namespace: Terminating, contents deleted, gone when empty', () => {
    const api = server();
    const events: string[] = [];
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    api.create({ ...service('s'), metadata: { name: 's', namespace: 'demo' } });
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'demo' }, spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] } });
    api.watch('*', (e) => events.push(`${e.type} ${e.object.kind}/${e.object.metadata.name}`));
    const ns = api.delete({ kind: 'Namespace', name: 'demo' });
    expect(ns.status).to.deep.equal({ phase: 'Terminating' });
    expect(api.list('Service', { namespace: 'demo' })).to.deep.equal([]);
    api.delete({ kind: 'Pod', namespace: 'demo', name: 'p' }, { gracePeriodSeconds: 0 });
    expect(api.tryGet({ kind: 'Namespace', name: 'demo' })).to.equal(undefined);
    expect(events).to.deep.equal(['MODIFIED Namespace/demo', 'DELETED Service/s', 'MODIFIED Pod/p', 'DELETED Pod/p', 'DELETED Namespace/demo']);
  });
});

describe('service allocation through the API', () => {
  it('releases node ports on delete and when the type goes back to ClusterIP', () => {
    const api = server();
    api.create(service('np', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    const taken = errorOf(() => api.create(service('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })));
    expect(taken.message).to.equal('Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    const retyped = api.patch({ kind: 'Service', namespace: 'default', name: 'np' }, 'strategic', { spec: { type: 'ClusterIP' } }).object;
    expect((retyped.spec as { ports: object[] }).ports).to.deep.equal([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect((retyped.spec as Record<string, unknown>).externalTrafficPolicy).to.equal(undefined);
    api.create(service('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
    api.delete({ kind: 'Service', namespace: 'default', name: 'np2' });
    api.create(service('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
  });

  it('keeps the cluster IP through a type change and refuses to change it (may not change once set)', () => {
    const api = server();
    const svc = api.create(service('web', { clusterIP: '10.96.0.20' })).object;
    const np = api.patch<KubeObject>({ kind: 'Service', namespace: 'default', name: 'web' }, 'merge', { spec: { type: 'NodePort' } }).object;
    expect((np.spec as { clusterIP: string }).clusterIP).to.equal('10.96.0.20');
    const e = errorOf(() => api.update({ ...svc, metadata: { ...svc.metadata, resourceVersion: undefined }, spec: { ...(svc.spec as object), clusterIP: '10.96.0.21' } }));
    expect(e.message).to.equal('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.0.21"}: may not change once set');
  });

  it('refuses a cluster IP that is taken (ipallocator ErrAllocated)', () => {
    const api = server();
    api.create(service('kube-dns', { clusterIP: '10.96.0.10' }));
    const e = errorOf(() => api.create(service('other', { clusterIP: '10.96.0.10' })));
    expect(e.message).to.equal('Service "other" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
  });

  it('a dry run allocates nothing', () => {
    const api = server();
    const dry = api.create(service('web', { clusterIP: '10.96.0.30' }), { dryRun: true }).object;
    expect(dry.metadata.resourceVersion).to.equal(undefined);
    api.create(service('web', { clusterIP: '10.96.0.30' }));
    const auto = api.create(service('auto'), { dryRun: true }).object;
    expect((auto.spec as { clusterIP: string }).clusterIP).to.equal('10.96.0.0');
  });

  it('warns about ignored settings (pkg/api/service/warnings.go)', () => {
    const api = server();
    const result = api.create(service('h', { clusterIP: 'None', sessionAffinity: 'ClientIP', externalName: 'x.example.com' }));
    expect(result.warnings).to.deep.equal(['spec.SessionAffinity is ignored for headless services', 'spec.externalName is ignored when spec.type is not "ExternalName"']);
  });
});

describe('watch', () => {
  it('delivers ADDED, MODIFIED, DELETED synchronously, in commit order, with the old object', () => {
    const api = server();
    const seen: WatchEvent[] = [];
    const all: string[] = [];
    const stop = api.watch('Service', (e) => seen.push(e));
    api.watch('*', (e) => all.push(`${e.type} ${e.object.kind}`));
    api.create(service('web'));
    api.create(deployment());
    api.patch({ kind: 'Service', namespace: 'default', name: 'web' }, 'merge', { metadata: { labels: { a: 'b' } } });
    api.delete({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(seen.map((e) => e.type)).to.deep.equal(['ADDED', 'MODIFIED', 'DELETED']);
    expect(seen[1].old?.metadata.labels).to.equal(undefined);
    expect(seen[1].object.metadata.labels).to.deep.equal({ a: 'b' });
    expect(Number(seen[2].object.metadata.resourceVersion)).to.be.greaterThan(Number(seen[1].object.metadata.resourceVersion));
    expect(all).to.deep.equal(['ADDED Service', 'ADDED Deployment', 'MODIFIED Service', 'DELETED Service']);
    stop();
    api.create(service('again'));
    expect(seen.length).to.equal(3);
  });
});

describe('lists', () => {
  it('filters by namespace, labels and fields, sorted by namespace and name', () => {
    const api = server();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a-ns' } });
    for (const [ns, name, labels] of [['default', 'b', { run: 'x' }], ['default', 'a', { run: 'y' }], ['a-ns', 'z', { run: 'x' }]] as const) {
      api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels } });
    }
    const names = (opts: object) => api.list('ConfigMap', opts).map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(names({})).to.deep.equal(['a-ns/z', 'default/a', 'default/b']);
    expect(names({ namespace: 'default' })).to.deep.equal(['default/a', 'default/b']);
    expect(names({ labelSelector: 'run=x' })).to.deep.equal(['a-ns/z', 'default/b']);
    expect(names({ fieldSelector: 'metadata.name=a' })).to.deep.equal(['default/a']);
  });
});

describe('Ingress serving by Kubernetes version', () => {
  const betaIngress = (apiVersion: string): KubeObject => ({
    apiVersion,
    kind: 'Ingress',
    metadata: { name: 'kubia' },
    spec: { rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', backend: { serviceName: 'kubia-nodeport', servicePort: 80 } }] } }] },
  });

  it('1.31 serves only networking.k8s.io/v1 (NoKindMatchError text of apimachinery meta/errors.go)', () => {
    const api = server('1.31');
    expect(() => api.checkServed('extensions/v1beta1', 'Ingress')).to.throw(NoKindMatchError, 'no matches for kind "Ingress" in version "extensions/v1beta1"');
    expect(() => api.checkServed('networking.k8s.io/v1beta1', 'Ingress')).to.throw(NoKindMatchError, 'no matches for kind "Ingress" in version "networking.k8s.io/v1beta1"');
    expect(api.checkServed('networking.k8s.io/v1', 'Ingress').group).to.equal('networking.k8s.io');
  });

  it('1.19 converts extensions/v1beta1 to v1 with the deprecation warning (seed 001)', () => {
    const api = server('1.19');
    const result = api.create(betaIngress('extensions/v1beta1'));
    expect(result.warnings).to.deep.equal(['extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress']);
    expect(result.object.apiVersion).to.equal('networking.k8s.io/v1');
    expect(result.object.spec).to.deep.equal({
      rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } } }] } }],
    });
  });

  it('1.20 warns for networking.k8s.io/v1beta1 (seed 003)', () => {
    const api = server('1.20');
    expect(api.create(betaIngress('networking.k8s.io/v1beta1')).warnings).to.deep.equal([
      'networking.k8s.io/v1beta1 Ingress is deprecated in v1.19+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
    ]);
  });

  it('1.18 does not serve networking.k8s.io/v1', () => {
    expect(() => server('1.18').checkServed('networking.k8s.io/v1', 'Ingress')).to.throw(NoKindMatchError);
  });
});

describe('discovery', () => {
  it('lists the kinds at their preferred group/version for 1.31 (kubectl api-resources on kind)', () => {
    const rows = server('1.31')
      .resources()
      .map((r) => `${r.resource} ${r.shortNames.join(',')} ${r.group ? `${r.group}/` : ''}${r.version} ${r.namespaced} ${r.kind}`);
    expect(rows).to.deep.equal([
      'configmaps cm v1 true ConfigMap',
      'endpoints ep v1 true Endpoints',
      'events ev v1 true Event',
      'namespaces ns v1 false Namespace',
      'nodes no v1 false Node',
      'pods po v1 true Pod',
      'replicationcontrollers rc v1 true ReplicationController',
      'secrets  v1 true Secret',
      'services svc v1 true Service',
      'deployments deploy apps/v1 true Deployment',
      'replicasets rs apps/v1 true ReplicaSet',
      'endpointslices  discovery.k8s.io/v1 true EndpointSlice',
      'ingresses ing networking.k8s.io/v1 true Ingress',
      'ingressclasses  networking.k8s.io/v1 false IngressClass',
    ]);
  });

  const typed: [string, string | undefined][] = [
    ['svc', 'services'],
    ['Service', 'services'],
    ['service', 'services'],
    ['services', 'services'],
    ['deploy', 'deployments'],
    ['deployments.apps', 'deployments'],
    ['deployments.v1.apps', 'deployments'],
    ['ing', 'ingresses'],
    ['ingresses.networking.k8s.io', 'ingresses'],
    ['ep', 'endpoints'],
    ['cm', 'configmaps'],
    ['ns', 'namespaces'],
    ['no', 'nodes'],
    ['po', 'pods'],
    ['rs', 'replicasets'],
    ['rc', 'replicationcontrollers'],
    ['ev', 'events'],
    ['endpointslices', 'endpointslices'],
    ['ingresses.extensions', undefined],
    ['foo', undefined],
  ];
  for (const [input, resource] of typed) it(`resolves ${input}`, () => void expect(server().resolveResource(input)?.resource).to.equal(resource));

  it('1.19 still resolves ingresses.extensions and serves EndpointSlice at v1beta1', () => {
    const api = server('1.19');
    expect(api.resolveResource('ingresses.extensions')?.resource).to.equal('ingresses');
    expect(api.resolveResource('endpointslices')?.version).to.equal('v1beta1');
  });
});

describe('binding and malformed bodies', () => {
  it('bind sets nodeName and PodScheduled once (pkg/registry/core/pod/storage assignPod)', () => {
    const api = server();
    api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const bound = api.bind({ kind: 'Pod', namespace: 'default', name: 'p' }, 'kind-worker').object;
    expect(bound.spec.nodeName).to.equal('kind-worker');
    expect(bound.status?.conditions).to.deep.equal([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    const again = errorOf(() => api.bind({ kind: 'Pod', namespace: 'default', name: 'p' }, 'kind-worker2'));
    expect([again.code, again.message]).to.deep.equal([409, 'Operation cannot be fulfilled on pods "p": pod p is already assigned to node "kind-worker"']);
  });

  it('answers a body it cannot read with a BadRequest, not a crash', () => {
    const e = errorOf(() => server().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [null] } } as never));
    expect(e.code).to.equal(400);
  });

  it('answers an unknown kind with 404', () => {
    const e = errorOf(() => server().create({ apiVersion: 'v1', kind: 'Frob', metadata: { name: 'x' } }));
    expect([e.code, e.message]).to.deep.equal([404, 'the server could not find the requested resource']);
  });
});
