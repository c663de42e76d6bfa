/**
 * Starting and stopping the cluster's processes: each runs detached inside its
 * network namespace, logs to run/logs/NAME.log and leaves its pid in
 * run/pids/NAME.pid, so `down` and `status` work from another shell.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a group of processes keeps its logs and pid files (the cluster's Layout, a node's NodePaths). */
export interface ProcessDirs {
  logDir: string;
  pidDir: string;
}

export interface RunningProcess {
  name: string;
  pid: number;
  alive: boolean;
  log: string;
}

/** Starts `argv` detached, logging to logDir/NAME.log, its pid in pidDir/NAME.pid; returns the pid. */
export function startDetached(dirs: ProcessDirs, name: string, argv: string[], env: NodeJS.ProcessEnv = process.env): number {
  mkdirSync(dirs.logDir, { recursive: true });
  mkdirSync(dirs.pidDir, { recursive: true });
  const log = openSync(join(dirs.logDir, `${name}.log`), 'a');
  const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log], env });
  child.unref();
  if (child.pid === undefined) throw new Error(`${name}: could not start ${argv[0]}`);
  writeFileSync(join(dirs.pidDir, `${name}.pid`), `${child.pid}\n`);
  return child.pid;
}

/**
 * Starts `binary args` inside `netns` (ip netns exec execs it, so the pid is
 * the binary's), or in the machine's own network namespace when none is given.
 */
export function startProcess(l: ProcessDirs, name: string, netns: string | undefined, binary: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  return startDetached(l, name, netns ? ['ip', 'netns', 'exec', netns, binary, ...args] : [binary, ...args], env);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes with a pid file, alive or not. */
export function recordedProcesses(l: ProcessDirs): RunningProcess[] {
  if (!existsSync(l.pidDir)) return [];
  return readdirSync(l.pidDir)
    .filter((f) => f.endsWith('.pid'))
    .map((f) => {
      const name = f.slice(0, -4);
      const pid = Number(readFileSync(join(l.pidDir, f), 'utf8').trim());
      return { name, pid, alive: isAlive(pid), log: join(l.logDir, `${name}.log`) };
    });
}

/** SIGTERM, then SIGKILL after `graceMs`; removes the pid file. */
export async function stopProcess(l: ProcessDirs, p: RunningProcess, graceMs = 10_000): Promise<void> {
  if (p.alive) {
    process.kill(p.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(p.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(p.pid)) process.kill(p.pid, 'SIGKILL');
  }
  rmSync(join(l.pidDir, `${p.name}.pid`), { force: true });
}
