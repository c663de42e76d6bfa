/**
 * RepackSubsets and SortSubsets (k8s.io/kubernetes pkg/api/v1/endpoints/util.go, 1.31): the
 * Endpoints controller builds one subset per pod and port, then repacks them into the N-to-M
 * form the API wants: addresses that offer the same set of ports share a subset; within a
 * subset an address is ready if it is ready for any port.
 * Sorting: addresses by IP compared as strings (bytes.Compare), then target UID; ports and
 * subsets by the MD5 of their go-spew text (hashObject).
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../api/core.ts';
import { deepHashMd5 } from '../deep-hash/deep-hash-object.ts';
import { ENDPOINT_PORT, ENDPOINT_SUBSET, GO_LAYOUT_ENDPOINT_SUBSET_V1_31 } from '../deep-hash/go-layout-endpoint-subset-v1.31.ts';

/** Key of a port as a Go map key: the whole EndpointPort struct. */
function portKey(p: EndpointPort): string {
  return JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]);
}

function addressKey(a: EndpointAddress): string {
  return JSON.stringify([a.ip, a.targetRef?.uid ?? '']);
}

export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  // port -> (address key -> ready)
  const portToAddrReady = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, boolean> }>();
  const mapAddress = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const key = addressKey(addr);
    if (!allAddrs.has(key)) allAddrs.set(key, structuredClone(addr));
    const pk = port ? portKey(port) : 'sentinel';
    let entry = portToAddrReady.get(pk);
    if (!entry) portToAddrReady.set(pk, (entry = { port, addrs: new Map() }));
    const previous = entry.addrs.get(key);
    if (previous === undefined || !previous) entry.addrs.set(key, ready);
  };
  for (const s of subsets) {
    const ports = s.ports && s.ports.length > 0 ? s.ports : [undefined];
    for (const port of ports) {
      for (const a of s.addresses ?? []) mapAddress(a, port, true);
      for (const a of s.notReadyAddresses ?? []) mapAddress(a, port, false);
    }
  }
  // Group ports by the identical address set they are offered on.
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of portToAddrReady.values()) {
    const key = JSON.stringify([...addrs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { addrs, ports: [] }));
    if (port) group.ports.push(port);
  }
  const final: EndpointSubset[] = [];
  for (const { addrs, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    const ready = [...addrs].filter(([, r]) => r).map(([k]) => allAddrs.get(k)!);
    const notReady = [...addrs].filter(([, r]) => !r).map(([k]) => allAddrs.get(k)!);
    if (ready.length) subset.addresses = ready;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ports.length) subset.ports = ports;
    final.push(subset);
  }
  return sortSubsets(final);
}

export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const s of subsets) {
    s.addresses?.sort(compareAddresses);
    s.notReadyAddresses?.sort(compareAddresses);
    s.ports = s.ports && sortByHash(s.ports, ENDPOINT_PORT);
    if (!s.ports) delete s.ports;
  }
  return sortByHash(subsets, ENDPOINT_SUBSET);
}

/** LessEndpointAddress: IP as bytes, then target UID; an address without target first. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  const ipCmp = Buffer.compare(Buffer.from(a.ip), Buffer.from(b.ip));
  if (ipCmp !== 0) return ipCmp;
  const ua = a.targetRef?.uid;
  const ub = b.targetRef?.uid;
  if (ua === undefined || ub === undefined) return ua === ub ? 0 : ua === undefined ? -1 : 1;
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function sortByHash<T>(items: T[], goType: string): T[] {
  // One item is in order already: no need to hash it (most Services have one port and one subset).
  if (items.length < 2) return [...items];
  const hashed = items.map((item) => ({ item, hash: deepHashMd5(item, goType, GO_LAYOUT_ENDPOINT_SUBSET_V1_31) }));
  hashed.sort((a, b) => Buffer.compare(a.hash, b.hash));
  return hashed.map((h) => h.item);
}
