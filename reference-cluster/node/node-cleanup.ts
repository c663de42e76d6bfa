/**
 * What a stopped node leaves behind unless removed: containers still running
 * under their shims (a shim outlives containerd by design), the pods'
 * processes, mounts under the state directory (container root file systems,
 * volumes, pod network namespaces, the kubelet's shared root) and the node's
 * cgroups.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CRI_NAMESPACE } from '../images/import-images.ts';
import { runCommand } from './run-command.ts';

/** Kills and deletes every container of the node's containerd (while it still runs). */
export async function removeContainers(socket: string): Promise<number> {
  const ctr = (args: string[]) => runCommand('ctr', ['--address', socket, '--namespace', CRI_NAMESPACE, ...args], { allowFailure: true });
  const tasks = (await ctr(['tasks', 'list', '--quiet'])).stdout.split('\n').filter(Boolean);
  for (const id of tasks) await ctr(['tasks', 'kill', '--signal', 'SIGKILL', id]);
  for (const id of tasks) await ctr(['tasks', 'delete', '--force', id]);
  const containers = (await ctr(['containers', 'list', '--quiet'])).stdout.split('\n').filter(Boolean);
  for (const id of containers) await ctr(['containers', 'delete', id]);
  return tasks.length;
}

/** Processes whose cgroup lies under `cgroupRoot` in any hierarchy (the node's pods). */
export function processesInCgroup(cgroupRoot: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const lines = readFileSync(`/proc/${entry}/cgroup`, 'utf8').split('\n');
      if (lines.some((l) => l.split(':')[2]?.startsWith(`${cgroupRoot}/`) || l.split(':')[2] === cgroupRoot)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Shims started by the containerd listening on `socket` (their command line names its address). */
export function shimsOf(socket: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[0]?.includes('containerd-shim') && argv.includes(socket)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Mount points at or under `dir`, deepest first. */
export function mountsUnder(dir: string, mountinfo = readFileSync('/proc/self/mountinfo', 'utf8')): string[] {
  const points = mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => !!p && (p === dir || p.startsWith(`${dir}/`)))
    .map((p) => p.replace(/\\040/g, ' '));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** Unmounts everything under `dir` (lazily when busy); returns what was unmounted. */
export async function unmountUnder(dir: string): Promise<string[]> {
  const done: string[] = [];
  // A mount may be stacked more than once (the kubelet's root bind and mounts below it).
  for (let round = 0; round < 5; round++) {
    const points = mountsUnder(dir);
    if (points.length === 0) break;
    for (const p of points) {
      const r = await runCommand('umount', [p], { allowFailure: true });
      if (r.code !== 0) await runCommand('umount', ['--lazy', p], { allowFailure: true });
      done.push(p);
    }
  }
  return done;
}

export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Where the kubelet links every container's log (a constant of the kubelet: ContainerLogsDir). */
export const CONTAINER_LOG_LINKS = '/var/log/containers';

/** Removes the links in /var/log/containers that point into `podLogsDir` (the node's logs). */
export function removeContainerLogLinks(podLogsDir: string, linksDir = CONTAINER_LOG_LINKS): number {
  if (!existsSync(linksDir)) return 0;
  let removed = 0;
  for (const name of readdirSync(linksDir)) {
    try {
      if (readlinkSync(join(linksDir, name)).startsWith(`${podLogsDir}/`)) {
        rmSync(join(linksDir, name));
        removed++;
      }
    } catch {
      // not a link, or gone meanwhile
    }
  }
  return removed;
}
