/**
 * The node's long-running programs (containerd, kubelet, kube-proxy): each
 * started detached inside the node's network namespace with nsenter, which
 * enters only the network namespace, so every program of the node shares the
 * machine's mount namespace and sees the same mounts (the kubelet's volume
 * mounts must be visible to containerd and runc). Logs and pid files live in
 * the node's state dir (reference-cluster/processes.ts keeps them), so
 * stopNode works from another process.
 */
import { join } from 'node:path';
import { isAlive, recordedProcesses, startDetached, stopProcess } from '../processes.ts';
import type { NodePaths } from './node-paths.ts';

export { isAlive };

export interface NodeProcess {
  name: string;
  pid: number;
  log: string;
}

/** Starts `argv` in `netns` (nsenter and any wrapper exec, so the pid is the program's own). */
export function startInNetns(paths: NodePaths, name: string, netns: string, argv: string[]): NodeProcess {
  const pid = startDetached(paths, name, ['nsenter', `--net=/run/netns/${netns}`, '--', ...argv]);
  return { name, pid, log: join(paths.logDir, `${name}.log`) };
}

/** The node's processes with a pid file. */
export function recordedNodeProcesses(paths: NodePaths): NodeProcess[] {
  return recordedProcesses(paths).map(({ name, pid, log }) => ({ name, pid, log }));
}

/** SIGTERM, SIGKILL after `graceMs`; removes the pid file. */
export async function stopNodeProcess(paths: NodePaths, p: NodeProcess, graceMs = 10_000): Promise<void> {
  await stopProcess(paths, { ...p, alive: isAlive(p.pid) }, graceMs);
}
