import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseIPv4 } from '../ipv4.ts';
import { kindNodeState, makeService, makeSlice } from '../testing/fixtures.ts';
import { formatDummyDevice } from './dummy-device-format.ts';
import { formatIpvsadmList } from './ipvsadm-format.ts';
import { IpvsProxier } from './ipvs-proxier.ts';
import { routeIpvs } from './ipvs-router.ts';
import { createScheduler } from './schedulers/scheduler-factory.ts';
import { dhHashKey, shHashKey } from './schedulers/hashing.ts';
import type { IpvsDestination } from './schedulers/scheduler.ts';

function dests(spec: [string, number][]): IpvsDestination[] {
  return spec.map(([address, weight]) => ({ address, addressValue: parseIPv4(address)!, port: 80, weight, activeConns: 0, inactConns: 0, overloaded: false }));
}

function picks(name: string, list: IpvsDestination[], n: number, source = '10.0.0.1'): string[] {
  const scheduler = createScheduler(name)!;
  scheduler.destinationsChanged?.(list);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(scheduler.schedule(list, { source: parseIPv4(source)!, sourcePort: 0, destination: parseIPv4('10.96.0.5')!, nowMs: 0 })!.address);
  return out;
}

describe('IPVS schedulers (net/netfilter/ipvs)', () => {
  it('rr cycles through the list from the head (ip_vs_rr.c)', () => {
    expect(picks('rr', dests([['10.0.0.3', 1], ['10.0.0.2', 1], ['10.0.0.1', 1]]), 6)).to.deep.equal(['10.0.0.3', '10.0.0.2', '10.0.0.1', '10.0.0.3', '10.0.0.2', '10.0.0.1']);
  });
  it('wrr with weights 3:1 gives A A A B (ip_vs_wrr.c)', () => {
    expect(picks('wrr', dests([['10.0.0.1', 3], ['10.0.0.2', 1]]), 8)).to.deep.equal(['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2', '10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2']);
  });
  it('lc prefers fewer connections, an active one weighing 256 inactive ones (ip_vs_lc.c)', () => {
    const list = dests([['10.0.0.1', 1], ['10.0.0.2', 1]]);
    list[0].activeConns = 1;
    list[1].inactConns = 255;
    expect(picks('lc', list, 1)).to.deep.equal(['10.0.0.2']);
    list[1].inactConns = 256;
    expect(picks('lc', list, 1)).to.deep.equal(['10.0.0.1']);
  });
  it('sh sends a source to the same server every time, and hashes like hash_32 (ip_vs_sh.c)', () => {
    const list = dests([['10.0.0.1', 1], ['10.0.0.2', 1], ['10.0.0.3', 1]]);
    for (const source of ['10.244.1.5', '10.244.2.7', '172.18.0.1']) expect(new Set(picks('sh', list, 10, source)).size).to.equal(1);
    // hash_32(0x0A000001, 8) = (0x0A000001 * 0x61C88647) >> 24 mod 2^32
    expect(shHashKey(0x0a000001)).to.equal(Number((BigInt(0x0a000001) * 0x61c88647n) % 2n ** 32n >> 24n));
    expect(dhHashKey(0x0a600005)).to.equal(Number((BigInt(0x0a600005) * 2654435761n) & 255n));
  });
  it('nq takes an idle server first (ip_vs_nq.c)', () => {
    const list = dests([['10.0.0.1', 1], ['10.0.0.2', 1]]);
    list[0].activeConns = 3;
    expect(picks('nq', list, 1)).to.deep.equal(['10.0.0.2']);
  });
});

