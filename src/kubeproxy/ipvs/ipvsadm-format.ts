/**
 * `ipvsadm -Ln` output as ipvsadm v1.31 prints it (ipvsadm.c print_title,
 * print_service_entry; libipvs ipvs_cmp_services / ipvs_cmp_dests, sorted
 * with glibc's merge sort). Format strings checked against the ipvsadm 1.31
 * binary on this machine: "%-4s %s" for "TCP  10.96.0.1:443", then the
 * scheduler, " persistent %u"; destinations "  -> %-28s %-7s %-6d %-10u %-10u".
 */
import type { IpvsDestination } from './schedulers/scheduler.ts';
import type { VirtualServer } from './virtual-server.ts';

const PROTOCOL_NUMBERS: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

/** C's int subtraction of two u32 values, as libipvs compares addresses (it wraps). */
function wrappedDifference(a: number, b: number): number {
  return (a - b) | 0;
}

function compareServices(a: VirtualServer, b: VirtualServer): number {
  return PROTOCOL_NUMBERS[a.protocol] - PROTOCOL_NUMBERS[b.protocol] || wrappedDifference(a.addressValue, b.addressValue) || a.port - b.port;
}

function compareDestinations(a: IpvsDestination, b: IpvsDestination): number {
  return wrappedDifference(a.addressValue, b.addressValue) || a.port - b.port;
}

/** glibc msort_with_tmp: top-down merge sort taking from the left run on ties. */
export function glibcMergeSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const n1 = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, n1), compare);
  const right = glibcMergeSort(items.slice(n1), compare);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(compare(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

/** `ipvsadm -Ln`. */
export function formatIpvsadmList(servers: readonly VirtualServer[]): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of glibcMergeSort(servers, compareServices)) {
    let line = `${vs.protocol.padEnd(4)} ${vs.address}:${vs.port} ${vs.schedulerName}`;
    if (vs.persistentSeconds > 0) line += ` persistent ${vs.persistentSeconds}`;
    lines.push(line);
    for (const d of glibcMergeSort(vs.destinations, compareDestinations)) {
      lines.push(`  -> ${`${d.address}:${d.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${String(d.weight).padEnd(6)} ${String(d.activeConns).padEnd(10)} ${String(d.inactConns).padEnd(10)}`);
    }
  }
  return lines.join('\n') + '\n';
}
