/**
 * `kubectl describe node` (NodeDescriber, describeNode, describeNodeLease and
 * describeNodeResource in k8s.io/kubectl/pkg/describe/describe.go): identity, taints, the
 * node's Lease, conditions, addresses, capacity, system info (with the `Kube-Proxy Version:`
 * line kubectl 1.31/1.32 still print), the non-terminated pods on the node with their
 * requests and limits as a share of allocatable, the totals, and the node's events.
 */
import type { Node, Pod } from '../../api/core.ts';
import type { Condition, KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { parseTimestamp, translateTimestampSince } from '../printers/age.ts';
import { compareStrings } from '../printers/label-format.ts';
import { formatQuantity, milliValue, parseQuantityExact, value, type Quantity } from '../printers/quantity.ts';
import { findNodeRoles } from '../printers/table/node-roles.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './multiline.ts';
import { podLimits, podRequests, type ResourceList } from './pod-resources.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter, tabbedString } from './prefix-writer.ts';
import { formatRfc1123z } from './time-format.ts';

/** corev1.NamespaceNodeLease: where the kubelet keeps its heartbeat Lease. */
const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The kubelet renews its Lease every quarter of the 40s lease duration (pkg/kubelet/nodelease). */
const LEASE_RENEW_INTERVAL_MS = 10_000;

interface LeaseSpec {
  holderIdentity?: string;
  acquireTime?: string;
  renewTime?: string;
}

type NodeCondition = Condition & { lastHeartbeatTime?: string };

/**
 * The node's Lease. The memory cluster does not serve the Lease kind; a kind node's kubelet
 * always holds its own lease and renews it every 10s, so when the kind is not served the
 * lease is the one that kubelet would have written last.
 */
function nodeLease(api: ApiServer, node: Node, now: number): LeaseSpec | string {
  const name = node.metadata.name ?? '';
  let lease: (KubeObject & { spec?: LeaseSpec }) | undefined;
  try {
    lease = api.tryGet({ kind: 'Lease', namespace: NODE_LEASE_NAMESPACE, name });
  } catch {
    const created = parseTimestamp(node.metadata.creationTimestamp) ?? now;
    const renewed = created + Math.floor(Math.max(0, now - created) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
    return { holderIdentity: name, renewTime: new Date(renewed).toISOString() };
  }
  if (!lease) return `leases.coordination.k8s.io "${name}" not found`;
  return lease.spec ?? {};
}

function describeNodeLease(lease: LeaseSpec | string, w: PrefixWriter): void {
  if (typeof lease === 'string') {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`);
    return;
  }
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? '<unset>'}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${lease.acquireTime ? formatRfc1123z(lease.acquireTime) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease.renewTime ? formatRfc1123z(lease.renewTime) : '<unset>'}\n`);
}

/** The pods the describer lists: on this node, not Succeeded nor Failed, in the API's (etcd key) order. */
function nonTerminatedPods(api: ApiServer, nodeName: string): Pod[] {
  const key = (p: Pod) => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;
  return api
    .list<Pod>('Pod')
    .filter((p) => p.spec?.nodeName === nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => compareStrings(key(a), key(b)));
}

const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

/** The amount of one resource; the zero quantity when it is absent (as indexing a Go ResourceList gives). */
function quantityOf(list: ResourceList | Record<string, string> | undefined, name: string): Quantity {
  if (!list) return ZERO;
  if (list instanceof Map) return list.get(name) ?? ZERO;
  const text = list[name];
  return (text !== undefined ? parseQuantityExact(text) : undefined) ?? ZERO;
}

/**
 * int64(float64(part) / float64(whole) * 100) in Go: truncation toward zero; a division by
 * zero gives ±Inf or NaN, which amd64 converts to the smallest int64.
 */
function percent(part: bigint, whole: bigint): string {
  const fraction = (Number(part) / Number(whole)) * 100;
  if (!Number.isFinite(fraction)) return '-9223372036854775808';
  return String(Math.trunc(fraction));
}

/** The same share, left at 0 when the allocatable amount is 0 (the totals guard against it). */
function guardedPercent(part: bigint, whole: bigint): string {
  return whole === 0n ? '0' : percent(part, whole);
}

/** IsHugePageResourceName. */
function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** IsStandardContainerResourceName: cpu, memory, ephemeral-storage and hugepages-*. */
function isStandardContainerResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePages(name);
}

function sumOver(pods: Pod[], each: (pod: Pod) => ResourceList): ResourceList {
  const total: ResourceList = new Map();
  for (const pod of pods) {
    for (const [name, q] of each(pod)) {
      const current = total.get(name);
      total.set(name, current ? { nano: current.nano + q.nano, format: current.format } : { ...q });
    }
  }
  return total;
}

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status?.capacity;
  const allocCpu = milliValue(quantityOf(allocatable, 'cpu'));
  const allocMemory = value(quantityOf(allocatable, 'memory'));
  for (const pod of pods) {
    const req = podRequests(pod);
    const limit = podLimits(pod);
    const cpuReq = quantityOf(req, 'cpu');
    const cpuLimit = quantityOf(limit, 'cpu');
    const memReq = quantityOf(req, 'memory');
    const memLimit = quantityOf(limit, 'memory');
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t` +
        `${formatQuantity(cpuReq)} (${percent(milliValue(cpuReq), allocCpu)}%)\t${formatQuantity(cpuLimit)} (${percent(milliValue(cpuLimit), allocCpu)}%)\t` +
        `${formatQuantity(memReq)} (${percent(value(memReq), allocMemory)}%)\t${formatQuantity(memLimit)} (${percent(value(memLimit), allocMemory)}%)\t` +
        `${translateTimestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
  }

  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs = sumOver(pods, podRequests);
  const limits = sumOver(pods, podLimits);
  const row = (name: string, toUnits: (q: Quantity) => bigint, whole: bigint) => {
    const r = quantityOf(reqs, name);
    const l = quantityOf(limits, name);
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${guardedPercent(toUnits(r), whole)}%)\t${formatQuantity(l)} (${guardedPercent(toUnits(l), whole)}%)\n`);
  };
  row('cpu', milliValue, allocCpu);
  row('memory', value, allocMemory);
  row('ephemeral-storage', value, value(quantityOf(allocatable, 'ephemeral-storage')));

  const names = Object.keys(allocatable ?? {}).sort(compareStrings);
  for (const name of names.filter(isHugePages)) row(name, value, value(quantityOf(allocatable, name)));
  for (const name of names.filter((n) => !isStandardContainerResource(n) && n !== 'pods')) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(quantityOf(reqs, name))}\t${formatQuantity(quantityOf(limits, name))}\n`);
  }
}

