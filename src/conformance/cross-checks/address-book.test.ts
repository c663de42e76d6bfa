import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { buildAddressBook } from './address-book.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { mapToObjects } from './map-to-objects.ts';

// Objects captured from the reference cluster (Kubernetes v1.31.4), 2026-11-22: testdata/README.md.
const objects = clusterObjectsFromList(JSON.parse(readFileSync(new URL('./testdata/reference-objects.json', import.meta.url), 'utf8')));
const book = buildAddressBook(objects, 'cross-check');

describe('buildAddressBook', () => {
  const owners: [string, string][] = [
    ['10.96.240.209', '<clusterIP of svc/web>'],
    ['10.96.0.10', '<clusterIP of svc/kube-system/kube-dns>'],
    ['10.244.0.2', '<IP of pod web#1>'], // kind-control-plane
    ['10.244.1.3', '<IP of pod web#2>'], // kind-worker
    ['10.244.2.1', '<IP of pod web#3>'], // kind-worker2
    ['10.244.0.1', '<IP of pod kube-system/coredns#1>'],
    ['10.244.1.0', '<IP of pod kube-system/coredns#2>'],
    ['10.244.2.2', '<IP of pod config/web2#1>'],
    ['172.18.0.3', '<IP of node kind-worker>'],
    ['198.51.100.10', '<address 1 of endpoints/external-db>'],
    ['198.51.100.11', '<address 2 of endpoints/external-db>'],
  ];
  for (const [ip, label] of owners) it(`names ${ip} ${label}`, () => {
    expect(book.addressLabel(ip)).to.equal(label);
  });

  it('numbers pods by node, so each cluster numbers the one-pod-per-node Deployment alike', () => {
    expect(book.podNames.get('web-5bb688d75b-wmvsp')).to.equal('pod web#1');
    expect(book.podNames.get('web-5bb688d75b-blngr')).to.equal('pod web#2');
  });

  it('maps only generated names of the fixture namespace (a pod named "web" elsewhere stays a word)', () => {
    expect([...book.podNames.keys()].sort()).to.deep.equal(['web-5bb688d75b-blngr', 'web-5bb688d75b-cm7hp', 'web-5bb688d75b-wmvsp']);
  });

  it('knows node ports and finds addresses back', () => {
    expect(book.nodePorts.get(30389)).to.equal('svc/web-nodeport:http');
    expect(book.addressOf('pod web#2', 'IP')).to.equal('10.244.1.3');
    expect(book.addressOf('svc/web-headless')).to.equal(undefined);
  });
});

describe('mapToObjects', () => {
  const cases: [string, string, string][] = [
    ['addresses with ports', 'web   10.244.0.2:8080,10.244.1.3:8080', 'web   <IP of pod web#1>:8080,<IP of pod web#2>:8080'],
    ['a /32 keeps its prefix, a network is left alone', '! -s 10.244.0.0/16 -d 10.96.240.209/32', '! -s 10.244.0.0/16 -d <clusterIP of svc/web>/32'],
    ['reverse names', '3.1.244.10.in-addr.arpa. 30 IN PTR 10-244-1-3.web.cross-check.svc.cluster.local.', '<reverse IP of pod web#2>. 30 IN PTR <dashed IP of pod web#2>.web.cross-check.svc.cluster.local.'],
    ['node ports', 'web-nodeport   NodePort   10.96.210.177   <none>   80:30389/TCP', 'web-nodeport   NodePort   <clusterIP of svc/web-nodeport>   <none>   80:<nodePort of svc/web-nodeport:http>/TCP'],
    ['pod names', 'web-5bb688d75b-cm7hp   1/1   Running', '<pod web#3>   1/1   Running'],
    ['addresses nobody owns stay', '-d 127.0.0.0/8 --to-destination 10.9.9.9:53', '-d 127.0.0.0/8 --to-destination 10.9.9.9:53'],
  ];
  for (const [name, input, expected] of cases) it(name, () => {
    expect(mapToObjects(input, book)).to.equal(expected);
  });
});
