import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject } from '../../api/meta.ts';
import type { ResourceInfo } from '../../apiserver/types.ts';
import { printObjects, type PrintOptions } from './index.ts';
import { resourceInfo } from './testdata/fixture-resources.ts';

// Outputs printed in seed 000 (/work/shared/seeds/000_b5a4487dfbc02210.txt, "Connecting Applications
// with Services"), reproduced from objects carrying the seed's names, IPs and ages. The seed's
// `get pods -o wide` and `get secrets` listings come from a kubectl old enough to pad columns
// differently and are not reproduced.
const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');

const OPTIONS: PrintOptions = { output: '', showLabels: false, noHeaders: false, allNamespaces: false, showKind: false, labelColumns: [], now: NOW };

function print(resource: string, objects: object[], options: Partial<PrintOptions> = {}): string {
  const info: ResourceInfo = resourceInfo(resource);
  return printObjects(
    objects.map((object) => ({ resource: info, object: object as KubeObject })),
    { ...OPTIONS, ...options },
  );
}

const myNginxService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'my-nginx', namespace: 'default', labels: { run: 'my-nginx' }, creationTimestamp: ago(21) },
  spec: { type: 'ClusterIP', clusterIP: '10.0.162.149', clusterIPs: ['10.0.162.149'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { run: 'my-nginx' } },
  status: { loadBalancer: {} },
};

const pod = (name: string, ip: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { run: 'my-nginx' }, creationTimestamp: ago(13) },
  spec: { containers: [{ name: 'my-nginx', image: 'nginx' }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});

describe('seed 000 kubectl get outputs', () => {
  it('kubectl get svc my-nginx', () => {
    expect(print('services', [myNginxService])).to.equal(
      'NAME       TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\n' + 'my-nginx   ClusterIP   10.0.162.149   <none>        80/TCP    21s\n',
    );
  });

  it('kubectl get services kube-dns --namespace=kube-system', () => {
    const kubeDns = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', creationTimestamp: ago(8 * 60) },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.0.0.10',
        clusterIPs: ['10.0.0.10'],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        ],
      },
    };
    expect(print('services', [kubeDns])).to.equal(
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE\n' + 'kube-dns   ClusterIP   10.0.0.10    <none>        53/UDP,53/TCP   8m\n',
    );
  });

  it('kubectl get endpointslices -l kubernetes.io/service-name=my-nginx', () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'my-nginx-7vzhx', namespace: 'default', labels: { 'kubernetes.io/service-name': 'my-nginx' }, creationTimestamp: ago(21) },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.244.2.5'], conditions: { ready: true } },
        { addresses: ['10.244.3.4'], conditions: { ready: true } },
      ],
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    };
    expect(print('endpointslices', [slice])).to.equal(
      'NAME             ADDRESSTYPE   PORTS   ENDPOINTS               AGE\n' + 'my-nginx-7vzhx   IPv4          80      10.244.2.5,10.244.3.4   21s\n',
    );
  });

  it('kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs (Go %v of a list of maps)', () => {
    const pods = [pod('my-nginx-3800858182-jr4a2', '10.244.3.4'), pod('my-nginx-3800858182-kna2y', '10.244.2.5')];
    expect(print('pods', pods, { output: 'custom-columns=POD_IP:.status.podIPs' })).to.equal('POD_IP\n[map[ip:10.244.3.4]]\n[map[ip:10.244.2.5]]\n');
  });

  it('kubectl get configmaps', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nginxconfigmap', namespace: 'default', creationTimestamp: ago(114) }, data: { 'default.conf': 'server {}\n' } };
    expect(print('configmaps', [cm])).to.equal('NAME             DATA   AGE\nnginxconfigmap   1      114s\n');
  });

  it('kubectl get svc my-nginx -o yaml | grep nodePort -C 5', () => {
    // the fields of the seed's (older) API server, which set neither clusterIPs nor the traffic policies
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-nginx', namespace: 'default', labels: { run: 'my-nginx' }, creationTimestamp: ago(21), resourceVersion: '2072', uid: '07191fb3-f61a-11e5-8ae5-42010af00002' },
      spec: {
        clusterIP: '10.0.162.149',
        ports: [
          { name: 'http', nodePort: 31704, port: 8080, protocol: 'TCP', targetPort: 80 },
          { name: 'https', nodePort: 32453, port: 443, protocol: 'TCP', targetPort: 443 },
        ],
        selector: { run: 'my-nginx' },
        sessionAffinity: 'None',
        type: 'NodePort',
      },
      status: { loadBalancer: {} },
    };
    const lines = print('services', [svc], { output: 'yaml', singleItemImplied: true }).split('\n');
    const hits = lines.flatMap((line, i) => (line.includes('nodePort') ? [i] : []));
    // grep -C 5: one block, as the two matches' contexts overlap
    const block = lines.slice(hits[0] - 5, hits[hits.length - 1] + 6).join('\n');
    expect(block).to.equal(
      [
        '  uid: 07191fb3-f61a-11e5-8ae5-42010af00002',
        'spec:',
        '  clusterIP: 10.0.162.149',
        '  ports:',
        '  - name: http',
        '    nodePort: 31704',
        '    port: 8080',
        '    protocol: TCP',
        '    targetPort: 80',
        '  - name: https',
        '    nodePort: 32453',
        '    port: 443',
        '    protocol: TCP',
        '    targetPort: 443',
        '  selector:',
        '    run: my-nginx',
      ].join('\n'),
    );
  });
});
