/** Test helper: runs every controller's queue, round after round, until none has work (MemoryCluster.settle). */
import type { Controller } from '../controller.ts';

export function settle(controllers: readonly Controller[], maxRounds = 1000): number {
  for (let round = 1; round <= maxRounds; round++) {
    let worked = false;
    for (const c of controllers) worked = c.processQueue() || worked;
    if (!worked) return round;
  }
  throw new Error(`controllers did not settle in ${maxRounds} rounds`);
}
