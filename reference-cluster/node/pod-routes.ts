/**
 * Routes between the nodes' pod networks, as kindnetd adds them
 * (kubernetes-sigs/kind images/kindnetd/cmd/kindnetd/routes.go): in every
 * node's network namespace, each other node's pod CIDR goes via that node's
 * InternalIP on the shared bridge. Nodes are read from the API server, so a
 * node that starts later is routed to by the ones already up when it runs
 * this, and routes to them itself.
 */
import { runCommand, runInNetns } from './run-command.ts';

export interface NodeRoute {
  node: string;
  podCidr: string;
  address: string;
}

/** The route each Node object asks for: its spec.podCIDR via its InternalIP. */
export function routesFromNodeList(list: { items: { metadata: { name: string }; spec?: { podCIDR?: string }; status?: { addresses?: { type: string; address: string }[] } }[] }): NodeRoute[] {
  const routes: NodeRoute[] = [];
  for (const item of list.items) {
    const podCidr = item.spec?.podCIDR;
    const address = item.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (podCidr && address) routes.push({ node: item.metadata.name, podCidr, address });
  }
  return routes;
}

/** The routes a namespace whose own address is `own` needs: every other node's. */
export function routesFor(own: string, routes: NodeRoute[]): NodeRoute[] {
  return routes.filter((r) => r.address !== own);
}

/** The IPv4 address of eth0 in `netns`, or undefined. */
export async function netnsAddress(netns: string): Promise<string | undefined> {
  const out = await runCommand('ip', ['-n', netns, '-4', '-o', 'addr', 'show', 'dev', 'eth0'], { allowFailure: true });
  return /inet (\d+\.\d+\.\d+\.\d+)\//.exec(out.stdout)?.[1];
}

/** Every network namespace with an eth0 address in `subnetPrefix` (`172.18.`): the nodes on the cluster's bridge. */
export async function namespacesOnBridge(subnetPrefix: string): Promise<string[]> {
  const listed = await runCommand('ip', ['netns', 'list']);
  const names = listed.stdout.split('\n').map((l) => l.split(' ')[0]).filter(Boolean);
  const found: string[] = [];
  for (const name of names) if ((await netnsAddress(name))?.startsWith(subnetPrefix)) found.push(name);
  return found;
}

/**
 * Adds (or replaces) the pod routes in each of `namespaces`.
 * @returns lines saying what was routed where
 */
export async function syncPodRoutes(kubeconfig: string, namespaces: string[]): Promise<string[]> {
  const listed = await runCommand('kubectl', ['--kubeconfig', kubeconfig, 'get', 'nodes', '-o', 'json']);
  const routes = routesFromNodeList(JSON.parse(listed.stdout));
  const lines: string[] = [];
  for (const netns of namespaces) {
    const own = await netnsAddress(netns);
    if (!own) continue;
    for (const r of routesFor(own, routes)) {
      await runInNetns(netns, 'ip', ['route', 'replace', r.podCidr, 'via', r.address]);
      lines.push(`${netns}: ${r.podCidr} via ${r.address} (${r.node})`);
    }
  }
  return lines;
}

/** Deletes, in each namespace, the routes whose gateway is `address` (a stopped node's pod CIDR). */
export async function removePodRoutesVia(address: string, namespaces: string[]): Promise<void> {
  for (const netns of namespaces) {
    const out = await runCommand('ip', ['-n', netns, '-4', 'route', 'show', 'via', address], { allowFailure: true });
    for (const dst of out.stdout.split('\n').map((l) => l.trim().split(' ')[0]).filter(Boolean)) {
      await runInNetns(netns, 'ip', ['route', 'delete', dst, 'via', address], { allowFailure: true });
    }
  }
}
