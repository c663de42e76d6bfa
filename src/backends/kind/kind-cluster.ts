/**
 * One kind cluster for a whole run: made (or reused) before cucumber starts,
 * shared by every scenario and worker through a kubeconfig file, removed at
 * the end unless kept. `upKindCluster` does what `kind create cluster` does —
 * node containers, kubeadm, CNI, storage, workers, Ready, kubeconfig — over a
 * NodeEngine, printing progress as it goes.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capability } from '../../backend/backend.ts';
import { SettingsError } from '../../backend/run-settings.ts';
import type { KindClusterOptions } from './cluster-options.ts';
import { hostKubeconfig } from './host-kubeconfig.ts';
import { API_SERVER_INTERNAL_PORT } from './kubeadm-config.ts';
import { KIND_NETWORK, nodeContainerSpec } from './node-container-spec.ts';
import type { NodeEngine } from './node-engine.ts';
import { kindContextName, plannedNodes } from './node-names.ts';
import type { Progress } from './progress.ts';
import { ADMIN_CONF, STATE_FILE, addonProvisioning, clusterProvisioning, type ClusterState, type ProvisionAction, type ProvisionStep, type StartedNode } from './provisioning-plan.ts';
import { decideReuse } from './reuse-decision.ts';

/** What the run needs to know about its cluster; JSON, handed to parallel workers. */
export interface KindClusterHandle {
  name: string;
  context: string;
  /** A kubeconfig for the host with only this cluster (mode 0600). */
  kubeconfigPath: string;
  nodes: string[];
  reused: boolean;
  /** What the cluster offers beyond any kubeconfig cluster: its addons and proxy mode. */
  capabilities: Capability[];
}

export interface KindClusterDeps {
  engine: NodeEngine;
  progress: Progress;
  /** Where the kubeconfig is written: DIR/NAME/kubeconfig. */
  kubeconfigDir: string;
  /** --recreate-cluster */
  recreate: boolean;
  /** --keep-cluster: a cluster that failed to come up stays for a look. */
  keep: boolean;
  /** host:pid of this process. */
  creator: string;
  creatorAlive: (creator: string) => boolean;
  /** Waits between checks of a waiting step. */
  sleep: (seconds: number) => Promise<void>;
  /** Seconds a node container may take to boot its init system. */
  nodeStartupSeconds?: number;
  /** Called once the nodes are this run's to remove: before they are made, or when an earlier run's are reused. */
  onOwned?: (nodes: string[]) => void;
}

export class ProvisioningError extends Error {}

/** The last lines of a command's output that say something: Go stack frames (kubeadm prints them on failure) left out. */
function tail(text: string, lines = 15): string {
  const saying = text.trimEnd().split('\n').filter((l) => !/^\t/.test(l) && !/^[\w./-]+\.[\w.*()]+$/.test(l) && !/^(runtime\.|main\.)/.test(l));
  return saying.slice(-lines).join('\n');
}

