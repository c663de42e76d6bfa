import { describe, it } from 'node:test';
import { expect } from 'chai';
import { clusterPolicyChainName, endpointChainName, externalChainName, firewallChainName, localPolicyChainName } from './chain-names.ts';

describe('kube-proxy chain names', () => {
  // Sources: FIDELITY.md §5 (first three) and the dumps of pkg/proxy/iptables/proxier_test.go
  // (TestOverallIPTablesRules, TestSyncProxyRulesRepeated, TestSyncProxyRulesLargeClusterMode).
  const serviceChains: [string, string, string][] = [
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['default/web:http', 'tcp', 'KUBE-SVC-CDGGSHYLG3RE2FKL'],
    ['ns1/svc1:p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'KUBE-SVC-GNZBNJ2PO5MGZ6GT'],
    ['ns2/svc2:p8080', 'tcp', 'KUBE-SVC-2VJB64SDSIJUP5T6'],
    ['ns4/svc4:p8082', 'tcp', 'KUBE-SVC-EBDQOQU5SJFXRIL3'],
  ];
  for (const [name, protocol, chain] of serviceChains) {
    it(`${name} ${protocol} is ${chain}`, () => void expect(clusterPolicyChainName(name, protocol)).to.equal(chain));
  }

  it('the SVL, EXT and FW chains share the SVC hash (TestOverallIPTablesRules, TestSortIPTablesRules)', () => {
    expect(localPolicyChainName('ns2/svc2:p80', 'tcp')).to.equal('KUBE-SVL-GNZBNJ2PO5MGZ6GT');
    expect(externalChainName('ns2/svc2:p80', 'tcp')).to.equal('KUBE-EXT-GNZBNJ2PO5MGZ6GT');
    expect(firewallChainName('ns5/svc5:p80', 'tcp')).to.equal('KUBE-FW-NUKIZ6OKUXPJNT4C');
  });

  const endpointChains: [string, string, string][] = [
    ['default/web:http', '10.244.1.5:8080', 'KUBE-SEP-AFGSLHOD2HFNCBX4'], // FIDELITY.md §5
    ['default/web:http', '10.244.2.7:8080', 'KUBE-SEP-2RIJ5GIYXEFH6G4D'], // FIDELITY.md §5
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'], // TestOverallIPTablesRules
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'], // TestOverallIPTablesRules
    ['ns1/svc1:p80', '10.0.0.0:80', 'KUBE-SEP-DKGQUZGBKLTPAR56'], // TestSyncProxyRulesLargeClusterMode
    ['ns3/svc3:p8081', '203.0.113.4:8081', 'KUBE-SEP-RUVVH7YV3PHQBDOS'], // TestSyncProxyRulesLargeClusterMode
  ];
  for (const [name, endpoint, chain] of endpointChains) {
    it(`${name} -> ${endpoint} is ${chain}`, () => void expect(endpointChainName(name, 'tcp', endpoint)).to.equal(chain));
  }
});
