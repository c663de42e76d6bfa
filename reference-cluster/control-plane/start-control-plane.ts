/**
 * Brings the control plane up in order, waiting for each process to serve
 * before the next starts (as kubeadm's static pods settle), then adds what a
 * kind cluster holds and, in stage 1, the kwok-managed nodes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Layout } from '../layout.ts';
import { CONTROL_PLANE, ensureBridge, ensureNodeNamespace, workerNetworks } from '../network.ts';
import { ensureControlPlanePki } from '../pki.ts';
import { writeKubeconfig } from '../kubeconfig-file.ts';
import { isAlive, recordedProcesses, startProcess } from '../processes.ts';
import type { Component } from './components.ts';
import { API_SERVER_URL, controlPlaneComponents } from './components.ts';
import { corednsComponent } from './cluster-dns.ts';
import { fakeNodes, kwokComponent } from './fake-nodes.ts';
import { systemObjects } from './system-objects.ts';
import { startRealNodes } from './real-nodes.ts';

const READY_TIMEOUT_MS = 180_000;

function probe(netns: string, url: string): boolean {
  try {
    const code = execFileSync('ip', ['netns', 'exec', netns, 'curl', '-sk', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '2', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return code.trim() === '200';
  } catch {
    return false;
  }
}

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Starts a component unless it already runs, and waits until it serves. */
async function startAndWait(l: Layout, c: Component, log: (line: string) => void): Promise<number> {
  const existing = recordedProcesses(l).find((p) => p.name === c.name && p.alive);
  const pid = existing?.pid ?? startProcess(l, c.name, c.netns, c.binary, c.args);
  const logFile = join(l.logDir, `${c.name}.log`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!isAlive(pid)) throw new Error(`${c.name} exited; last lines of ${logFile}:\n${tail(logFile)}`);
    const ready =
      'https' in c.ready ? probe(c.netns, c.ready.https) : 'http' in c.ready ? probe(c.netns, c.ready.http) : c.ready.logLine.test(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${c.name} did not become ready in ${READY_TIMEOUT_MS / 1000}s; last lines of ${logFile}:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`${c.name} ready (pid ${pid})`);
  return pid;
}

function kubectl(l: Layout, args: string[], input?: string): string {
  return execFileSync('kubectl', ['--kubeconfig', l.kubeconfig, ...args], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

async function waitFor(what: string, check: () => boolean, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Starts everything for `stage`; returns lines that say what runs. */
export async function startControlPlane(l: Layout, stage: 1 | 2, log: (line: string) => void): Promise<string[]> {
  mkdirSync(l.runDir, { recursive: true });
  writeFileSync(join(l.runDir, 'stage'), `${stage}\n`);
  ensureBridge();
  ensureNodeNamespace(CONTROL_PLANE);
  ensureControlPlanePki(l.pkiDir, { dns: [CONTROL_PLANE.node], ips: ['10.96.0.1', CONTROL_PLANE.address] });
  writeKubeconfig(l.kubeconfig, l.pkiDir, 'admin', API_SERVER_URL);
  writeKubeconfig(join(l.runDir, 'admin-local.conf'), l.pkiDir, 'admin', 'https://127.0.0.1:6443');
  for (const user of ['controller-manager', 'scheduler']) writeKubeconfig(join(l.runDir, `${user}.conf`), l.pkiDir, user, 'https://127.0.0.1:6443');

  const lines: string[] = [];
  for (const c of controlPlaneComponents(l)) {
    const pid = await startAndWait(l, c, log);
    lines.push(`${c.name} pid ${pid} in netns ${c.netns}`);
  }
  await waitFor('the default service account', () => {
    try {
      kubectl(l, ['get', 'serviceaccount', 'default', '-n', 'default']);
      return true;
    } catch {
      return false;
    }
  });

  const workers = workerNetworks(2);
  const realNodes = stage === 2 ? new Set(workers.map((w) => w.node)) : new Set<string>();
  const manifest = [...systemObjects(), ...fakeNodes(realNodes)].map((o) => stringify(o)).join('---\n');
  kubectl(l, ['apply', '--server-side', '--force-conflicts', '-f', '-'], manifest);
  log(`applied kind's system objects and ${stage === 1 ? 3 : 1} kwok node(s)`);

  for (const c of [kwokComponent(l), corednsComponent(l)]) {
    const pid = await startAndWait(l, c, log);
    lines.push(`${c.name} pid ${pid} in netns ${c.netns}`);
  }
  if (stage === 2) lines.push(...(await startRealNodes(l, workers, log)));

  await waitFor('every node Ready', () => {
    const out = kubectl(l, ['get', 'nodes', '--no-headers']);
    return out.trim() !== '' && out.trim().split('\n').every((line) => /\sReady\s/.test(line));
  });
  await waitFor('CoreDNS Deployment available', () => kubectl(l, ['get', 'deploy', 'coredns', '-n', 'kube-system', '-o', 'jsonpath={.status.availableReplicas}']).trim() === '2');
  lines.push(...kubectl(l, ['get', 'nodes', '-o', 'wide']).trimEnd().split('\n'));
  return lines;
}
