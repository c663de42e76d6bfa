/**
 * Who owns each address of a cluster: a Service's cluster IP, a pod's IP, a
 * node's IP, a hand-written endpoint; and which Service owns each node port.
 *
 * Two clusters given the same objects give them different addresses and pod
 * names. Naming each after its owner (`<clusterIP of svc/web>`, `<IP of pod
 * web#1>`) makes their outputs comparable more tightly than `<ip>` would: a
 * rule that sends the cluster IP of one Service to the pods of another still
 * differs.
 *
 * Pods made by a controller are numbered per owner in the order of their node
 * and then their IP, so the fixture's one-pod-per-node Deployment numbers its
 * pods the same way on both clusters.
 */
import type { ClusterObjects, PodObject } from './cluster-objects.ts';
import { sliceServiceName } from './cluster-objects.ts';

/** What an address is to its owner: `clusterIP`, `IP` (pods, nodes) or `address N` (hand-written endpoints). */
export interface AddressOwner {
  role: string;
  /** `svc/web`, `pod web#1`, `node kind-worker`, `endpoints/external-db`; other namespaces than the fixture's are named. */
  object: string;
}

export class AddressBook {
  constructor(
    readonly owners: ReadonlyMap<string, AddressOwner>,
    /** A generated name of a pod of the fixture's namespace to `pod web#1`. */
    readonly podNames: ReadonlyMap<string, string>,
    /** A node port to its `svc/NAME:PORT`. */
    readonly nodePorts: ReadonlyMap<number, string>,
  ) {}

  /** `<clusterIP of svc/web>`; undefined for an address nobody owns. */
  addressLabel(ip: string): string | undefined {
    const o = this.owners.get(ip);
    return o && `<${o.role} of ${o.object}>`;
  }

  /** The label of `10-244-1-5` (pod A records, headless hostnames). */
  dashedLabel(ip: string): string | undefined {
    const o = this.owners.get(ip);
    return o && `<dashed ${o.role} of ${o.object}>`;
  }

  /** The label of `5.1.244.10.in-addr.arpa`. */
  reverseLabel(ip: string): string | undefined {
    const o = this.owners.get(ip);
    return o && `<reverse ${o.role} of ${o.object}>`;
  }

  /** The address `object` (as the book names it) has in `role`; the inverse of addressLabel. */
  addressOf(object: string, role?: string): string | undefined {
    for (const [ip, o] of this.owners) if (o.object === object && (role === undefined || o.role === role)) return ip;
    return undefined;
  }
}

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/**
 * The name shared by the pods of one controller: a Deployment's pods drop
 * `-<pod-template-hash>-<suffix>`, a DaemonSet's or StatefulSet's the suffix
 * after their revision label; other pods keep their name (undefined).
 */
function generatedBase(pod: PodObject): string | undefined {
  const labels = pod.metadata.labels ?? {};
  const hash = labels['pod-template-hash'];
  const name = pod.metadata.name;
  if (hash) {
    const m = new RegExp(`^(.+)-${hash}-[a-z0-9]{5}$`).exec(name);
    if (m) return m[1];
  }
  if (labels['controller-revision-hash']) {
    const m = /^(.+)-[a-z0-9]{5}$/.exec(name);
    if (m) return m[1];
  }
  return undefined;
}

/** Builds the book of one cluster; `namespace` is the fixture's, whose objects go unqualified. */
export function buildAddressBook(objects: ClusterObjects, namespace: string): AddressBook {
  const owners = new Map<string, AddressOwner>();
  const podNames = new Map<string, string>();
  const nodePorts = new Map<number, string>();
  const qualified = (ns: string, name: string) => (ns === namespace ? name : `${ns}/${name}`);
  // The fixture's namespace first, then the system ones: an address two objects share (a pod IP
  // reused by a terminating pod elsewhere, a host-network pod on a node IP) belongs to the first.
  const rank = (ns: string) => (ns === namespace ? 0 : ns === 'kube-system' ? 1 : ns === 'default' ? 2 : 3);
  const claim = (ip: string | undefined, owner: AddressOwner) => {
    if (ip && ip !== 'None' && !owners.has(ip)) owners.set(ip, owner);
  };

  for (const node of [...objects.nodes].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    for (const a of node.status.addresses ?? []) if (a.type === 'InternalIP') claim(a.address, { role: 'IP', object: `node ${node.metadata.name}` });
  }

  const services = [...objects.services].sort((a, b) => rank(a.metadata.namespace) - rank(b.metadata.namespace) || a.metadata.name.localeCompare(b.metadata.name));
  for (const svc of services) {
    const name = qualified(svc.metadata.namespace, svc.metadata.name);
    claim(svc.spec.clusterIP, { role: 'clusterIP', object: `svc/${name}` });
    for (const p of svc.spec.ports ?? []) if (p.nodePort) nodePorts.set(p.nodePort, `svc/${name}${p.name ? `:${p.name}` : ''}`);
  }

  const groups = new Map<string, PodObject[]>();
  for (const pod of objects.pods) {
    const base = generatedBase(pod);
    const key = `${pod.metadata.namespace}\u0000${base ?? pod.metadata.name}\u0000${base ? 'generated' : 'named'}`;
    groups.set(key, [...(groups.get(key) ?? []), pod]);
  }
  const groupKeys = [...groups.keys()].sort((a, b) => rank(a.split('\u0000')[0]) - rank(b.split('\u0000')[0]) || a.localeCompare(b));
  for (const key of groupKeys) {
    const [ns, base, how] = key.split('\u0000');
    const pods = groups.get(key)!.sort(
      (a, b) => (a.spec.nodeName ?? '').localeCompare(b.spec.nodeName ?? '') || ipNumber(a.status.podIP ?? '0.0.0.0') - ipNumber(b.status.podIP ?? '0.0.0.0'),
    );
    pods.forEach((pod, i) => {
      const object = `pod ${qualified(ns, base)}${how === 'generated' ? `#${i + 1}` : ''}`;
      // Only generated names differ between clusters; others are the same word on both and stay.
      if (how === 'generated' && ns === namespace) podNames.set(pod.metadata.name, object);
      claim(pod.status.podIP, { role: 'IP', object });
    });
  }

  // Endpoints nobody else owns were written by hand (a selectorless Service's Endpoints).
  const slices = [...objects.endpointSlices].sort((a, b) => rank(a.metadata.namespace) - rank(b.metadata.namespace) || a.metadata.name.localeCompare(b.metadata.name));
  const handWritten = new Map<string, Set<string>>();
  for (const slice of slices) {
    const svc = sliceServiceName(slice);
    if (!svc) continue;
    const object = `endpoints/${qualified(slice.metadata.namespace, svc)}`;
    for (const e of slice.endpoints ?? []) for (const ip of e.addresses) if (!owners.has(ip)) handWritten.set(object, (handWritten.get(object) ?? new Set()).add(ip));
  }
  for (const [object, ips] of handWritten) {
    [...ips].sort((a, b) => ipNumber(a) - ipNumber(b)).forEach((ip, i) => claim(ip, { role: `address ${i + 1}`, object }));
  }
  return new AddressBook(owners, podNames, nodePorts);
}
