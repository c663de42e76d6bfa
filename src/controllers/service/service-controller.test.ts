import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event, Service } from '../../api/core.ts';
import { service } from '../testing/manifests.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { poolRange } from './load-balancer-provider.ts';
import { ServiceController, type ServiceControllerOptions } from './service-controller.ts';

const lb = (name: string) => service(name, { app: name }, [{ port: 80, protocol: 'TCP', targetPort: 8080 }], { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' });
const get = (c: TestCluster, name: string) => c.api.get<Service>({ kind: 'Service', namespace: 'default', name });
const events = (c: TestCluster) => c.api.list<Event>('Event').sort((a, b) => (String(a.metadata.name) < String(b.metadata.name) ? -1 : 1)).map((e) => `${e.reason} ${e.message}`);

function cluster(options: ServiceControllerOptions): TestCluster {
  return testCluster((deps) => [new ServiceController(deps, options)]);
}

describe('ServiceController (LoadBalancer provider)', () => {
  it('stays <pending> until the provisioning delay passes, then takes the first pool address', () => {
    const c = cluster({ provider: { kind: 'ip-pool', cidr: '172.18.255.200-172.18.255.250' } });
    c.api.create(lb('kubia-loadbalancer'));
    c.settle();
    expect(get(c, 'kubia-loadbalancer').status?.loadBalancer?.ingress ?? []).to.deep.equal([]);
    expect(get(c, 'kubia-loadbalancer').metadata.finalizers).to.deep.equal(['service.kubernetes.io/load-balancer-cleanup']);
    c.advance(1999);
    expect(get(c, 'kubia-loadbalancer').status?.loadBalancer?.ingress ?? []).to.deep.equal([]);
    c.advance(1);
    expect(get(c, 'kubia-loadbalancer').status?.loadBalancer?.ingress).to.deep.equal([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    // cloud-provider controllers/service/controller.go
    expect(events(c)).to.deep.equal(['EnsuringLoadBalancer Ensuring load balancer', 'EnsuredLoadBalancer Ensured load balancer']);
  });

  it('gives distinct addresses and releases them when a service stops being a LoadBalancer', () => {
    const c = cluster({ provider: { kind: 'ip-pool', cidr: '172.18.255.200-172.18.255.250' }, provisioningDelayMs: 0 });
    c.api.create(lb('a'));
    c.api.create(lb('b'));
    c.advance(0);
    expect([get(c, 'a'), get(c, 'b')].map((s) => s.status!.loadBalancer!.ingress![0].ip)).to.deep.equal(['172.18.255.200', '172.18.255.201']);
    const a = get(c, 'a');
    a.spec.type = 'ClusterIP';
    c.api.update(a);
    c.settle();
    expect(get(c, 'a').status?.loadBalancer).to.deep.equal({});
    expect(get(c, 'a').metadata.finalizers).to.equal(undefined);
    c.api.create(lb('c'));
    c.advance(0);
    expect(get(c, 'c').status!.loadBalancer!.ingress![0].ip).to.equal('172.18.255.200');
  });

  it('hands out AWS-like ELB hostnames from the seeded stream', () => {
    const c = cluster({ provider: { kind: 'hostname', pattern: 'aws-elb' } });
    c.api.create(lb('web'));
    c.advance(2000);
    expect(get(c, 'web').status!.loadBalancer!.ingress![0].hostname).to.match(/^a[0-9a-f]{32}-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
  });

  it('lets a deleted LoadBalancer service go once its address is released', () => {
    const c = cluster({ provider: { kind: 'ip-pool', cidr: '172.18.255.200/29' } });
    c.api.create(lb('web'));
    c.advance(2000);
    c.api.delete({ kind: 'Service', namespace: 'default', name: 'web' });
    c.settle();
    expect(c.api.tryGet({ kind: 'Service', namespace: 'default', name: 'web' })).to.equal(undefined);
  });

  it('reads pools as ranges or CIDRs without network and broadcast', () => {
    expect(poolRange('172.18.255.200/29')).to.deep.equal([poolRange('172.18.255.201-172.18.255.206')[0], poolRange('172.18.255.201-172.18.255.206')[1]]);
  });
});
