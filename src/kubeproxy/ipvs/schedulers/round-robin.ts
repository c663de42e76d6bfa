/**
 * rr (net/netfilter/ipvs/ip_vs_rr.c): a cursor over the destination list; each
 * connection takes the next usable destination after the previous pick.
 */
import { usable, type IpvsDestination, type IpvsScheduler } from './scheduler.ts';

export class RoundRobinScheduler implements IpvsScheduler {
  readonly name = 'rr';
  /** The last destination picked; undefined is the list head (svc->sched_data = &svc->destinations). */
  private last: IpvsDestination | undefined;

  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    const start = this.last ? dests.indexOf(this.last) : -1;
    for (let step = 1; step <= dests.length; step++) {
      const dest = dests[(start + step) % dests.length];
      if (usable(dest)) return (this.last = dest);
    }
    return undefined;
  }

  destinationsChanged(dests: readonly IpvsDestination[]): void {
    // ip_vs_rr_del_dest moves the cursor back when its destination leaves; a vanished cursor restarts at the head.
    if (this.last && !dests.includes(this.last)) this.last = undefined;
  }
}
