/**
 * The schedulers kube-proxy accepts for --ipvs-scheduler (rr when empty) and
 * that the simulation implements. "mh" is not modelled: its lookup table is
 * keyed by a random per-boot siphash key in the kernel.
 */
import { DestinationHashingScheduler, SourceHashingScheduler } from './hashing.ts';
import { LeastConnectionScheduler, NeverQueueScheduler, ShortestExpectedDelayScheduler, WeightedLeastConnectionScheduler } from './least-connection.ts';
import { LocalityLeastConnectionReplicationScheduler, LocalityLeastConnectionScheduler } from './locality.ts';
import { RoundRobinScheduler } from './round-robin.ts';
import type { IpvsScheduler } from './scheduler.ts';
import { WeightedRoundRobinScheduler } from './weighted-round-robin.ts';

export const SCHEDULER_NAMES = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'] as const;

/** A fresh scheduler instance for one virtual service; undefined for an unknown name. */
export function createScheduler(name: string): IpvsScheduler | undefined {
  switch (name || 'rr') {
    case 'rr':
      return new RoundRobinScheduler();
    case 'wrr':
      return new WeightedRoundRobinScheduler();
    case 'lc':
      return new LeastConnectionScheduler();
    case 'wlc':
      return new WeightedLeastConnectionScheduler();
    case 'sed':
      return new ShortestExpectedDelayScheduler();
    case 'nq':
      return new NeverQueueScheduler();
    case 'sh':
      return new SourceHashingScheduler();
    case 'dh':
      return new DestinationHashingScheduler();
    case 'lblc':
      return new LocalityLeastConnectionScheduler();
    case 'lblcr':
      return new LocalityLeastConnectionReplicationScheduler();
    default:
      return undefined;
  }
}
