/**
 * `ip addr show kube-ipvs0` and `ip route` on a kind node (iproute2).
 * kube-ipvs0 exists only in IPVS mode (src/kubeproxy/ipvs/dummy-device-format.ts;
 * otherwise `Device "kube-ipvs0" does not exist.`). The routes are kindnet's:
 * the default via the Docker network gateway, each other node's pod range via
 * that node, each local pod's /32 on its veth, and the node's own subnet.
 * Interface indexes and MAC and veth names are derived from names, so they
 * stay the same from run to run (the kernel's are arbitrary).
 */
import { createHash } from 'node:crypto';
import { formatDummyDevice } from '../../kubeproxy/ipvs/dummy-device-format.ts';
import type { IpvsProxier } from '../../kubeproxy/ipvs/ipvs-proxier.ts';
import type { NodeInfo } from '../../network/node-directory.ts';
import { DOCKER_HOST_IP } from '../../network/network-source.ts';
import type { Program } from '../../shell/types.ts';

export interface IpSource {
  node(): NodeInfo | undefined;
  nodes(): readonly NodeInfo[];
  /** Pods with an IP on this node (not hostNetwork), for their veth routes. */
  localPods(): { ip: string; uid: string }[];
  ipvs(): IpvsProxier | undefined;
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function mac(seed: string): string {
  const h = hex(seed, 12);
  // A locally administered unicast address, as the kernel's random_ether_addr makes.
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, '0');
  return [first, ...h.slice(2).match(/../g)!].join(':');
}

function routes(source: IpSource): string {
  const self = source.node();
  if (!self) return '';
  const lines = [`default via ${DOCKER_HOST_IP} dev eth0 `];
  const entries: { key: string; line: string }[] = [];
  for (const n of source.nodes()) if (n.name !== self.name && n.podCIDRText) entries.push({ key: n.podCIDRText, line: `${n.podCIDRText} via ${n.internalIP} dev eth0 ` });
  for (const pod of source.localPods()) entries.push({ key: pod.ip, line: `${pod.ip} dev veth${hex(pod.uid, 8)} scope host ` });
  const toNumber = (ip: string) => ip.split(/[./]/).slice(0, 4).reduce((n, o) => n * 256 + Number(o), 0);
  entries.sort((a, b) => toNumber(a.key) - toNumber(b.key));
  lines.push(...entries.map((e) => e.line), `172.18.0.0/16 dev eth0 proto kernel scope link src ${self.internalIP} `);
  return lines.join('\n') + '\n';
}

export function ipProgram(source: IpSource): Program {
  return (ctx) => {
    const args = ctx.argv.slice(1).filter((a) => a !== '-4');
    const object = args[0] ?? '';
    if (['r', 'ro', 'rou', 'rout', 'route'].includes(object) && (args.length === 1 || ['show', 'list', 'ls'].includes(args[1]))) {
      return { stdout: routes(source), stderr: '', exitCode: 0 };
    }
    if (['a', 'ad', 'add', 'addr', 'address'].includes(object)) {
      const rest = args.slice(1).filter((a) => !['show', 'list', 'ls', 'dev'].includes(a));
      const device = rest[0];
      if (device === 'kube-ipvs0') {
        const ipvs = source.ipvs();
        if (!ipvs) return { stdout: '', stderr: 'Device "kube-ipvs0" does not exist.\n', exitCode: 1 };
        const node = source.node()?.name ?? '';
        return { stdout: formatDummyDevice({ index: 5, mac: mac(`kube-ipvs0/${node}`), addresses: ipvs.dummyDeviceAddresses() }), stderr: '', exitCode: 0 };
      }
      if (device === undefined) return { stdout: '', stderr: 'kube-scenarios: `ip addr` is simulated for kube-ipvs0 only (try `ip addr show kube-ipvs0`)\n', exitCode: 126 };
      if (device === 'eth0' || device === 'lo') return { stdout: '', stderr: `kube-scenarios: \`ip addr show ${device}\` is not simulated\n`, exitCode: 126 };
      return { stdout: '', stderr: `Device "${device}" does not exist.\n`, exitCode: 1 };
    }
    return { stdout: '', stderr: `kube-scenarios: \`ip ${args.join(' ')}\` is not simulated (ip route, ip addr show kube-ipvs0 are)\n`, exitCode: 126 };
  };
}