describe('IpvsProxier', () => {
  const state = () => {
    const s = kindNodeState({ mode: 'ipvs' });
    s.applyServiceChange(makeService('default', 'web', { type: 'NodePort', clusterIP: '10.96.86.113', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 31348 }] }));
    return s;
  };

  it('ipvsadm -Ln lists services and real servers as ipvsadm 1.31 sorts and prints them (FIDELITY.md §5 format)', () => {
    const s = state();
    s.applyServiceChange(makeService('default', 'lb', { clusterIP: '10.96.5.5', ports: [{ port: 8080, protocol: 'TCP' }], sessionAffinity: 'ClientIP' }));
    const p = new IpvsProxier(s);
    const out = formatIpvsadmList(p.virtualServers().filter((vs) => ['10.96.0.1', '10.96.5.5', '172.18.0.3', '10.96.0.10'].includes(vs.address)));
    expect(out).to.equal(
      [
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        // libipvs compares addresses as a wrapping int difference: 172.18.0.3 sorts before 10.96.0.1.
        'TCP  172.18.0.3:31348 rr',
        '  -> 10.244.1.5:8080              Masq    1      0          0         ',
        '  -> 10.244.2.7:8080              Masq    1      0          0         ',
        '  -> 10.244.2.8:8080              Masq    1      0          0         ',
        'TCP  10.96.0.1:443 rr',
        '  -> 172.18.0.2:6443              Masq    1      0          0         ',
        'TCP  10.96.0.10:53 rr',
        '  -> 10.244.0.2:53                Masq    1      0          0         ',
        '  -> 10.244.0.3:53                Masq    1      0          0         ',
        'TCP  10.96.0.10:9153 rr',
        '  -> 10.244.0.2:9153              Masq    1      0          0         ',
        '  -> 10.244.0.3:9153              Masq    1      0          0         ',
        'TCP  10.96.5.5:8080 rr persistent 10800',
        '  -> 10.244.2.9:80                Masq    1      0          0         ',
        'UDP  10.96.0.10:53 rr',
        '  -> 10.244.0.2:53                Masq    1      0          0         ',
        '  -> 10.244.0.3:53                Masq    1      0          0         ',
        '',
      ].join('\n'),
    );
  });

  it('requests update ActiveConn, then InActConn (TIME_WAIT) until two minutes pass', () => {
    const p = new IpvsProxier(state());
    const packet = { src: '10.244.1.9', dst: '10.96.86.113', dstPort: 80, protocol: 'TCP' as const, fromLocalProcess: false };
    const seen = [0, 1, 2, 3].map((i) => routeIpvs(p, packet, i).realServer);
    expect(new Set(seen.slice(0, 3)).size).to.equal(3); // rr over three endpoints
    expect(seen[3]).to.equal(seen[0]);
    const vs = p.virtualServer('TCP', '10.96.86.113', 80)!;
    expect(vs.destinations.map((d) => d.activeConns).reduce((a, b) => a + b)).to.equal(4);
    const r = routeIpvs(p, packet, 10);
    p.connections.close(r.connection!, 20);
    expect(r.destination!.inactConns).to.equal(1);
    p.connections.expire(20 + 120_000);
    expect(r.destination!.inactConns).to.equal(0);
  });

  it('masquerades off-cluster clients and NodePort traffic, not pods to cluster IPs', () => {
    const p = new IpvsProxier(state());
    expect(routeIpvs(p, { src: '10.244.1.9', dst: '10.96.86.113', dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, 0).masqueraded).to.equal(false);
    expect(routeIpvs(p, { src: '172.18.0.1', dst: '172.18.0.3', dstPort: 31348, protocol: 'TCP', fromLocalProcess: false }, 0).masqueraded).to.equal(true);
    expect(routeIpvs(p, { src: '10.244.1.9', dst: '10.96.99.99', dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, 0).realServer).to.equal(undefined);
  });

  it('ip addr show kube-ipvs0 lists every service address as a /32 (iproute2 format)', () => {
    const p = new IpvsProxier(state());
    expect(formatDummyDevice({ index: 3, mac: '7a:1c:2e:0a:9b:51', addresses: p.dummyDeviceAddresses().slice(0, 2) })).to.equal(
      [
        '3: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default ',
        '    link/ether 7a:1c:2e:0a:9b:51 brd ff:ff:ff:ff:ff:ff',
        '    inet 10.96.9.9/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '    inet 10.96.0.1/32 scope global kube-ipvs0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });
});
