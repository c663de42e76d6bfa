import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { producerOf } from './memory-sources.ts';

describe('producerOf', () => {
  it('names modules that exist', () => {
    const subjects: [Parameters<typeof producerOf>[0], string][] = [
      ['kubectl', 'kubectl describe svc web -n cross-check'],
      ['kubectl', 'kubectl get pods -o wide -n cross-check'],
      ['dns', 'PTR <IP of pod web#2>'],
      ['dns', 'A web.cross-check +nosearch'],
      ['dig-noall', 'A nope.cross-check.svc.cluster.local'],
      ['iptables', 'KUBE-NODEPORTS'],
      ['iptables', 'POSTROUTING'],
    ];
    for (const [check, subject] of subjects) {
      const producer = producerOf(check, subject)!;
      const first = producer.split(/[ ,]/)[0];
      expect(existsSync(new URL(`../../../${first}`, import.meta.url)), `${first}`).to.equal(true);
    }
  });
});
