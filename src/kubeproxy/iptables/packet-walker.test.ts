import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SeededRandom } from '../../random/seeded-random.ts';
import { makeService, makeSlice, overallState, testNodeState } from '../testing/fixtures.ts';
import { AffinityTable } from './affinity-table.ts';
import { IptablesProxier } from './iptables-proxier.ts';
import { walkNat, type Packet } from './packet-walker.ts';

/**
 * The Go tests' packet tracer (runPacketFlowTests in pkg/proxy/iptables/proxier_test.go)
 * lists every endpoint a packet can reach; the walker picks one per packet, so
 * the union over many seeded walks is compared with their expected output.
 */
function flow(proxier: IptablesProxier, src: string, dst: string, dstPort: number, protocol: Packet['protocol'] = 'TCP'): { output: string; masq: boolean } {
  const outputs = new Set<string>();
  let masq = false;
  const rng = new SeededRandom(`flow ${src} ${dst}:${dstPort}`);
  for (let i = 0; i < 48; i++) {
    const r = walkNat(proxier, { src, dst, dstPort, protocol, fromLocalProcess: proxier.state.config.nodeIPs.includes(src) || src.startsWith('127.') }, rng, new AffinityTable(), 0);
    outputs.add(r.verdict !== 'ACCEPT' ? r.verdict : r.dnat ? `${r.dst}:${r.dstPort}` : r.rules.some((m) => m.rule.endsWith('-j ACCEPT') && m.chain === 'KUBE-NODEPORTS') ? 'ACCEPT' : '');
    masq = r.markedForMasquerade;
  }
  return { output: [...outputs].sort().join(', '), masq };
}

