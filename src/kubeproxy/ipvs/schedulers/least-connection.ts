/**
 * The connection-count schedulers: lc (ip_vs_lc.c), wlc (ip_vs_wlc.c),
 * sed (ip_vs_sed.c) and nq (ip_vs_nq.c). They differ in the overhead they
 * compare and whether weights scale it.
 */
import { connectionOverhead, usable, type IpvsDestination, type IpvsScheduler } from './scheduler.ts';

/** lc: the smallest overhead (active*256 + inactive); ties keep the first in list order. */
export class LeastConnectionScheduler implements IpvsScheduler {
  readonly name = 'lc';
  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    let least: IpvsDestination | undefined;
    let loh = 0;
    for (const dest of dests) {
      if (!usable(dest)) continue;
      const doh = connectionOverhead(dest);
      if (!least || doh < loh) {
        least = dest;
        loh = doh;
      }
    }
    return least;
  }
}

/** Shared by wlc and sed: the smallest overhead/weight, compared as loh*w(dest) > doh*w(least). */
function weightedLeast(dests: readonly IpvsDestination[], overhead: (d: IpvsDestination) => number): IpvsDestination | undefined {
  let least: IpvsDestination | undefined;
  let loh = 0;
  for (const dest of dests) {
    if (!usable(dest)) continue;
    const doh = overhead(dest);
    if (!least || loh * dest.weight > doh * least.weight) {
      least = dest;
      loh = doh;
    }
  }
  return least;
}

export class WeightedLeastConnectionScheduler implements IpvsScheduler {
  readonly name = 'wlc';
  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    return weightedLeast(dests, connectionOverhead);
  }
}

/** sed: shortest expected delay, overhead = active + 1. */
export class ShortestExpectedDelayScheduler implements IpvsScheduler {
  readonly name = 'sed';
  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    return weightedLeast(dests, (d) => d.activeConns + 1);
  }
}

/** nq: never queue, an idle server first, else like sed. */
export class NeverQueueScheduler implements IpvsScheduler {
  readonly name = 'nq';
  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    for (const dest of dests) if (usable(dest) && dest.activeConns === 0) return dest;
    return weightedLeast(dests, (d) => d.activeConns + 1);
  }
}
