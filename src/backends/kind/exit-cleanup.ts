/**
 * The cluster goes away with the run, also when the run is interrupted: on
 * process exit the node containers are removed synchronously (the event loop
 * gets no other turn then), and SIGINT or SIGTERM end the process at once.
 * The scenarios' namespaces need no cleanup of their own: they go with the
 * cluster. Only a cluster this run may remove is registered (not a kept one).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface ExitCleanupTarget {
  nodes: string[];
  kubeconfigPath?: string;
}

/** The docker command line that removes the nodes and their volumes (exported for tests). */
export function removalCommand(target: ExitCleanupTarget): string[] {
  return ['rm', '--force', '--volumes', ...target.nodes];
}

/** Removes the target when the process exits, until the returned function is called. */
export function removeOnExit(target: ExitCleanupTarget, docker = 'docker'): () => void {
  const onExit = () => {
    spawnSync(docker, removalCommand(target), { stdio: 'ignore', timeout: 60_000 });
    if (target.kubeconfigPath) rmSync(target.kubeconfigPath, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`kube-scenarios: ${signal}: removing the kind cluster's nodes\n`);
    // Exit now (the exit handler removes the nodes): left to other listeners, none might end the process
    // (signal-exit, used by dependencies, defers to any other listener). Namespaces go with the cluster.
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
