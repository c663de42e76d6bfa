/**
 * kube-proxy at scale: 10,000 Services × 10 endpoints on one node, in iptables
 * and in IPVS mode. Prints the time to apply one endpoint change, the time to
 * route one request, memory, and the rules a real kernel would evaluate per
 * packet (iptables: linear in KUBE-SERVICES; IPVS: a hash lookup), as seed
 * 003 contrasts the two modes. Prints figures only; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import type { Service } from '../src/api/core.ts';
import type { EndpointSlice } from '../src/api/discovery.ts';
import { ProxyState, type ProxyMode } from '../src/kubeproxy/proxy-state.ts';
import { IptablesProxier } from '../src/kubeproxy/iptables/iptables-proxier.ts';
import { walkNat } from '../src/kubeproxy/iptables/packet-walker.ts';
import { AffinityTable } from '../src/kubeproxy/iptables/affinity-table.ts';
import { IpvsProxier } from '../src/kubeproxy/ipvs/ipvs-proxier.ts';
import { routeIpvs } from '../src/kubeproxy/ipvs/ipvs-router.ts';
import { SeededRandom } from '../src/random/seeded-random.ts';

const SERVICES = 10_000;
const ENDPOINTS = 10;

const clusterIP = (i: number) => `10.96.${Math.floor(i / 250) + 1}.${(i % 250) + 1}`;
const podIP = (i: number, j: number) => `10.${244 + (j % 2)}.${Math.floor(i / 250)}.${(i % 250) + 1 + j * 0}`.replace(/^10\.245/, '10.244') + '';

function service(i: number): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'bench', name: `svc-${i}` }, spec: { clusterIP: clusterIP(i), ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } };
}

function slice(i: number, shift = 0): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace: 'bench', name: `svc-${i}-abcde`, labels: { 'kubernetes.io/service-name': `svc-${i}` } },
    addressType: 'IPv4',
    endpoints: Array.from({ length: ENDPOINTS }, (_, j) => ({
      addresses: [`10.244.${(i * ENDPOINTS + j + shift) % 250}.${Math.floor((i * ENDPOINTS + j + shift) / 250) % 250 + 1}`],
      nodeName: j % 3 === 0 ? 'kind-worker' : 'kind-worker2',
      conditions: { ready: true },
    })),
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0) + ' MB';
}

function run(mode: ProxyMode): void {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const state = new ProxyState({ nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'], podCIDR: '10.244.1.0/24', clusterCIDR: '10.244.0.0/16', mode });
  const iptables = mode === 'iptables' ? new IptablesProxier(state) : undefined;
  const ipvs = mode === 'ipvs' ? new IpvsProxier(state) : undefined;
  for (let i = 0; i < SERVICES; i++) {
    state.applyServiceChange(service(i));
    state.applyEndpointSliceChange(slice(i));
  }
  iptables?.sync();
  ipvs?.sync();
  const buildMs = performance.now() - t0;

  // One endpoint change among all: the slice of one service gets a new address.
  const changes: number[] = [];
  for (let k = 0; k < 20; k++) {
    const i = (k * 487) % SERVICES;
    const start = performance.now();
    state.applyEndpointSliceChange(slice(i, 1 + k));
    iptables?.sync();
    ipvs?.sync();
    changes.push(performance.now() - start);
  }
  changes.sort((a, b) => a - b);

  const rng = new SeededRandom('bench');
  const affinity = new AffinityTable();
  const requests = 20_000;
  let rules = 0;
  // Warm up the lookup structures, then time.
  for (let k = 0; k < 100; k++) {
    const dst = clusterIP((k * 7919) % SERVICES);
    if (iptables) walkNat(iptables, { src: '10.244.1.7', dst, dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, rng, affinity, 0);
    if (ipvs) routeIpvs(ipvs, { src: '10.244.1.7', dst, dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, 0);
  }
  const r0 = performance.now();
  for (let k = 0; k < requests; k++) {
    const dst = clusterIP((k * 7919) % SERVICES);
    if (iptables) rules += walkNat(iptables, { src: '10.244.1.7', dst, dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, rng, affinity, k).kernelRulesEvaluated;
    if (ipvs) {
      const r = routeIpvs(ipvs, { src: '10.244.1.7', dst, dstPort: 80, protocol: 'TCP', fromLocalProcess: false }, k);
      if (r.connection) ipvs.connections.close(r.connection, k);
      rules += r.kernelLookups;
    }
  }
  const routeUs = ((performance.now() - r0) * 1000) / requests;
  const mem = process.memoryUsage();
  console.log(`kube-proxy ${mode} mode, ${SERVICES} services x ${ENDPOINTS} endpoints`);
  console.log(`  build all rules:                ${buildMs.toFixed(0)} ms`);
  console.log(`  apply one endpoint change:      median ${changes[10].toFixed(2)} ms, max ${changes[19].toFixed(2)} ms (target <= 5 ms)`);
  console.log(`  route one request:              ${routeUs.toFixed(1)} us (target <= 50 us)`);
  console.log(`  memory:                         heapUsed ${mb(mem.heapUsed)} (+${mb(mem.heapUsed - heapBefore)}), rss ${mb(mem.rss)} (target <= 1.5 GB)`);
  if (iptables) console.log(`  kernel rules evaluated/packet:  ${(rules / requests).toFixed(0)} on average (linear scan of KUBE-SERVICES, ${iptables.servicesChainLength()} rules)`);
  else console.log(`  kernel lookups/packet:          ${(rules / requests).toFixed(0)} hash lookup of the virtual service (plus a few ipset-matching iptables rules)`);
}

void podIP;
run('iptables');
run('ipvs');
