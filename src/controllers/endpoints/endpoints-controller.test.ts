import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Endpoints } from '../../api/core.ts';
import { service } from '../testing/manifests.ts';
import { createRunningPod } from '../testing/pods.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { EndpointsController } from './endpoints-controller.ts';

const cluster = () => testCluster((deps) => [new EndpointsController(deps)]);
const endpoints = (c: TestCluster, name: string) => c.api.tryGet<Endpoints>({ kind: 'Endpoints', namespace: 'default', name });
const ref = (name: string, c: TestCluster) => ({
  kind: 'Pod',
  namespace: 'default',
  name,
  uid: c.api.get({ kind: 'Pod', namespace: 'default', name }).metadata.uid,
});

describe('EndpointsController', () => {
  it('writes seed 000 my-nginx Endpoints: addresses sorted as strings, unnamed port, labels and trigger time', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'my-nginx-a', labels: { run: 'my-nginx' }, ip: '10.244.3.4', node: 'kind-worker2' });
    createRunningPod(c.api, { name: 'my-nginx-b', labels: { run: 'my-nginx' }, ip: '10.244.2.5', node: 'kind-worker' });
    const svc = c.api.create(service('my-nginx', { run: 'my-nginx' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }])).object;
    c.settle();
    const ep = endpoints(c, 'my-nginx')!;
    expect(ep.metadata.labels).to.deep.equal({ run: 'my-nginx' });
    expect(ep.metadata.annotations).to.deep.equal({ 'endpoints.kubernetes.io/last-change-trigger-time': svc.metadata.creationTimestamp });
    // seed 000: "Endpoints: 10.244.2.5:80,10.244.3.4:80"
    expect(ep.subsets).to.deep.equal([
      {
        addresses: [
          { ip: '10.244.2.5', nodeName: 'kind-worker', targetRef: ref('my-nginx-b', c) },
          { ip: '10.244.3.4', nodeName: 'kind-worker2', targetRef: ref('my-nginx-a', c) },
        ],
        ports: [{ name: '', port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('puts unready pods in notReadyAddresses, or in addresses with publishNotReadyAddresses', () => {
    for (const publish of [false, true]) {
      const c = cluster();
      createRunningPod(c.api, { name: 'p', labels: { app: 'x' }, ip: '10.244.1.5', ready: false });
      c.api.create(service('x', { app: 'x' }, [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], { publishNotReadyAddresses: publish }));
      c.settle();
      const [subset] = endpoints(c, 'x')!.subsets!;
      expect(Object.keys(subset)).to.deep.equal(publish ? ['addresses', 'ports'] : ['notReadyAddresses', 'ports']);
      expect(subset.ports).to.deep.equal([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    }
  });

  it('updates when a pod becomes ready, with the trigger time of that change', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'p', labels: { app: 'x' }, ip: '10.244.1.5', ready: false });
    c.api.create(service('x', { app: 'x' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.settle();
    c.advance(5000);
    c.kubelet.setReady(c.api, 'default', 'p', true);
    c.settle();
    const ep = endpoints(c, 'x')!;
    expect(ep.subsets![0].addresses!.map((a) => a.ip)).to.deep.equal(['10.244.1.5']);
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).to.equal('2026-01-01T00:00:05Z');
  });

  it('leaves manual Endpoints of a selectorless service alone (seed 001) and deletes them with the service', () => {
    const c = cluster();
    c.api.create(service('external-service', undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    const manual: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external-service', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    };
    c.api.create(manual);
    c.settle();
    expect(endpoints(c, 'external-service')!.subsets).to.deep.equal(manual.subsets);
    c.api.delete({ kind: 'Service', namespace: 'default', name: 'external-service' });
    c.settle();
    expect(endpoints(c, 'external-service')).to.equal(undefined);
  });

  it('labels a headless service and publishes pod hostnames', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'web-0', labels: { app: 'web' }, ip: '10.244.1.5', hostname: 'web-0', subdomain: 'web' });
    c.api.create(service('web', { app: 'web' }, [], { clusterIP: 'None', clusterIPs: ['None'] }));
    c.settle();
    const ep = endpoints(c, 'web')!;
    expect(ep.metadata.labels).to.deep.equal({ app: 'web', 'service.kubernetes.io/headless': '' });
    expect(ep.subsets).to.deep.equal([{ addresses: [{ ip: '10.244.1.5', hostname: 'web-0', nodeName: 'kind-worker', targetRef: ref('web-0', c) }] }]);
  });

  it('truncates beyond 1000 addresses with the over-capacity annotation', () => {
    const c = cluster();
    for (let i = 0; i < 1001; i++) createRunningPod(c.api, { name: `p${i}`, labels: { app: 'big' }, ip: `10.244.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` });
    c.api.create(service('big', { app: 'big' }, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.settle();
    const ep = endpoints(c, 'big')!;
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).to.equal('truncated');
    expect(ep.subsets![0].addresses).to.have.length(1000);
  });
});
