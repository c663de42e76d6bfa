/**
 * Whether a run may use the node containers a cluster name already has.
 * A cluster kube-scenarios did not label is never touched. One it made with the
 * same creation options, running and finished, is reused (addons it lacks are
 * added). Anything else of ours is replaced only when the user asked for it
 * with --recreate-cluster, or when it is certainly abandoned (a node stopped, or
 * its creator died before it was finished).
 */
import type { KindClusterOptions } from './cluster-options.ts';
import { CREATOR_LABEL, creationOptions, labelledCreationOptions, type CreationOptions } from './cluster-labels.ts';
import { kindContextName, plannedNodes } from './node-names.ts';
import type { ClusterState } from './provisioning-plan.ts';

export interface ExistingNode {
  name: string;
  labels: Record<string, string>;
  running: boolean;
}

export type ReuseDecision =
  | { action: 'create' }
  | { action: 'reuse'; state: ClusterState }
  | { action: 'recreate'; reason: string }
  | { action: 'refuse'; message: string };

export interface ReuseContext {
  /** The control plane's state file, when it could be read. */
  state: ClusterState | undefined;
  /** --recreate-cluster */
  recreate: boolean;
  /** Whether the process a creator label names (host:pid) is still running. */
  creatorAlive: (creator: string) => boolean;
}

/** What differs between two sets of creation options, as `key: had → wanted`. */
function differences(had: CreationOptions, wanted: CreationOptions): string[] {
  return (Object.keys(wanted) as (keyof CreationOptions)[])
    .filter((k) => JSON.stringify(had[k]) !== JSON.stringify(wanted[k]))
    // A cluster with ingress ports serves a run that needs none.
    .filter((k) => !(k === 'ingressNginx' && had.ingressNginx && !wanted.ingressNginx))
    .map((k) => `${k}: ${JSON.stringify(had[k])} → ${JSON.stringify(wanted[k])}`);
}

export function decideReuse(wanted: KindClusterOptions, existing: ExistingNode[], context: ReuseContext): ReuseDecision {
  if (existing.length === 0) return { action: 'create' };
  const names = existing.map((n) => n.name).sort().join(', ');
  const foreign = existing.filter((n) => !labelledCreationOptions(n.labels));
  if (foreign.length > 0) {
    return {
      action: 'refuse',
      message:
        `a kind cluster named "${wanted.name}" already exists and kube-scenarios did not create it (nodes ${names}); it is left alone. ` +
        `To run the scenarios on it, use --backend kubeconfig with KUBE_SCENARIOS_ALLOW_CONTEXT=${kindContextName(wanted.name)}; or choose another --cluster-name.`,
    };
  }
  const replace = (reason: string): ReuseDecision =>
    context.recreate
      ? { action: 'recreate', reason }
      : { action: 'refuse', message: `the kind cluster "${wanted.name}" of an earlier run ${reason}: run with --recreate-cluster to replace it, or choose another --cluster-name` };

  const want = creationOptions(wanted);
  const had = labelledCreationOptions(existing[0].labels) as CreationOptions;
  const diff = differences(had, want);
  if (diff.length > 0) return replace(`was made with other options (${diff.join('; ')})`);
  const expected = plannedNodes(wanted.name, wanted.workers).map((n) => n.name).sort().join(', ');
  if (names !== expected) return replace(`has nodes ${names}, not ${expected}`);

  const stopped = existing.filter((n) => !n.running).map((n) => n.name);
  if (stopped.length > 0) return { action: 'recreate', reason: `node ${stopped.join(', ')} is not running` };

  if (!context.state?.provisioned) {
    const creator = existing[0].labels[CREATOR_LABEL] ?? '';
    if (creator && context.creatorAlive(creator)) {
      return { action: 'refuse', message: `the kind cluster "${wanted.name}" is being created by another run (process ${creator}); wait for it, or choose another --cluster-name` };
    }
    return { action: 'recreate', reason: 'an earlier run stopped before the cluster was finished' };
  }
  if (context.state.loadBalancer !== 'none' && wanted.loadBalancer !== 'none' && context.state.loadBalancer !== wanted.loadBalancer) {
    return replace(`has the LoadBalancer provider ${context.state.loadBalancer}, not ${wanted.loadBalancer}`);
  }
  return { action: 'reuse', state: context.state };
}