function printResourceList(w: PrefixWriter, list: Record<string, string>): void {
  for (const name of Object.keys(list).sort(compareStrings)) {
    w.write(LEVEL_0, `  ${name}:\t${formatQuantity(quantityOf(list, name))}\n`);
  }
}

export function describeNode(node: Node, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const pods = nonTerminatedPods(api, node.metadata.name ?? '');
  // the controllers record node events under the node's uid, the kubelet under its name
  const target = targetOf(node);
  const byUid = searchEvents(api, target, settings);
  const byName = searchEvents(api, { ...target, uid: target.name }, settings);
  const events = byUid && byName ? [...byUid, ...byName] : undefined;
  const lease = nodeLease(api, node, now);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    describeNodeLease(lease, w);

    const conditions = (node.status?.conditions ?? []) as NodeCondition[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRfc1123z(c.lastHeartbeatTime)} \t${formatRfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
      }
    }

    w.write(LEVEL_0, 'Addresses:\n');
    for (const address of node.status?.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`);

    const capacity = node.status?.capacity ?? {};
    if (Object.keys(capacity).length > 0) {
      w.write(LEVEL_0, 'Capacity:\n');
      printResourceList(w, capacity);
    }
    const allocatable = node.status?.allocatable ?? {};
    if (Object.keys(allocatable).length > 0) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printResourceList(w, allocatable);
    }

    const info = node.status?.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);

    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs && node.spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(pods, node, w, now);
    describeEvents(events, w, now);
  });
}
