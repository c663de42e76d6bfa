import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { AddressBook, buildAddressBook } from './address-book.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { dnsQuestions } from './dns-questions.ts';
import { loadFixture } from './fixture.ts';

// Objects captured from the reference cluster, 2026-11-22 (testdata/README.md).
const book = buildAddressBook(clusterObjectsFromList(JSON.parse(readFileSync(new URL('./testdata/reference-objects.json', import.meta.url), 'utf8'))), 'cross-check');
const questions = dnsQuestions(loadFixture());
const args = (subject: string, b: AddressBook = book) => questions.find((q) => q.subject === subject)!.args(b);

describe('dnsQuestions', () => {
  it('asks about every Service, named port, reverse name and pod record', () => {
    expect(questions.map((q) => q.subject)).to.include.members([
      'A web-headless.cross-check.svc.cluster.local',
      'A web.cross-check +nosearch',
      'SRV _echo-udp._udp.web.cross-check.svc.cluster.local',
      'SRV _postgres._tcp.external-db.cross-check.svc.cluster.local',
      'CNAME docs.cross-check.svc.cluster.local',
      'A nope.cross-check.svc.cluster.local',
    ]);
    expect(questions.some((q) => q.subject.includes('web-sticky.cross-check') && q.subject.startsWith('SRV'))).to.equal(false);
  });

  it('takes the addresses of a question from each cluster\'s own book', () => {
    expect(args('PTR <IP of pod web#2>')).to.deep.equal(['-x', '10.244.1.3']);
    expect(args('PTR <clusterIP of svc/web>')).to.deep.equal(['-x', '10.96.240.209']);
    expect(args('A <dashed IP of pod web#2>.cross-check.pod.cluster.local')).to.deep.equal(['10-244-1-3.cross-check.pod.cluster.local', 'A']);
    expect(args('A web.cross-check +nosearch')).to.deep.equal(['+nosearch', 'web.cross-check', 'A']);
    expect(args('PTR <IP of pod web#2>', new AddressBook(new Map(), new Map(), new Map()))).to.equal(undefined);
  });
});
