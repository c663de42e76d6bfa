import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { buildAddressBook } from './address-book.ts';
import { base32, chainNameLabels, endpointChainHash, nameChains, portProtoHash } from './chain-hash-names.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';

// Captured from kube-proxy v1.31.4 on the reference cluster, 2026-11-22 (testdata/README.md).
const nat = readFileSync(new URL('./testdata/kube-proxy-v1.31.4-nat.txt', import.meta.url), 'utf8');
const objects = clusterObjectsFromList(JSON.parse(readFileSync(new URL('./testdata/reference-objects.json', import.meta.url), 'utf8')));
const labels = chainNameLabels(objects, buildAddressBook(objects, 'cross-check'));

describe('kube-proxy chain hashes', () => {
  it('is RFC 4648 base32', () => {
    expect(base32(new TextEncoder().encode('foobar'))).to.equal('MZXW6YTBOI');
  });

  // FIDELITY §5 and the capture.
  const cases: [string, string][] = [
    [portProtoHash('default/kubernetes:https', 'tcp'), 'NPX46M4PTMTKRN6Y'],
    [portProtoHash('kube-system/kube-dns:dns', 'udp'), 'TCOU7JCQXEZGVUNU'],
    [portProtoHash('cross-check/web-sticky', 'TCP'), 'FFV5BKLQFVFZ44QI'],
    [endpointChainHash('cross-check/web:http', 'tcp', '10.244.1.3:8080'), 'WYGZBIKZPTIZJJNL'],
    [endpointChainHash('default/kubernetes:https', 'tcp', '172.18.0.2:6443'), 'V2PECCYPB6X2GSCW'],
  ];
  for (const [actual, expected] of cases) it(`gives ${expected}`, () => {
    expect(actual).to.equal(expected);
  });
});

describe('chainNameLabels on the captured table', () => {
  it('names every hashed chain of the objects read; only those of a namespace not read stay hashes', () => {
    const chains = [...new Set(nat.match(/KUBE-(?:SVC|SVL|EXT|FW|SEP)-[A-Z2-7]{16}/g))];
    expect(chains.length).to.be.greaterThan(30);
    const unnamed = chains.filter((c) => !labels.has(c));
    // The capture's objects leave out ks-rconformance-3851-50 on purpose (testdata/README.md).
    expect(unnamed).to.have.length(4);
    for (const c of unnamed) expect(nat.split('\n').filter((l) => l.startsWith(`-A ${c} `)).every((l) => l.includes('ks-rconformance-3851-50/'))).to.equal(true);
  });

  it('names chains after service ports and endpoints', () => {
    expect(nameChains('-A KUBE-SVC-NOK6TYMBIQBSGSEQ -j KUBE-SEP-WYGZBIKZPTIZJJNL', labels)).to.equal(
      '-A KUBE-SVC-<cross-check/web:http tcp> -j KUBE-SEP-<cross-check/web:http tcp @ IP of pod web#2:8080>',
    );
    expect(nameChains('-j KUBE-EXT-MXFTSSGB4KJFFIGO', labels)).to.equal('-j KUBE-EXT-<cross-check/web-nodeport:http tcp>');
    expect(nameChains('--name KUBE-SEP-AAAAAAAAAAAAAAAA', labels)).to.equal('--name KUBE-SEP-AAAAAAAAAAAAAAAA');
  });
});
