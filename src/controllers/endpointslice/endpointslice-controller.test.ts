import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Service } from '../../api/core.ts';
import type { EndpointSlice } from '../../api/discovery.ts';
import { DeploymentController } from '../deployment/deployment-controller.ts';
import { GarbageCollector } from '../garbagecollector/garbage-collector.ts';
import { createReplicaSetController } from '../replicaset/replica-set-controller.ts';
import { deployment, myNginxTemplate, service } from '../testing/manifests.ts';
import { createRunningPod } from '../testing/pods.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { EndpointSliceController } from './endpointslice-controller.ts';

function cluster(options = {}): TestCluster {
  return testCluster(
    (deps) => [new DeploymentController(deps), createReplicaSetController(deps), new EndpointSliceController(deps), new GarbageCollector(deps)],
    options,
  );
}

const slices = (c: TestCluster) => c.api.list<EndpointSlice>('EndpointSlice');
const myNginxService = () => service('my-nginx', { run: 'my-nginx' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]);

describe('EndpointSliceController', () => {
  it('publishes seed 000 my-nginx as one IPv4 slice <svc>-xxxxx owned by the Service', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const svc = c.api.create(myNginxService()).object;
    c.settle();
    const all = slices(c);
    expect(all).to.have.length(1);
    const [slice] = all;
    expect(slice.metadata.name).to.match(/^my-nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    // FIDELITY §4; k8s.io/endpointslice utils.go setEndpointSliceLabels
    expect(slice.metadata.labels).to.deep.equal({
      run: 'my-nginx',
      'kubernetes.io/service-name': 'my-nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).to.deep.equal([
      { apiVersion: 'v1', kind: 'Service', name: 'my-nginx', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    // First sync of a Service: its creation time (trigger_time_tracker.go).
    expect(slice.metadata.annotations).to.deep.equal({ 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata.creationTimestamp });
    expect(slice.addressType).to.equal('IPv4');
    expect(slice.ports).to.deep.equal([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints!.map((e) => [e.addresses, e.conditions, e.nodeName, e.targetRef?.kind])).to.deep.equal([
      [['10.244.1.2'], { ready: true, serving: true, terminating: false }, 'kind-worker', 'Pod'],
      [['10.244.2.2'], { ready: true, serving: true, terminating: false }, 'kind-worker2', 'Pod'],
    ]);
  });

  // pkg/registry/discovery/rest/storage_discovery.go: 1.19 serves discovery.k8s.io/v1beta1 only (v1 from 1.21).
  it('writes its slices at the version the cluster serves: v1beta1 on Kubernetes 1.19', () => {
    for (const [version, apiVersion] of [['1.19', 'discovery.k8s.io/v1beta1'], ['1.31', 'discovery.k8s.io/v1']]) {
      const c = cluster({ kubernetesVersion: version });
      c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
      c.api.create(myNginxService());
      c.settle();
      expect(slices(c).map((s) => [s.apiVersion, s.endpoints?.length]), version).to.deep.equal([[apiVersion, 2]]);
    }
  });

  it('keeps one empty placeholder slice while nothing matches, and reuses its name', () => {
    const c = cluster();
    c.api.create(myNginxService());
    c.settle();
    const [placeholder] = slices(c);
    expect([placeholder.endpoints, placeholder.ports]).to.deep.equal([null, null]);
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const [filled] = slices(c);
    expect(filled.metadata.name).to.equal(placeholder.metadata.name);
    expect(filled.endpoints).to.have.length(2);
  });

  it('follows pods: a deleted pod leaves, its replacement joins, scale to 0 leaves the placeholder', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.api.create(myNginxService());
    c.settle();
    const name = slices(c)[0].metadata.name;
    const victim = slices(c)[0].endpoints![0];
    c.api.delete({ kind: 'Pod', namespace: 'default', name: victim.targetRef!.name });
    c.settle();
    const after = slices(c)[0];
    expect(after.metadata.name).to.equal(name);
    expect(after.endpoints!.map((e) => e.targetRef!.name)).to.not.include(victim.targetRef!.name);
    expect(after.endpoints).to.have.length(2);
    const d = c.api.get<import('../../api/apps.ts').Deployment>({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' });
    d.spec.replicas = 0;
    c.api.update(d);
    c.settle();
    expect(slices(c).map((s) => [s.metadata.name, s.endpoints, s.ports])).to.deep.equal([[name, null, null]]);
  });

  it('gives endpoint conditions from readiness and termination (utils.go podToEndpoint)', () => {
    const c = cluster({ gracefulPodDeletion: true });
    createRunningPod(c.api, { name: 'ready', labels: { app: 'x' }, ip: '10.244.1.5' });
    createRunningPod(c.api, { name: 'unready', labels: { app: 'x' }, ip: '10.244.1.6', ready: false });
    createRunningPod(c.api, { name: 'leaving', labels: { app: 'x' }, ip: '10.244.1.7' });
    createRunningPod(c.api, { name: 'no-ip', labels: { app: 'x' } });
    createRunningPod(c.api, { name: 'done', labels: { app: 'x' }, ip: '10.244.1.8', phase: 'Succeeded' });
    c.api.create(service('x', { app: 'x' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.settle();
    c.kubelet.removeTerminating = false;
    c.api.delete({ kind: 'Pod', namespace: 'default', name: 'leaving' });
    c.settle();
    const table = (s: EndpointSlice) => s.endpoints!.map((e) => [e.targetRef!.name, e.conditions]);
    const expected = [
      ['ready', { ready: true, serving: true, terminating: false }],
      ['unready', { ready: false, serving: false, terminating: false }],
      ['leaving', { ready: false, serving: true, terminating: true }],
    ];
    expect(table(slices(c)[0])).to.deep.equal(expected);
  });

  it('marks every endpoint ready with publishNotReadyAddresses', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'unready', labels: { app: 'x' }, ip: '10.244.1.6', ready: false });
    c.api.create(service('x', { app: 'x' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }], { publishNotReadyAddresses: true }));
    c.settle();
    expect(slices(c)[0].endpoints![0].conditions).to.deep.equal({ ready: true, serving: false, terminating: false });
  });

  it('resolves a named targetPort per pod; a pod without it goes to a slice without ports', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'a', labels: { app: 'k' }, ip: '10.244.1.5', ports: [{ name: 'http', containerPort: 8080 }] });
    createRunningPod(c.api, { name: 'b', labels: { app: 'k' }, ip: '10.244.2.5', ports: [{ name: 'http', containerPort: 9090 }] });
    createRunningPod(c.api, { name: 'c', labels: { app: 'k' }, ip: '10.244.2.6' });
    c.api.create(service('kubia', { app: 'k' }, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }]));
    c.settle();
    const summary = slices(c)
      .map((s) => [s.ports, s.endpoints!.map((e) => e.addresses[0])])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    expect(summary).to.deep.equal([
      [[{ name: 'http', port: 8080, protocol: 'TCP' }], ['10.244.1.5']],
      [[{ name: 'http', port: 9090, protocol: 'TCP' }], ['10.244.2.5']],
      [null, ['10.244.2.6']],
    ]);
  });

  it('publishes hostnames for a headless service named by the pods subdomain', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'web-0', labels: { app: 'web' }, ip: '10.244.1.5', hostname: 'web-0', subdomain: 'web' });
    c.api.create(service('web', { app: 'web' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }], { clusterIP: 'None', clusterIPs: ['None'] }));
    c.settle();
    const [slice] = slices(c);
    expect(slice.metadata.labels?.['service.kubernetes.io/headless']).to.equal('');
    expect(slice.endpoints![0].hostname).to.equal('web-0');
  });

  it('leaves selectorless and ExternalName services alone', () => {
    const c = cluster();
    c.api.create(service('external-service', undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.api.create({ ...service('ext', { app: 'x' }, []), spec: { type: 'ExternalName', externalName: 'api.somecompany.com', selector: { app: 'x' } } } as Service);
    c.settle();
    expect(slices(c)).to.deep.equal([]);
  });

  it('splits more than 100 endpoints into slices of at most 100', () => {
    const c = cluster();
    for (let i = 0; i < 150; i++) createRunningPod(c.api, { name: `p${i}`, labels: { app: 'many' }, ip: `10.244.${1 + (i % 2)}.${10 + Math.floor(i / 2)}` });
    c.api.create(service('many', { app: 'many' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.settle();
    expect(slices(c).map((s) => s.endpoints!.length).sort((a, b) => a - b)).to.deep.equal([50, 100]);
  });

  it('is deleted with its Service by the garbage collector', () => {
    const c = cluster();
    c.api.create(myNginxService());
    c.settle();
    c.api.delete({ kind: 'Service', namespace: 'default', name: 'my-nginx' });
    c.settle();
    expect(slices(c)).to.deep.equal([]);
  });
});
