/**
 * The controller model of the memory cluster (docs/architecture.md), after kube-controller-manager:
 * a controller subscribes to the API server's watches in its constructor and its handlers only
 * enqueue keys; `processQueue()` then does the queued work, reading desired and actual state
 * from the API server, comparing, and writing. The composition root calls `processQueue()` on
 * every controller, round after round, until none did anything.
 */
import type { ApiServer } from '../apiserver/types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../random/seeded-random.ts';

export interface Controller {
  /** The controller's name as kube-controller-manager knows it, e.g. `deployment-controller`. */
  readonly name: string;
  /** Works off every queued key; returns whether there was anything to do. */
  processQueue(): boolean;
}

/** What every controller is built from. */
export interface ControllerDeps {
  api: ApiServer;
  clock: VirtualClock;
  /** The run's random source; controllers derive their own streams from it. */
  random: SeededRandom;
}
