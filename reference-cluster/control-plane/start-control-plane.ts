/**
 * Brings the control plane up in order, waiting for each process to serve
 * before the next starts (as kubeadm's static pods settle), then adds what a
 * kind cluster holds and its nodes: kwok-managed Node objects in stage 1,
 * real nodes in stage 2 (real-nodes.ts), where CoreDNS's and
 * local-path-provisioner's pods then run for real.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Layout } from '../layout.ts';
import { CONTROL_PLANE, ensureBridge, ensureNodeNamespace } from '../network.ts';
import { ensureControlPlanePki } from '../pki.ts';
import { writeKubeconfig } from '../kubeconfig-file.ts';
import { isAlive, recordedProcesses, startProcess } from '../processes.ts';
import type { Component } from './components.ts';
import { API_SERVER_URL, controlPlaneComponents } from './components.ts';
import { corednsComponent } from './cluster-dns.ts';
import { fakeNodes, kwokComponent } from './fake-nodes.ts';
import { systemObjects } from './system-objects.ts';
import { startRealNodes } from './real-nodes.ts';
import { upstreamDnsComponent } from './upstream-dns.ts';

const READY_TIMEOUT_MS = 180_000;

function probe(netns: string | undefined, url: string): boolean {
  const curl = ['curl', '-sk', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', '2', url];
  try {
    const argv = netns ? ['ip', 'netns', 'exec', netns, ...curl] : curl;
    const code = execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
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

function where(c: Component, pid: number): string {
  return `${c.name} pid ${pid} ${c.netns ? `in netns ${c.netns}` : "in the machine's network namespace"}`;
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
  for (const c of controlPlaneComponents(l, { nodeIpam: stage === 1 })) {
    const pid = await startAndWait(l, c, log);
    lines.push(where(c, pid));
  }
  await waitFor('the default service account', () => {
    try {
      kubectl(l, ['get', 'serviceaccount', 'default', '-n', 'default']);
      return true;
    } catch {
      return false;
    }
  });

  // Stage 2 has no Node objects to apply: each kubelet registers its own.
  const manifest = [...systemObjects(), ...(stage === 1 ? fakeNodes() : [])].map((o) => stringify(o)).join('---\n');
  kubectl(l, ['apply', '--server-side', '--force-conflicts', '-f', '-'], manifest);
  log(`applied kind's system objects${stage === 1 ? ' and 3 kwok nodes' : ''}`);

  for (const c of stage === 1 ? [kwokComponent(l), corednsComponent(l)] : [corednsComponent(l), upstreamDnsComponent(l)]) {
    const pid = await startAndWait(l, c, log);
    lines.push(where(c, pid));
  }
  if (stage === 2) lines.push(...(await startRealNodes(l, log)));

  await waitFor('every node Ready', () => {
    const out = kubectl(l, ['get', 'nodes', '--no-headers']);
    return out.trim() !== '' && out.trim().split('\n').every((line) => /\sReady\s/.test(line));
  });
  await waitFor('CoreDNS Deployment available', () => kubectl(l, ['get', 'deploy', 'coredns', '-n', 'kube-system', '-o', 'jsonpath={.status.availableReplicas}']).trim() === '2');
  await waitFor('local-path-provisioner available', () => kubectl(l, ['get', 'deploy', 'local-path-provisioner', '-n', 'local-path-storage', '-o', 'jsonpath={.status.availableReplicas}']).trim() === '1');
  lines.push(...kubectl(l, ['get', 'nodes', '-o', 'wide']).trimEnd().split('\n'));
  return lines;
}
