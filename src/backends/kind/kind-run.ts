/**
 * The kind part of `npm run features -- --backend kind`: before cucumber
 * starts, decide the addons from the planned features, make or reuse the
 * cluster with progress on the terminal, and hand it to the workers; after,
 * remove it unless it is kept. Interrupted runs remove it too.
 */
import { readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { resolveAddons, type KindOptionsInput } from './cluster-options.ts';
import { handOff } from './cluster-handoff.ts';
import { DockerEngine } from './docker-engine.ts';
import { removeOnExit } from './exit-cleanup.ts';
import { downKindCluster, upKindCluster, type KindClusterHandle } from './kind-cluster.ts';
import { tagsOfFeatures } from './planned-tags.ts';
import { Progress } from './progress.ts';

export interface PreparedKindRun {
  handle: KindClusterHandle;
  /** World parameters naming the cluster, for the report. */
  worldParameters: { kindCluster: KindClusterHandle };
  /** Removes the cluster unless it is kept; says where a kept one is. */
  finish(): Promise<void>;
}

function processAlive(creator: string): boolean {
  const [host, pid] = creator.split(':');
  if (host !== hostname()) return true; // another machine's process: assume it is alive, never take its cluster
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

/** Where kubeconfigs of kind clusters live: $XDG_CACHE_HOME/kube-scenarios/kind, else ~/.cache/... */
export function kubeconfigDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kube-scenarios', 'kind');
}

/** Makes or reuses the cluster for the planned feature files and puts it where the workers find it. */
export async function prepareKindRun(input: KindOptionsInput, plannedFeatureFiles: string[], env: NodeJS.ProcessEnv, write: (text: string) => void): Promise<PreparedKindRun> {
  const tags = tagsOfFeatures(plannedFeatureFiles.map((f) => readFileSync(f, 'utf8')));
  const options = resolveAddons(input, tags);
  const progress = new Progress(write);
  const engine = await DockerEngine.connect();
  let stopRemovingOnExit = () => {};
  const handle = await upKindCluster(options, {
    engine,
    progress,
    kubeconfigDir: kubeconfigDir(env),
    recreate: input.recreateCluster,
    keep: input.keepCluster,
    creator: `${hostname()}:${process.pid}`,
    creatorAlive: processAlive,
    sleep: (s) => new Promise((resolve) => setTimeout(resolve, s * 1000)),
    onOwned: (nodes) => {
      if (!input.keepCluster) stopRemovingOnExit = removeOnExit({ nodes, kubeconfigPath: join(kubeconfigDir(env), options.name, 'kubeconfig') });
    },
  });
  return {
    handle,
    worldParameters: handOff(handle, env),
    async finish() {
      if (input.keepCluster) {
        write(`Kept cluster "${handle.name}": kubectl --kubeconfig ${handle.kubeconfigPath} get nodes; the next run with the same options reuses it.\n`);
        return;
      }
      await downKindCluster(handle, engine, progress);
      stopRemovingOnExit();
    },
  };
}
