/**
 * scripts/reference-cluster up|down|status: a real Kubernetes on this machine,
 * built from the official Go modules and run as processes the way
 * hack/local-up-cluster.sh runs them, inside network namespaces of its own.
 *
 *   up [--stage 1|2]   build (cached), start, wait until usable, print what runs
 *                      (stage 1: kwok's fake nodes; stage 2: three real nodes)
 *   down               stop everything, delete the namespaces, the bridge and the
 *                      state, then say what (if anything) is left on the machine
 *   status             what runs, the API server's readiness, the nodes
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBinaries } from './build/build-binaries.ts';
import { API_SERVER_URL } from './control-plane/components.ts';
import { startControlPlane } from './control-plane/start-control-plane.ts';
import { KUBERNETES_VERSION, layout } from './layout.ts';
import { deleteBridge, deleteNodeNamespace, MAX_WORKERS, ourNamespaces } from './network.ts';
import { recordedProcesses, stopProcess } from './processes.ts';
import { REFERENCE_CONTEXT } from './kubeconfig-file.ts';
import { ensureHostPackages } from './host-packages.ts';
import { nodeStateDir, realNodes } from './control-plane/real-nodes.ts';
import { stopNode } from './node/node.ts';
import { nodePaths } from './node/node-paths.ts';
import { isAlive as nodeProcessAlive, recordedNodeProcesses } from './node/node-process.ts';
import { describeLeftovers, findLeftovers } from './leftovers.ts';

const USAGE = 'usage: scripts/reference-cluster up [--stage 1|2] | down | status';

function log(line: string): void {
  process.stdout.write(`reference-cluster: ${line}\n`);
}

/** The stage of the cluster that runs now, if one does. */
function runningStage(): string | undefined {
  const l = layout();
  if (!recordedProcesses(l).some((p) => p.alive)) return undefined;
  return existsSync(join(l.runDir, 'stage')) ? readFileSync(join(l.runDir, 'stage'), 'utf8').trim() : '?';
}

async function up(stage: 1 | 2): Promise<void> {
  const l = layout();
  const running = runningStage();
  // Stage 1's kwok Node objects and stage 2's kubelets would claim the same names.
  if (running && running !== String(stage)) throw new Error(`a stage ${running} cluster is up: scripts/reference-cluster down first`);
  const started = Date.now();
  ensureHostPackages(log, stage);
  const buildStarted = Date.now();
  const took = buildBinaries(l.binDir, log);
  const buildSeconds = Math.round((Date.now() - buildStarted) / 1000);
  log(Object.keys(took).length ? `built ${Object.entries(took).map(([m, s]) => `${m} in ${s}s`).join(', ')}` : `binaries up to date (${l.binDir})`);
  const startStarted = Date.now();
  const lines = await startControlPlane(l, stage, log);
  const startSeconds = Math.round((Date.now() - startStarted) / 1000);
  log(`Kubernetes ${KUBERNETES_VERSION} is up (stage ${stage}): build ${buildSeconds}s, start ${startSeconds}s, total ${Math.round((Date.now() - started) / 1000)}s`);
  for (const line of lines) log(`  ${line}`);
  log(`kubeconfig: ${l.kubeconfig} (context ${REFERENCE_CONTEXT}, server ${API_SERVER_URL})`);
  log(`try: KUBECONFIG=${l.kubeconfig} kubectl get nodes -o wide`);
}

async function down(): Promise<number> {
  const l = layout();
  // Real nodes first, workers before the control plane's, while the API server still answers.
  for (const n of realNodes(MAX_WORKERS).reverse()) {
    const stateDir = nodeStateDir(l, n.netns);
    if (!existsSync(stateDir)) continue;
    const started = Date.now();
    await stopNode({ name: n.node, netns: n.netns, stateDir });
    log(`stopped node ${n.node} in ${Math.round((Date.now() - started) / 1000)}s (containers, kubelet, kube-proxy, containerd; its mounts and cgroups removed)`);
  }
  for (const p of recordedProcesses(l).reverse()) {
    const started = Date.now();
    await stopProcess(l, p);
    log(`stopped ${p.name} (pid ${p.pid}) in ${Math.round((Date.now() - started) / 1000)}s`);
  }
  for (const ns of ourNamespaces()) {
    deleteNodeNamespace(ns);
    log(`deleted network namespace ${ns}`);
  }
  deleteBridge();
  const mounts = findLeftovers(l).mounts;
  // rm -r across a mount point would delete what the mount shows: keep the state instead.
  if (mounts.length) throw new Error(`mounts remain under ${l.runDir}, state kept: ${mounts.join(', ')}`);
  rmSync(l.runDir, { recursive: true, force: true });
  const left = describeLeftovers(findLeftovers(l));
  if (left.length) {
    for (const line of left) log(`LEFT BEHIND: ${line}`);
    return 1;
  }
  log('down: processes stopped, namespaces, bridge and state removed, nothing left behind (the build cache stays)');
  return 0;
}

function status(): number {
  const l = layout();
  const processes = recordedProcesses(l);
  if (processes.length === 0) {
    log('not running');
    return 3;
  }
  for (const p of processes) log(`${p.alive ? 'running' : 'DEAD   '} ${p.name} pid ${p.pid} (log ${p.log})`);
  let nodesAlive = true;
  for (const n of realNodes(MAX_WORKERS)) {
    const stateDir = nodeStateDir(l, n.netns);
    if (!existsSync(stateDir)) continue;
    const parts = recordedNodeProcesses(nodePaths(stateDir)).map((p) => {
      const alive = nodeProcessAlive(p.pid);
      nodesAlive &&= alive;
      return `${p.name} ${alive ? '' : 'DEAD '}pid ${p.pid}`;
    });
    log(`node ${n.node} (netns ${n.netns}): ${parts.join(', ') || 'nothing runs'} (logs ${nodePaths(stateDir).logDir})`);
  }
  log(`network namespaces: ${ourNamespaces().join(', ') || 'none'}`);
  try {
    const nodes = execFileSync('kubectl', ['--kubeconfig', l.kubeconfig, 'get', 'nodes', '-o', 'wide'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 });
    process.stdout.write(nodes);
  } catch (e) {
    log(`API server not answering: ${(e as { stderr?: string }).stderr?.trim() ?? String(e)}`);
    return 1;
  }
  const stage = existsSync(join(l.runDir, 'stage')) ? readFileSync(join(l.runDir, 'stage'), 'utf8').trim() : '?';
  log(`stage ${stage}; kubeconfig ${l.kubeconfig}`);
  return processes.every((p) => p.alive) && nodesAlive ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (process.getuid?.() !== 0 && command !== 'status') {
    process.stderr.write('reference-cluster: must run as root (it creates network namespaces and a bridge)\n');
    return 1;
  }
  switch (command) {
    case 'up': {
      const i = rest.indexOf('--stage');
      const stage = i >= 0 ? Number(rest[i + 1]) : 1;
      if (stage !== 1 && stage !== 2) {
        process.stderr.write(`reference-cluster: --stage must be 1 or 2\n${USAGE}\n`);
        return 2;
      }
      await up(stage);
      return 0;
    }
    case 'down':
      return down();
    case 'status':
      return status();
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`reference-cluster: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
