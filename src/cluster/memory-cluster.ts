/**
 * The composition root of the in-memory kind cluster: an API server, the
 * controllers, the scheduler, one kubelet and one kube-proxy per node, CoreDNS,
 * the ingress controller, all on one virtual clock and one seed.
 *
 * Components never call each other: they meet in the API server's store and its
 * watches. settle() lets every component work off its queue until the cluster
 * has converged for the current instant; advance() moves time and settles
 * after every timer, so time-driven work (container starts, probes, load
 * balancer provisioning) happens at its moment.
 */
import type { ScriptResult } from '../backend/backend.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import type { Program } from '../shell/types.ts';
import type { ClusterProfile } from './profile.ts';

/** A component that works off a queue filled by watches (controllers, scheduler, kubelets). */
export interface Reconciler {
  readonly name: string;
  /** Does the queued work; true when it did anything. */
  processQueue(): boolean;
}

/** An object a scenario's commands wrote, for the failure snapshot. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Rounds of settle() beyond which the cluster is taken to be oscillating: a bug, reported as such. */
const MAX_SETTLE_ROUNDS = 10_000;

export class MemoryCluster {
  readonly clock = new VirtualClock();
  readonly random: SeededRandom;
  private readonly reconcilers: Reconciler[] = [];
  private readonly written: ObjectRef[] = [];

  constructor(
    public profile: ClusterProfile,
    seed: string,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** Lets every component process its queue until none has work. */
  settle(): void {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      let worked = false;
      for (const r of this.reconcilers) worked = r.processQueue() || worked;
      if (!worked) return;
    }
    throw new Error(`the memory cluster did not converge after ${MAX_SETTLE_ROUNDS} rounds (a controller keeps finding work)`);
  }

  /** Moves the virtual clock forward, settling after every timer that fires. */
  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms, () => this.settle());
    this.settle();
  }

  /** Programs on the user's machine that talk to this cluster (kubectl) or its addresses (curl, openssl ...). */
  clientPrograms(): Map<string, Program> {
    return new Map();
  }

  /** Runs a script in a node's shell. */
  async runOnNode(node: string, _script: string): Promise<ScriptResult> {
    const known = this.profile.nodes.some((n) => n.name === node);
    const stderr = known ? `node shells are not wired into the memory cluster yet\n` : `error: node "${node}" not found\n`;
    return { stdout: '', stderr, exitCode: 1, commands: [] };
  }

  /** Settings changed after the scenario's first command: only those a running cluster can take. */
  reconfigureLive(profile: ClusterProfile): void {
    this.profile = profile;
  }

  objectsWrittenByUser(): ObjectRef[] {
    return [...this.written];
  }
}
