/**
 * The network programs of a kind node's shell (`docker exec -it kind-worker
 * bash`): curl (Debian 12's 7.88.1, from the node's address), iptables,
 * iptables-save, ip, and the ones kind's node image does not install but a
 * tutorial does (seed 003 `yum install ipvsadm`): ipvsadm and ping, added
 * only when asked for.
 */
import type { PodRuntimeRegistry } from '../../kubelet/runtime/registry.ts';
import type { ClusterNetwork } from '../../network/cluster-network.ts';
import type { Program } from '../../shell/types.ts';
import { nodeCurl, nodePing } from '../http/register-network-tools.ts';
import { ipProgram } from './ip-command.ts';
import { iptablesProgram, iptablesSaveProgram } from './iptables-command.ts';
import { ipvsadmProgram } from './ipvsadm-command.ts';

export interface NodeProgramOptions {
  /** Add ipvsadm and ping, which kindest/node does not ship. */
  installedExtras?: boolean;
}

export function nodeNetworkPrograms(network: ClusterNetwork, runtimes: PodRuntimeRegistry, nodeName: string, options: NodeProgramOptions = {}): Map<string, Program> {
  const proxy = () => network.proxy(nodeName);
  const iptables = { proxier: () => proxy()?.iptablesProxier(), now: () => network.clock.now() };
  const programs = new Map<string, Program>([
    ['curl', nodeCurl(network, nodeName)],
    ['iptables', iptablesProgram(iptables)],
    ['iptables-save', iptablesSaveProgram(iptables)],
    [
      'ip',
      ipProgram({
        node: () => network.nodes.get(nodeName),
        nodes: () => network.nodes.all(),
        localPods: () => runtimes.all().filter((p) => p.nodeName === nodeName && !p.hostNetwork).map((p) => ({ ip: p.ip, uid: p.uid })),
        ipvs: () => proxy()?.ipvsProxier(),
      }),
    ],
  ]);
  if (options.installedExtras) {
    programs.set('ipvsadm', ipvsadmProgram(() => proxy()?.ipvsProxier()));
    programs.set('ping', nodePing(network, nodeName));
  }
  return programs;
}
