/**
 * The locality-based schedulers lblc (ip_vs_lblc.c) and lblcr (ip_vs_lblcr.c):
 * remember which server (lblcr: which set of servers) a destination address
 * went to, and keep using it unless it is overloaded while another server is
 * under half its weight; otherwise pick like wlc. Entries expire after
 * lblc_expiration (24 h) of disuse.
 */
import { connectionOverhead, usable, type IpvsDestination, type IpvsScheduler, type ScheduleRequest } from './scheduler.ts';

const EXPIRATION_MS = 24 * 60 * 60 * 1000;

/** __ip_vs_lblc_schedule: weighted least connection over usable destinations. */
function leastWeighted(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
  let least: IpvsDestination | undefined;
  let loh = 0;
  for (const dest of dests) {
    if (!usable(dest)) continue;
    const doh = connectionOverhead(dest);
    if (!least || loh * dest.weight > doh * least.weight) {
      least = dest;
      loh = doh;
    }
  }
  return least;
}

/** is_overloaded: more active connections than weight while some server is under half its weight. */
function isOverloaded(dest: IpvsDestination, dests: readonly IpvsDestination[]): boolean {
  if (dest.activeConns <= dest.weight) return false;
  return dests.some((d) => d.activeConns * 2 < d.weight);
}

export class LocalityLeastConnectionScheduler implements IpvsScheduler {
  readonly name = 'lblc';
  private readonly table = new Map<number, { dest: IpvsDestination; lastUse: number }>();

  schedule(dests: readonly IpvsDestination[], request: ScheduleRequest): IpvsDestination | undefined {
    const entry = this.table.get(request.destination);
    if (entry && request.nowMs - entry.lastUse <= EXPIRATION_MS && dests.includes(entry.dest) && entry.dest.weight > 0 && !isOverloaded(entry.dest, dests)) {
      entry.lastUse = request.nowMs;
      return entry.dest;
    }
    const dest = leastWeighted(dests);
    if (dest) this.table.set(request.destination, { dest, lastUse: request.nowMs });
    return dest;
  }
}

export class LocalityLeastConnectionReplicationScheduler implements IpvsScheduler {
  readonly name = 'lblcr';
  private readonly table = new Map<number, { set: IpvsDestination[]; lastUse: number; lastMod: number }>();

  schedule(dests: readonly IpvsDestination[], request: ScheduleRequest): IpvsDestination | undefined {
    let entry = this.table.get(request.destination);
    if (entry && request.nowMs - entry.lastUse > EXPIRATION_MS) entry = undefined;
    if (entry) {
      entry.set = entry.set.filter((d) => dests.includes(d));
      entry.lastUse = request.nowMs;
      // ip_vs_dest_set_min: the least loaded member.
      let dest = leastWeighted(entry.set);
      // Shrink a set unchanged for the expiration time (ip_vs_dest_set_max removal).
      if (entry.set.length > 1 && request.nowMs - entry.lastMod > EXPIRATION_MS) {
        const most = entry.set.reduce((a, b) => (connectionOverhead(a) * b.weight > connectionOverhead(b) * a.weight ? a : b));
        entry.set = entry.set.filter((d) => d !== most);
        entry.lastMod = request.nowMs;
      }
      if (!dest || isOverloaded(dest, dests)) {
        dest = leastWeighted(dests);
        if (!dest) return undefined;
        if (!entry.set.includes(dest)) entry.set.push(dest);
        entry.lastMod = request.nowMs;
      }
      return dest;
    }
    const dest = leastWeighted(dests);
    if (dest) this.table.set(request.destination, { set: [dest], lastUse: request.nowMs, lastMod: request.nowMs });
    return dest;
  }
}
