/**
 * Each node's pods live under a cgroup of their own (the kubelet's
 * cgroupRoot), as kind gives each node container its own cgroup namespace:
 * two kubelets on one machine would otherwise both claim /kubepods. The
 * kubelet requires its cgroupRoot to exist in every hierarchy (kind's node
 * entrypoint makes /kubelet for the same reason), so we create it and remove
 * it when the node stops.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CGROUP_MOUNT = '/sys/fs/cgroup';

/** The hierarchies mounted under /sys/fs/cgroup (v1 controllers, name=systemd, the unified v2 tree). */
export function cgroupHierarchies(mount = CGROUP_MOUNT): string[] {
  if (existsSync(join(mount, 'cgroup.controllers'))) return [mount];
  return readdirSync(mount)
    .map((d) => join(mount, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'cgroup.procs')));
}

/** Creates `root` (e.g. `/ks-worker`) in every hierarchy. */
export function createCgroupRoot(root: string, mount = CGROUP_MOUNT): void {
  for (const h of cgroupHierarchies(mount)) {
    const dir = join(h, root);
    if (existsSync(dir)) continue;
    mkdirSync(dir, { recursive: true });
    // A new cpuset cgroup starts with no CPUs or memory nodes: give it its parent's.
    if (existsSync(join(dir, 'cpuset.cpus')) && !readFileSync(join(dir, 'cpuset.cpus'), 'utf8').trim()) {
      writeFileSync(join(dir, 'cpuset.cpus'), readFileSync(join(h, 'cpuset.cpus'), 'utf8'));
      writeFileSync(join(dir, 'cpuset.mems'), readFileSync(join(h, 'cpuset.mems'), 'utf8'));
    }
  }
}

function removeTree(dir: string): string[] {
  const failures: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) failures.push(...removeTree(join(dir, entry.name)));
  }
  try {
    rmdirSync(dir);
  } catch (e) {
    failures.push(`${dir}: ${(e as Error).message}`);
  }
  return failures;
}

/** Removes `root` and everything below it (empty cgroups only); returns what could not go. */
export function removeCgroupRoot(root: string, mount = CGROUP_MOUNT): string[] {
  const failures: string[] = [];
  for (const h of cgroupHierarchies(mount)) {
    const dir = join(h, root);
    if (existsSync(dir)) failures.push(...removeTree(dir));
  }
  return failures;
}
