import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { buildAddressBook } from './address-book.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import { countCheck } from './comparison.ts';
import type { NatSide } from './iptables-check.ts';
import { alignChain, compareNatTables, owningService, programmedFor } from './iptables-check.ts';
import { rowIsIdentical } from './line-alignment.ts';
import { parseIptablesSave } from './nat-table.ts';

const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');
function side(nat: string, objectsFile: string): NatSide {
  const objects = clusterObjectsFromList(JSON.parse(read(objectsFile)));
  return { text: nat, objects, book: buildAddressBook(objects, 'cross-check') };
}
// Captured from kube-proxy v1.31.4 on the reference cluster, 2026-11-22; the memory backend's for
// the same fixture (other addresses, other KUBE-SEP hashes): testdata/README.md.
const realNat = read('kube-proxy-v1.31.4-nat.txt');
const reference = side(realNat, 'reference-objects.json');
const memory = side(read('memory-nat.txt'), 'memory-objects.json');

describe('parseIptablesSave', () => {
  it('reads chains without counters and rules by chain', () => {
    const t = parseIptablesSave(realNat);
    expect(t.chains).to.include(':KUBE-SERVICES -').and.to.include(':PREROUTING ACCEPT');
    expect(t.rules.filter((r) => r.chain === 'KUBE-POSTROUTING').map((r) => r.text)).to.deep.equal([
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
      '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
    ]);
    expect(parseIptablesSave('*filter\n:INPUT ACCEPT [5:300]\n[1:60] -A INPUT -j ACCEPT\nCOMMIT\n', 'filter')).to.deep.equal({
      chains: [':INPUT ACCEPT'],
      rules: [{ chain: 'INPUT', text: '-A INPUT -j ACCEPT' }],
    });
  });
});

describe('owningService', () => {
  const cases: [string, string | undefined][] = [
    ['-A KUBE-SERVICES -d <clusterIP of svc/web>/32 -p tcp -m comment --comment "cross-check/web:http cluster IP" -j KUBE-SVC-<cross-check/web:http tcp>', 'cross-check/web'],
    ['-A KUBE-EXT-<cross-check/web-nodeport:http tcp> -m comment --comment "masquerade traffic for cross-check/web-nodeport:http external destinations" -j KUBE-MARK-MASQ', 'cross-check/web-nodeport'],
    [':KUBE-SEP-<config/web2 tcp @ IP of pod config/web2#1:80> -', 'config/web2'],
    ['-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000', undefined],
  ];
  for (const [line, owner] of cases) it(`${owner ?? 'no Service'}: ${line.slice(0, 40)}`, () => {
    expect(owningService(line)).to.equal(owner);
  });
});

describe('compareNatTables', () => {
  it('finds a table identical to itself and leaves out other namespaces', () => {
    const r = compareNatTables(reference, reference, 'cross-check', []);
    expect(countCheck(r).differing).to.equal(0);
    // ks-rconformance-3851-50's objects are not in the capture: its chains are left out by their rules' comments.
    expect(r.notes).to.deep.equal(['left out on the reference: lines of config (7), ks-rconformance-3851-50 (15)', 'left out on memory: lines of config (7), ks-rconformance-3851-50 (15)']);
  });

  it('names both clusters\' chains alike: only the real differences remain', () => {
    const r = compareNatTables(reference, memory, 'cross-check', []);
    const differing = r.blocks.flatMap((b) => b.rows.filter((row) => !rowIsIdentical(row)).map((row) => ({ chain: b.subject, ...row })));
    // The memory capture has kind's own chains and the kubelet's canary, and lacks the localhost NodePort rule.
    expect(differing.filter((d) => d.reference !== undefined).map((d) => d.reference)).to.deep.equal([
      '-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "cross-check/web-nodeport:http" -m tcp --dport <nodePort of svc/web-nodeport:http> -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-<cross-check/web-nodeport:http tcp>',
    ]);
    expect(differing.every((d) => d.reference === undefined || d.memory === undefined)).to.equal(true);
    expect(differing.filter((d) => d.chain.startsWith('KUBE-SVC-') || d.chain.startsWith('KUBE-SEP-'))).to.deep.equal([]);
  });

  it('sees a changed probability and a moved rule in an ordered chain', () => {
    const svc = '-A KUBE-SVC-NOK6TYMBIQBSGSEQ -m comment --comment "cross-check/web:http -> 10.244.0.2:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-MRJ3HW3KWBYD263Y';
    const changed = { ...reference, text: realNat.replace(svc, svc.replace('0.33333333349', '0.33333333333')) };
    const r = compareNatTables(reference, changed, 'cross-check', []);
    const block = r.blocks.find((b) => b.subject === 'KUBE-SVC-<cross-check/web:http tcp>')!;
    expect(block.rows.filter((row) => !rowIsIdentical(row))).to.have.length(1);
  });
});

describe('alignChain', () => {
  it('compares KUBE-SERVICES as a set but keeps its last rule last', () => {
    const last = '-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS';
    expect(alignChain('KUBE-SERVICES', ['b', 'a', last], ['a', 'b', last]).every(rowIsIdentical)).to.equal(true);
    expect(alignChain('KUBE-SERVICES', ['a', 'b', last], ['a', last, 'b']).every(rowIsIdentical)).to.equal(false);
    expect(alignChain('KUBE-SVC-X', ['a', 'b'], ['b', 'a']).every(rowIsIdentical)).to.equal(false);
  });
});

describe('programmedFor', () => {
  it('waits for every endpoint of every port, counting affinity endpoints once', () => {
    expect(programmedFor(realNat, [{ servicePortName: 'cross-check/web-sticky', endpoints: 3 }, { servicePortName: 'cross-check/external-db:postgres', endpoints: 2 }])).to.equal(true);
    expect(programmedFor(realNat, [{ servicePortName: 'cross-check/web:http', endpoints: 4 }])).to.equal(false);
  });
});
