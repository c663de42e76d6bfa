import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { buildAddressBook } from './address-book.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { comparableLines, kubectlCommands, sortTableRows, sortUnorderedAddressLists } from './kubectl-check.ts';
import { loadFixture } from './fixture.ts';

// Objects captured from the reference cluster, 2026-11-22 (testdata/README.md).
const book = buildAddressBook(clusterObjectsFromList(JSON.parse(readFileSync(new URL('./testdata/reference-objects.json', import.meta.url), 'utf8'))), 'cross-check');

describe('kubectl check', () => {
  it('runs get and one describe per fixture Service', () => {
    expect(kubectlCommands(loadFixture()).map((a) => a.join(' '))).to.deep.equal([
      'get svc,endpoints,endpointslices -o wide -n cross-check',
      'get pods -o wide -n cross-check',
      ...['web', 'web-nodeport', 'web-headless', 'docs', 'web-sticky', 'external-db'].map((s) => `describe svc ${s} -n cross-check`),
    ]);
  });

  it('sorts the address lists of EndpointSlices and describe, not those of Endpoints', () => {
    expect(sortUnorderedAddressLists('Endpoints:                <IP of pod web#3>:8080,<IP of pod web#1>:8080')).to.equal('Endpoints:                <IP of pod web#1>:8080,<IP of pod web#3>:8080');
    expect(sortUnorderedAddressLists('endpointslice.discovery.k8s.io/web-x   IPv4   8080,8081   <b>,<a>   6s')).to.equal('endpointslice.discovery.k8s.io/web-x   IPv4   8080,8081   <a>,<b>   6s');
    expect(sortUnorderedAddressLists('endpoints/web   <b>:80,<a>:80   6s')).to.equal('endpoints/web   <b>:80,<a>:80   6s');
  });

  it('compares the rows of each table as a set, headers in place', () => {
    expect(sortTableRows(['NAME  AGE', 'b  1s', 'a  1s', '', 'NAME  X', 'd', 'c'])).to.deep.equal(['NAME  AGE', 'a  1s', 'b  1s', '', 'NAME  X', 'c', 'd']);
  });

  it('maps, normalises and keeps stderr and the exit code (kubectl get pods -o wide of the reference)', () => {
    const stdout =
      'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE                 NOMINATED NODE   READINESS GATES\n' +
      'web-5bb688d75b-cm7hp   1/1     Running   0          4s    10.244.2.1   kind-worker2         <none>           <none>\n' +
      'web-5bb688d75b-wmvsp   1/1     Running   0          4s    10.244.0.2   kind-control-plane   <none>           <none>\n';
    expect(comparableLines(['get', 'pods'], { stdout, stderr: 'Warning: x\n', exitCode: 1 }, book)).to.deep.equal([
      'NAME  READY  STATUS  RESTARTS  AGE  IP  NODE  NOMINATED NODE  READINESS GATES',
      '<pod web#1>  1/1  Running  0  <age>  <IP of pod web#1>  kind-control-plane  <none>  <none>',
      '<pod web#3>  1/1  Running  0  <age>  <IP of pod web#3>  kind-worker2  <none>  <none>',
      'stderr: Warning: x',
      'exit 1',
    ]);
  });
});
