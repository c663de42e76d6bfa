/**
 * scripts/reference-cluster up|down|status: a real Kubernetes on this machine,
 * built from the official Go modules and run as processes the way
 * hack/local-up-cluster.sh runs them, inside network namespaces of its own.
 *
 *   up [--stage 1|2]   build (cached), start, wait until usable, print what runs
 *   down               stop everything, delete the namespaces, the bridge and the state
 *   status             what runs, the API server's readiness, the nodes
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBinaries } from './build/build-binaries.ts';
import { API_SERVER_URL } from './control-plane/components.ts';
import { startControlPlane } from './control-plane/start-control-plane.ts';
import { KUBERNETES_VERSION, layout } from './layout.ts';
import { deleteBridge, deleteNodeNamespace, ourNamespaces } from './network.ts';
import { recordedProcesses, stopProcess } from './processes.ts';
import { REFERENCE_CONTEXT } from './kubeconfig-file.ts';
import { ensureHostPackages } from './host-packages.ts';

const USAGE = 'usage: scripts/reference-cluster up [--stage 1|2] | down | status';

function log(line: string): void {
  process.stdout.write(`reference-cluster: ${line}\n`);
}

async function up(stage: 1 | 2): Promise<void> {
  const l = layout();
  const started = Date.now();
  ensureHostPackages(log);
  const buildStarted = Date.now();
  const took = buildBinaries(l.binDir, log);
  const buildSeconds = Math.round((Date.now() - buildStarted) / 1000);
  log(Object.keys(took).length ? `built ${Object.entries(took).map(([m, s]) => `${m} in ${s}s`).join(', ')}` : `binaries up to date (${l.binDir})`);
  const startStarted = Date.now();
  const running = await startControlPlane(l, stage, log);
  const startSeconds = Math.round((Date.now() - startStarted) / 1000);
  log(`Kubernetes ${KUBERNETES_VERSION} is up (stage ${stage}): build ${buildSeconds}s, start ${startSeconds}s, total ${Math.round((Date.now() - started) / 1000)}s`);
  for (const line of running) log(`  ${line}`);
  log(`kubeconfig: ${l.kubeconfig} (context ${REFERENCE_CONTEXT}, server ${API_SERVER_URL})`);
  log(`try: KUBECONFIG=${l.kubeconfig} kubectl get nodes -o wide`);
}

async function down(): Promise<void> {
  const l = layout();
  for (const p of recordedProcesses(l).reverse()) {
    await stopProcess(l, p);
    log(`stopped ${p.name} (pid ${p.pid})`);
  }
  const stopNode = await loadNodeStopper();
  for (const ns of ourNamespaces()) {
    if (stopNode && ns !== 'ks-control-plane') await stopNode({ name: ns, netns: ns, stateDir: join(l.runDir, 'nodes', ns) });
    deleteNodeNamespace(ns);
    log(`deleted network namespace ${ns}`);
  }
  deleteBridge();
  rmSync(l.runDir, { recursive: true, force: true });
  log('down: processes stopped, namespaces, bridge and state removed (the build cache stays)');
}

/** Stage 2's node stopper, when that part is present. */
async function loadNodeStopper(): Promise<((o: { name: string; netns: string; stateDir: string }) => Promise<void>) | undefined> {
  const path = new URL('./node/node.ts', import.meta.url);
  if (!existsSync(path)) return undefined;
  const mod = (await import(path.href)) as { stopNode?: (o: { name: string; netns: string; stateDir: string }) => Promise<void> };
  return mod.stopNode;
}

function status(): number {
  const l = layout();
  const processes = recordedProcesses(l);
  if (processes.length === 0) {
    log('not running');
    return 3;
  }
  for (const p of processes) log(`${p.alive ? 'running' : 'DEAD   '} ${p.name} pid ${p.pid} (log ${p.log})`);
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
  return processes.every((p) => p.alive) ? 0 : 1;
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
      await down();
      return 0;
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
