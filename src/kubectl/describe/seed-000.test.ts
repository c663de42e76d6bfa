import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { KubeObject } from '../../api/meta.ts';
import { describeObject } from './index.ts';
import { fixtureApiServer } from './testdata/fixture-api-server.ts';
import { FIXTURE_RESOURCES, resourceInfo } from '../printers/testdata/fixture-resources.ts';

// `kubectl describe` outputs printed in seed 000 (/work/shared/seeds/000_b5a4487dfbc02210.txt),
// reproduced from objects with the seed's names and IPs. The seed was captured with a kubectl older
// than 1.31; each expected text below is the seed's, with the differences of the 1.31 describer
// listed next to it (verified against the real kubectl 1.32 in describe.golden.test.ts).
const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);
const CREATED = new Date(NOW - 21_000).toISOString().replace('.000Z', 'Z');

const DEFAULT_CONF = `server {
        listen 80 default_server;
        listen [::]:80 default_server ipv6only=on;

        listen 443 ssl;

        root /usr/share/nginx/html;
        index index.html;

        server_name localhost;
        ssl_certificate /etc/nginx/ssl/tls.crt;
        ssl_certificate_key /etc/nginx/ssl/tls.key;

        location / {
                try_files $uri $uri/ =404;
        }
}`;

const objects = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'my-nginx', namespace: 'default', labels: { run: 'my-nginx' }, creationTimestamp: CREATED, uid: 'u-svc' },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.0.162.149',
      clusterIPs: ['10.0.162.149'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { run: 'my-nginx' },
    },
    status: { loadBalancer: {} },
  },
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'my-nginx-7vzhx', namespace: 'default', labels: { 'kubernetes.io/service-name': 'my-nginx' }, creationTimestamp: CREATED },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.2.5'], conditions: { ready: true } },
      { addresses: ['10.244.3.4'], conditions: { ready: true } },
    ],
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'nginxconfigmap', namespace: 'default', creationTimestamp: CREATED, uid: 'u-cm' },
    data: { 'default.conf': DEFAULT_CONF },
  },
] as unknown as KubeObject[];

const api = fixtureApiServer(objects, FIXTURE_RESOURCES);

function describeNamed(resource: string, name: string): string {
  const info = resourceInfo(resource);
  const object = objects.find((o) => o.kind === info.kind && o.metadata.name === name)!;
  return describeObject(object, info, api, NOW);
}

describe('seed 000 kubectl describe outputs', () => {
  it('kubectl describe svc my-nginx', () => {
    // Differences from the seed: newer describers write the port's name and number as separate
    // tabwriter cells (`<unset>  80/TCP`, two spaces) and print `Internal Traffic Policy`, which
    // widens the label column by five.
    expect(describeNamed('services', 'my-nginx')).to.equal(
      [
        'Name:                     my-nginx',
        'Namespace:                default',
        'Labels:                   run=my-nginx',
        'Annotations:              <none>',
        'Selector:                 run=my-nginx',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.0.162.149',
        'IPs:                      10.0.162.149',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'Endpoints:                10.244.2.5:80,10.244.3.4:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('kubectl describe configmap nginxconfigmap', () => {
    // The seed's value has no trailing newline (one blank line before BinaryData). Difference from the
    // seed: the describer writes another blank line after each value since kubectl 1.31
    // (kubernetes/kubernetes#123597).
    expect(describeNamed('configmaps', 'nginxconfigmap')).to.equal(
      ['Name:         nginxconfigmap', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Data', '====', 'default.conf:', '----', DEFAULT_CONF, '', '', 'BinaryData', '====', '', 'Events:  <none>', ''].join('\n'),
    );
  });
});
