import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { buildAddressBook } from './address-book.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { parseDigReply, parseRecordLine, parseRecordLines } from './dig-reply.ts';
import { comparableNoallOutput, comparableReply } from './dns-check.ts';

// dig 9.18.49 against the reference cluster's CoreDNS, and its objects, captured 2026-11-22 (testdata/README.md).
const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
const book = buildAddressBook(clusterObjectsFromList(JSON.parse(read('reference-objects.json'))), 'cross-check');

describe('parseRecordLine', () => {
  it('reads tab- and space-separated records', () => {
    expect(parseRecordLine('web-headless.cross-check.svc.cluster.local. 30 IN A 10.244.1.3')).to.deep.equal({ name: 'web-headless.cross-check.svc.cluster.local.', ttl: 30, class: 'IN', type: 'A', data: '10.244.1.3' });
    expect(parseRecordLine('cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1795337412 7200 1800 86400 30')?.data).to.equal('ns.dns.cluster.local. hostmaster.cluster.local. 1795337412 7200 1800 86400 30');
    expect(parseRecordLine(';web.cross-check.\t\tIN\tA')).to.equal(undefined);
  });
});

describe('parseDigReply', () => {
  it('reads status, flags and sections of a headless SRV answer', () => {
    const reply = parseDigReply(read('dig-headless-srv.txt'))!;
    expect(reply.status).to.equal('NOERROR');
    expect(reply.flags).to.equal('qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 4');
    expect(reply.answer.map((r) => r.data)).to.deep.equal([
      '0 33 8080 10-244-0-2.web-headless.cross-check.svc.cluster.local.',
      '0 33 8080 10-244-2-1.web-headless.cross-check.svc.cluster.local.',
      '0 33 8080 10-244-1-3.web-headless.cross-check.svc.cluster.local.',
    ]);
    expect(reply.additional).to.have.length(3);
    expect(reply.authority).to.deep.equal([]);
  });

  it('reads NXDOMAIN with the SOA in the authority section, and a SERVFAIL with no records', () => {
    const nx = parseDigReply(read('dig-nxdomain.txt'))!;
    expect([nx.status, nx.answer.length, nx.authority.map((r) => r.type)]).to.deep.equal(['NXDOMAIN', 0, ['SOA']]);
    const fail = parseDigReply(read('dig-servfail.txt'))!;
    expect([fail.status, fail.flags, fail.answer.length + fail.authority.length]).to.deep.equal(['SERVFAIL', 'qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1', 0]);
  });

  it('reads no reply from a timeout', () => {
    expect(parseDigReply(';; communications error to 10.96.0.10#53: timed out\n;; no servers could be reached\n')).to.equal(undefined);
  });
});

describe('comparableReply', () => {
  it('names addresses after their owners and sorts records: loadbalance shuffles them', () => {
    expect(comparableReply(parseDigReply(read('dig-headless-a.txt'))!, book)).to.deep.equal([
      'status: NOERROR',
      'flags: qr aa rd; QUERY: 1, ANSWER: 3, AUTHORITY: 0, ADDITIONAL: 1',
      'ANSWER: web-headless.cross-check.svc.cluster.local. 30 IN A <IP of pod web#1>',
      'ANSWER: web-headless.cross-check.svc.cluster.local. 30 IN A <IP of pod web#2>',
      'ANSWER: web-headless.cross-check.svc.cluster.local. 30 IN A <IP of pod web#3>',
    ]);
  });

  it('maps reverse and dashed names of a PTR answer', () => {
    expect(comparableReply(parseDigReply(read('dig-ptr-pod.txt'))!, book).filter((l) => l.startsWith('ANSWER'))).to.deep.equal([
      'ANSWER: <reverse IP of pod web#2>. 30 IN PTR <dashed IP of pod web#2>.web-headless.cross-check.svc.cluster.local.',
      'ANSWER: <reverse IP of pod web#2>. 30 IN PTR <dashed IP of pod web#2>.web-nodeport.cross-check.svc.cluster.local.',
      'ANSWER: <reverse IP of pod web#2>. 30 IN PTR <dashed IP of pod web#2>.web-sticky.cross-check.svc.cluster.local.',
      'ANSWER: <reverse IP of pod web#2>. 30 IN PTR <dashed IP of pod web#2>.web.cross-check.svc.cluster.local.',
    ]);
  });

  it('leaves out the SOA serial, the time of the last change CoreDNS saw', () => {
    expect(comparableReply(parseDigReply(read('dig-nxdomain.txt'))!, book)[2]).to.equal('AUTHORITY: cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. <serial> 7200 1800 86400 30');
  });
});

describe('+noall +answer +authority output', () => {
  it('is its record lines, TTLs left out', () => {
    const text = read('dig-noall-nxdomain.txt');
    expect(parseRecordLines(text)).to.have.length(1);
    expect(comparableNoallOutput({ stdout: text, stderr: '', exitCode: 0 }, book)).to.deep.equal(['cluster.local. <ttl> IN SOA ns.dns.cluster.local. hostmaster.cluster.local. <serial> 7200 1800 86400 30']);
  });
});