async function runAction(engine: NodeEngine, action: ProvisionAction, sleep: (s: number) => Promise<void>): Promise<void> {
  switch (action.kind) {
    case 'write-file':
      await engine.writeFile(action.node, action.path, action.content);
      return;
    case 'run': {
      const r = await engine.exec(action.node, action.argv);
      if (r.exitCode !== 0) {
        throw new ProvisioningError(`\`${action.argv.join(' ')}\` failed on ${action.node} with exit status ${r.exitCode}:\n${tail(r.stderr || r.stdout)}`);
      }
      return;
    }
    case 'wait-all-true': {
      const interval = 2;
      let last = '';
      for (let waited = 0; waited <= action.timeoutSeconds; waited += interval) {
        const r = await engine.exec(action.node, action.argv);
        last = (r.stdout || r.stderr).trim();
        const words = r.exitCode === 0 ? r.stdout.replace(/'/g, ' ').split(/\s+/).filter(Boolean) : [];
        if (words.length === action.count && words.every((w) => w === 'True')) return;
        await sleep(interval);
      }
      throw new ProvisioningError(`not ready after ${action.timeoutSeconds}s: \`${action.argv.join(' ')}\` on ${action.node} last said: ${last || '(nothing)'}`);
    }
  }
}

async function runSteps(deps: KindClusterDeps, steps: ProvisionStep[]): Promise<void> {
  for (const step of steps) {
    await deps.progress.step(step.title, async () => {
      if (step.concurrent) await Promise.all(step.actions.map((a) => runAction(deps.engine, a, deps.sleep)));
      else for (const a of step.actions) await runAction(deps.engine, a, deps.sleep);
    });
  }
}

async function readState(engine: NodeEngine, controlPlane: string): Promise<ClusterState | undefined> {
  const r = await engine.exec(controlPlane, ['cat', STATE_FILE]).catch(() => undefined);
  if (!r || r.exitCode !== 0) return undefined;
  try {
    const parsed = JSON.parse(r.stdout) as Partial<ClusterState>;
    return { provisioned: parsed.provisioned === true, ingressNginx: parsed.ingressNginx === true, loadBalancer: parsed.loadBalancer === 'metallb' ? 'metallb' : 'none' };
  } catch {
    return undefined;
  }
}

/** What a cluster with these options and addons offers scenarios, beyond any kubeconfig cluster. */
export function capabilitiesOf(options: KindClusterOptions, installed: Omit<ClusterState, 'provisioned'>): Capability[] {
  const caps: Capability[] = [];
  if (options.ingressNginx || installed.ingressNginx) caps.push('ingress');
  if (options.loadBalancer !== 'none' || installed.loadBalancer !== 'none') caps.push('loadbalancer');
  if (options.kubeProxyMode === 'ipvs') caps.push('ipvs');
  return caps;
}

/** Makes the cluster, or reuses one an earlier run left, and writes its kubeconfig. */
export async function upKindCluster(options: KindClusterOptions, deps: KindClusterDeps): Promise<KindClusterHandle> {
  const { engine, progress } = deps;
  const planned = plannedNodes(options.name, options.workers);
  const controlPlane = planned[0].name;
  const existing = await engine.listNodes(options.name);
  const cpRunning = existing.some((n) => n.name === controlPlane && n.running);
  const state = cpRunning ? await readState(engine, controlPlane) : undefined;
  const decision = decideReuse(options, existing, { state, recreate: deps.recreate, creatorAlive: deps.creatorAlive });
  if (decision.action === 'refuse') throw new SettingsError(decision.message);

  const { subnet } = await engine.ensureNetwork(KIND_NETWORK);
  let installed: Omit<ClusterState, 'provisioned'> = { ingressNginx: false, loadBalancer: 'none' };
  deps.onOwned?.(planned.map((n) => n.name));
  if (decision.action === 'reuse') {
    progress.note(`Reusing cluster "${options.name}" (nodes ${existing.map((n) => n.name).sort().join(', ')}) ...`);
    installed = decision.state;
  } else {
    if (decision.action === 'recreate') {
      progress.note(`Replacing cluster "${options.name}": ${decision.reason}`);
      await progress.step('Removing the earlier nodes 🗑️', () => engine.removeNodes(existing.map((n) => n.name)));
    }
    progress.note(`Creating cluster "${options.name}" ...`);
    await progress.step(`Preparing nodes 📦 (${options.nodeImage})`, async () => {
      const context = { creator: deps.creator, hostHasModules: engine.hostHasModules() };
      try {
        for (const node of planned) await engine.startNode(nodeContainerSpec(options, node, context), deps.nodeStartupSeconds ?? 120);
      } catch (error) {
        // Half a cluster helps no one: remove what started, then say why.
        await engine.removeNodes(planned.map((n) => n.name)).catch(() => undefined);
        throw error;
      }
    });
  }

  const started: StartedNode[] = [];
  for (const node of planned) started.push({ ...node, address: await engine.nodeAddress(node.name, KIND_NETWORK) });
  try {
    if (decision.action !== 'reuse') await runSteps(deps, clusterProvisioning(options, started));
    await runSteps(deps, addonProvisioning(options, started, installed, subnet));
  } catch (error) {
    if (decision.action !== 'reuse') {
      if (deps.keep) progress.note(`The cluster "${options.name}" is kept for a look (docker exec -it ${controlPlane} bash); the next run replaces it.`);
      else await engine.removeNodes(planned.map((n) => n.name)).catch(() => undefined);
    }
    throw error;
  }

  const admin = await engine.exec(controlPlane, ['cat', ADMIN_CONF]);
  if (admin.exitCode !== 0) throw new ProvisioningError(`cannot read ${ADMIN_CONF} on ${controlPlane}: ${admin.stderr.trim()}`);
  const port = await engine.hostPort(controlPlane, API_SERVER_INTERNAL_PORT);
  const dir = join(deps.kubeconfigDir, options.name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kubeconfigPath = join(dir, 'kubeconfig');
  // It holds the cluster's admin credentials.
  writeFileSync(kubeconfigPath, hostKubeconfig(admin.stdout, options.name, `https://127.0.0.1:${port}`), { mode: 0o600 });
  chmodSync(kubeconfigPath, 0o600);
  progress.note(`Cluster "${options.name}" is ready: kubectl --kubeconfig ${kubeconfigPath} get nodes`);
  return {
    name: options.name,
    context: kindContextName(options.name),
    kubeconfigPath,
    nodes: planned.map((n) => n.name),
    reused: decision.action === 'reuse',
    capabilities: capabilitiesOf(options, installed),
  };
}

/** Removes the cluster's nodes (with their volumes) and its kubeconfig. */
export async function downKindCluster(handle: KindClusterHandle, engine: NodeEngine, progress: Progress): Promise<void> {
  await progress.step(`Deleting cluster "${handle.name}" 🧹`, async () => {
    await engine.removeNodes(handle.nodes);
    rmSync(handle.kubeconfigPath, { force: true });
  });
}
