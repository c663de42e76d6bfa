/**
 * `ipvsadm -Ln [--stats]` on a node (ipvsadm v1.31). In IPVS mode it lists
 * kube-proxy's virtual services (src/kubeproxy/ipvs/ipvsadm-format.ts); in
 * iptables mode kind's kernel has the ip_vs module loaded but no virtual
 * service, so the table is empty. --stats uses print_title's FMT_STATS
 * header and a 33-column name with five 8-wide counters (ipvsadm.c); packet
 * and byte counters are not simulated and print 0.
 */
import { formatIpvsadmList, glibcMergeSort } from '../../kubeproxy/ipvs/ipvsadm-format.ts';
import type { IpvsProxier } from '../../kubeproxy/ipvs/ipvs-proxier.ts';
import type { VirtualServer } from '../../kubeproxy/ipvs/virtual-server.ts';
import type { Program } from '../../shell/types.ts';

const PROTOCOL_NUMBERS: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };

function statsLine(name: string, conns: number): string {
  return name.padEnd(33) + [conns, 0, 0, 0, 0].map((n) => ' ' + String(n).padStart(8)).join('');
}

/** `ipvsadm -Ln --stats`. */
export function formatIpvsadmStats(servers: readonly VirtualServer[]): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes', '  -> RemoteAddress:Port'];
  const sorted = glibcMergeSort(servers, (a, b) => PROTOCOL_NUMBERS[a.protocol] - PROTOCOL_NUMBERS[b.protocol] || ((a.addressValue - b.addressValue) | 0) || a.port - b.port);
  for (const vs of sorted) {
    const dests = glibcMergeSort(vs.destinations, (a, b) => ((a.addressValue - b.addressValue) | 0) || a.port - b.port);
    lines.push(statsLine(`${vs.protocol.padEnd(4)} ${vs.address}:${vs.port}`, dests.reduce((n, d) => n + d.activeConns + d.inactConns, 0)));
    for (const d of dests) lines.push(statsLine(`  -> ${d.address}:${d.port}`, d.activeConns + d.inactConns));
  }
  return lines.join('\n') + '\n';
}

export function ipvsadmProgram(proxier: () => IpvsProxier | undefined): Program {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    for (const a of args) {
      if (a === '--stats') flags.add('stats');
      else if (a === '--numeric') flags.add('n');
      else if (a === '--list') flags.add('L');
      else if (/^-[LlnS]+$/.test(a)) for (const c of a.slice(1)) flags.add(c === 'l' ? 'L' : c);
      else return { stdout: '', stderr: `ipvsadm: invalid option -- '${a.replace(/^-+/, '')}'\n`, exitCode: 2 };
    }
    const servers = proxier()?.virtualServers() ?? [];
    // Without a command ipvsadm lists, as -L does.
    return { stdout: flags.has('stats') ? formatIpvsadmStats(servers) : formatIpvsadmList(servers), stderr: '', exitCode: 0 };
  };
}
