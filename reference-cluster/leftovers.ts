/**
 * What a reference cluster could leave on the machine after `down`, looked
 * for so that `down` can say "nothing left" or name what stayed: mounts under
 * the state directory (container root file systems, volumes, pod network
 * namespaces), processes that name the state directory or live in a node's
 * cgroup (shims, pods), the network namespaces and the bridge, the FORWARD
 * rule nodes insert (node/bridge-forwarding.ts), the nodes' cgroups, the
 * kubelets' log links and containerd's socket directories.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from './layout.ts';
import { BRIDGE, MAX_WORKERS, ourNamespaces } from './network.ts';
import { bridgeForwardRule } from './node/bridge-forwarding.ts';
import { cgroupHierarchies } from './node/node-cgroups.ts';
import { CONTAINER_LOG_LINKS, mountsUnder } from './node/node-cleanup.ts';
import { nodeStateDir, realNodes } from './control-plane/real-nodes.ts';
import { nodePaths, SHORT_SOCKET_ROOT } from './node/node-paths.ts';

export interface Leftovers {
  mounts: string[];
  /** `pid command` of each process left. */
  processes: string[];
  namespaces: string[];
  bridge: boolean;
  forwardRule: boolean;
  cgroups: string[];
  /** Links in /var/log/containers into the state directory. */
  logLinks: string[];
  /** containerd socket directories kept outside the state directory (node/node-paths.ts). */
  socketDirs: string[];
}

/** The cgroup roots nodes use (`/ks-worker`: node.ts names them after the namespace). */
function nodeCgroupRoots(): string[] {
  return realNodes(MAX_WORKERS).map((n) => `/${n.netns}`);
}

function processesLeft(runDir: string, cgroupRoots: string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const cgroups = readFileSync(`/proc/${entry}/cgroup`, 'utf8').split('\n').map((l) => l.split(':')[2] ?? '');
      const inNode = cgroups.some((c) => cgroupRoots.some((r) => c === r || c.startsWith(`${r}/`)));
      if (inNode || argv.some((a) => a.includes(runDir))) found.push(`${entry} ${argv.join(' ').slice(0, 160)}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Looks for everything the cluster of `l` could have left. */
export function findLeftovers(l: Layout): Leftovers {
  const roots = nodeCgroupRoots();
  const linksDir = CONTAINER_LOG_LINKS;
  return {
    mounts: mountsUnder(l.runDir),
    processes: processesLeft(l.runDir, roots),
    namespaces: ourNamespaces(),
    bridge: spawnSync('ip', ['link', 'show', BRIDGE], { stdio: 'ignore' }).status === 0,
    forwardRule: spawnSync('iptables', ['-w', '-C', 'FORWARD', ...bridgeForwardRule(BRIDGE)], { stdio: 'ignore' }).status === 0,
    cgroups: cgroupHierarchies().flatMap((h) => roots.map((r) => join(h, r)).filter((d) => existsSync(d))),
    logLinks: existsSync(linksDir)
      ? readdirSync(linksDir).filter((name) => {
          try {
            return readlinkSync(join(linksDir, name)).startsWith(`${l.runDir}/`);
          } catch {
            return false;
          }
        })
      : [],
    socketDirs: realNodes(MAX_WORKERS)
      .map((n) => nodePaths(nodeStateDir(l, n.netns)))
      .filter((p) => p.socketDir !== p.containerdDir && existsSync(p.socketDir))
      .map((p) => p.socketDir)
      .concat(existsSync(SHORT_SOCKET_ROOT) && readdirSync(SHORT_SOCKET_ROOT).length === 0 ? [SHORT_SOCKET_ROOT] : []),
  };
}

/** One line per kind of leftover; none when the machine is clean. */
export function describeLeftovers(x: Leftovers): string[] {
  const lines: string[] = [];
  if (x.mounts.length) lines.push(`mounts: ${x.mounts.join(', ')}`);
  if (x.processes.length) lines.push(`processes: ${x.processes.join('; ')}`);
  if (x.namespaces.length) lines.push(`network namespaces: ${x.namespaces.join(', ')}`);
  if (x.bridge) lines.push(`bridge ${BRIDGE}`);
  if (x.forwardRule) lines.push(`iptables FORWARD rule for ${BRIDGE}`);
  if (x.cgroups.length) lines.push(`cgroups: ${x.cgroups.join(', ')}`);
  if (x.logLinks.length) lines.push(`log links in ${CONTAINER_LOG_LINKS}: ${x.logLinks.length}`);
  if (x.socketDirs.length) lines.push(`containerd socket directories: ${x.socketDirs.join(', ')}`);
  return lines;
}
