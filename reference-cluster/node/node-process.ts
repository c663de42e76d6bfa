/**
 * The node's long-running programs (containerd, kubelet, kube-proxy): each
 * started detached inside the node's network namespace with nsenter, which
 * enters only the network namespace, so every program of the node shares the
 * machine's mount namespace and sees the same mounts (the kubelet's volume
 * mounts must be visible to containerd and runc). Logs go to
 * STATE/logs/NAME.log, the pid to STATE/pids/NAME.pid, so stopNode works from
 * another process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodePaths } from './node-paths.ts';

export interface NodeProcess {
  name: string;
  pid: number;
  log: string;
}

/** Starts `argv` in `netns` (nsenter and any wrapper exec, so the pid is the program's own). */
export function startInNetns(paths: NodePaths, name: string, netns: string, argv: string[]): NodeProcess {
  mkdirSync(paths.logDir, { recursive: true });
  mkdirSync(paths.pidDir, { recursive: true });
  const log = join(paths.logDir, `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn('nsenter', [`--net=/run/netns/${netns}`, '--', ...argv], { detached: true, stdio: ['ignore', fd, fd] });
  child.unref();
  if (child.pid === undefined) throw new Error(`${name}: could not start ${argv[0]}`);
  writeFileSync(join(paths.pidDir, `${name}.pid`), `${child.pid}\n`);
  return { name, pid: child.pid, log };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The node's processes with a pid file, in the order they were started. */
export function recordedNodeProcesses(paths: NodePaths): NodeProcess[] {
  if (!existsSync(paths.pidDir)) return [];
  return readdirSync(paths.pidDir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => ({ name: f.slice(0, -4), pid: Number(readFileSync(join(paths.pidDir, f), 'utf8').trim()), log: join(paths.logDir, `${f.slice(0, -4)}.log`) }));
}

/** SIGTERM, SIGKILL after `graceMs`; removes the pid file. */
export async function stopNodeProcess(paths: NodePaths, p: NodeProcess, graceMs = 10_000): Promise<void> {
  if (isAlive(p.pid)) {
    process.kill(p.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(p.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
  }
  rmSync(join(paths.pidDir, `${p.name}.pid`), { force: true });
}