describe('walkNat over kube-proxy rules (packet-flow goldens of pkg/proxy/iptables/proxier_test.go)', () => {
  const proxier = new IptablesProxier(overallState());
  // TestTracePacket
  const cases: [string, string, string, number, string, boolean][] = [
    ['no match', '10.0.0.2', '10.0.0.3', 80, '', false],
    ['single endpoint', '10.0.0.2', '172.30.0.41', 80, '10.180.0.1:80', false],
    ['multiple endpoints', '10.0.0.2', '172.30.0.44', 80, '10.180.0.4:80, 10.180.0.5:80', false],
    ['LOCAL, KUBE-MARK-MASQ', '192.168.0.2', '192.168.99.22', 80, '10.180.0.2:80', true],
    ['DROP', '203.0.113.2', '192.168.99.22', 80, 'DROP', false],
    ['ACCEPT (NodePortHealthCheck)', '192.168.0.2', '192.168.0.2', 30000, 'ACCEPT', false],
    ['REJECT', '10.0.0.2', '172.30.0.46', 80, 'REJECT', false],
  ];
  for (const [name, src, dst, port, output, masq] of cases) {
    it(`TestTracePacket: ${name}`, () => void expect(flow(proxier, src, dst, port)).to.deep.equal({ output, masq }));
  }

  it('TestExternalTrafficPolicyLocal', () => {
    const state = testNodeState();
    state.applyServiceChange(
      makeService('ns1', 'svc1', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], healthCheckNodePort: 30000 }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }),
    );
    state.applyEndpointSliceChange(makeSlice('ns1', 'svc1', [{ ip: '10.180.0.1' }, { ip: '10.180.2.1', node: 'test-node' }], [{ name: 'p80', port: 80 }]));
    state.config.nodeIPs.splice(2); // 192.168.99.11 is the service's external IP here, not a node address
    const p = new IptablesProxier(state);
    const both = '10.180.0.1:80, 10.180.2.1:80';
    expect(flow(p, '10.0.0.2', '172.30.0.41', 80)).to.deep.equal({ output: both, masq: false });
    expect(flow(p, '10.0.0.2', '192.168.99.11', 80)).to.deep.equal({ output: both, masq: false });
    expect(flow(p, '203.0.113.2', '192.168.99.11', 80)).to.deep.equal({ output: '10.180.2.1:80', masq: false });
    expect(flow(p, '10.0.0.2', '1.2.3.4', 80)).to.deep.equal({ output: both, masq: false });
    expect(flow(p, '203.0.113.2', '1.2.3.4', 80)).to.deep.equal({ output: '10.180.2.1:80', masq: false });
    expect(flow(p, '203.0.113.2', '192.168.0.2', 3001)).to.deep.equal({ output: '10.180.2.1:80', masq: false });
  });

  it('TestLoadBalancer: source ranges', () => {
    const state = testNodeState();
    state.applyServiceChange(
      makeService('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] } }),
    );
    state.applyEndpointSliceChange(makeSlice('ns1', 'svc1', [{ ip: '10.180.0.1' }], [{ name: 'p80', port: 80 }]));
    const p = new IptablesProxier(state);
    expect(flow(p, '203.0.113.2', '1.2.3.4', 80)).to.deep.equal({ output: '10.180.0.1:80', masq: true });
    expect(flow(p, '203.0.113.130', '1.2.3.4', 80)).to.deep.equal({ output: 'DROP', masq: false });
    expect(flow(p, '10.0.0.2', '5.6.7.8', 80)).to.deep.equal({ output: 'DROP', masq: false });
    expect(flow(p, '203.0.113.130', '192.168.0.2', 3001)).to.deep.equal({ output: '10.180.0.1:80', masq: true });
  });

  it('picks endpoints by the statistic rules with the seeded stream: about 1/3 each of three', () => {
    const state = testNodeState();
    state.applyServiceChange(makeService('ns', 'web', { clusterIP: '172.30.0.9', ports: [{ port: 80, protocol: 'TCP' }] }));
    state.applyEndpointSliceChange(makeSlice('ns', 'web', [{ ip: '10.1.0.1' }, { ip: '10.1.0.2' }, { ip: '10.1.0.3' }], [{ port: 8080 }]));
    const p = new IptablesProxier(state);
    const rng = new SeededRandom('spread');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) {
      const r = walkNat(p, { src: '10.2.0.1', dst: '172.30.0.9', dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, rng, new AffinityTable(), 0);
      counts[r.dst] = (counts[r.dst] ?? 0) + 1;
    }
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) expect(counts[ip]).to.be.within(900, 1100);
  });

  it('ClientIP affinity holds for 10800 s of the virtual clock, then the recent entry is reaped', () => {
    const state = testNodeState();
    state.applyServiceChange(makeService('ns', 'sticky', { clusterIP: '172.30.0.8', sessionAffinity: 'ClientIP', ports: [{ port: 80, protocol: 'TCP' }] }));
    state.applyEndpointSliceChange(makeSlice('ns', 'sticky', Array.from({ length: 6 }, (_, i) => ({ ip: `10.1.0.${i + 1}` })), [{ port: 80 }]));
    const p = new IptablesProxier(state);
    const affinity = new AffinityTable();
    const rng = new SeededRandom('affinity');
    const packet: Packet = { src: '10.2.0.7', dst: '172.30.0.8', dstPort: 80, protocol: 'TCP', fromLocalProcess: false };
    const first = walkNat(p, packet, rng, affinity, 0).dst;
    for (const t of [1000, 60_000, 10_799_000, 10_800_000]) expect(walkNat(p, packet, rng, affinity, t).dst).to.equal(first);
    // 10800 s after the last use the check fails and the next statistic pick decides again.
    const later = new Set<string>();
    for (let i = 0; i < 12; i++) later.add(walkNat(p, packet, rng, new AffinityTable(), 0).dst);
    expect(later.size).to.be.greaterThan(1);
    const sep = walkNat(p, packet, rng, affinity, 10_800_000).endpointChain!;
    expect(affinity.rcheck(sep, packet.src, 10800, 10_800_000 + 10_800_001)).to.equal(false);
  });

  it('counts the rules a kernel evaluates: linear in the service rule position', () => {
    const state = testNodeState();
    for (let i = 0; i < 50; i++) {
      state.applyServiceChange(makeService('ns', `s${String(i).padStart(2, '0')}`, { clusterIP: `172.30.1.${i + 1}`, ports: [{ port: 80, protocol: 'TCP' }] }));
      state.applyEndpointSliceChange(makeSlice('ns', `s${String(i).padStart(2, '0')}`, [{ ip: `10.1.1.${i + 1}` }], [{ port: 80 }]));
    }
    const p = new IptablesProxier(state);
    const first = walkNat(p, { src: '10.2.0.1', dst: '172.30.1.1', dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, new SeededRandom('k'), new AffinityTable(), 0);
    const last = walkNat(p, { src: '10.2.0.1', dst: '172.30.1.50', dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, new SeededRandom('k'), new AffinityTable(), 0);
    expect(last.kernelRulesEvaluated - first.kernelRulesEvaluated).to.equal(49);
  });
});
