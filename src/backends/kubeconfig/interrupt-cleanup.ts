/**
 * On SIGINT or SIGTERM the run's namespaces are deleted before the process
 * ends, synchronously, since the event loop may not get another turn. A run
 * killed harder (SIGKILL) is cleaned by the next run (NamespaceLifecycle.cleanStale).
 */
import { spawnSync } from 'node:child_process';

/** What to delete, and with which kubeconfig and context. */
export interface InterruptTarget {
  namespaces(): string[];
  kubeconfig?: string;
  context: string;
}

const targets: InterruptTarget[] = [];
let installed = false;

/** The kubectl command lines that delete a target's namespaces (exported for tests). */
export function deletionCommands(target: InterruptTarget): string[][] {
  const config = target.kubeconfig ? ['--kubeconfig', target.kubeconfig] : [];
  return target.namespaces().map((ns) => [...config, '--context', target.context, 'delete', 'namespace', ns, '--wait=false', '--ignore-not-found']);
}

function cleanup(signal: NodeJS.Signals): void {
  let count = 0;
  for (const target of targets) {
    for (const args of deletionCommands(target)) {
      spawnSync('kubectl', args, { stdio: 'ignore', timeout: 10_000 });
      count++;
    }
  }
  process.stderr.write(`kube-scenarios: ${signal}: deleted ${count} scenario namespace(s)\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Registers namespaces to delete when the run is interrupted. */
export function onInterrupt(target: InterruptTarget): void {
  targets.push(target);
  if (installed) return;
  installed = true;
  process.once('SIGINT', cleanup);
  process.once('SIGTERM', cleanup);
}
