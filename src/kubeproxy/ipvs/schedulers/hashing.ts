/**
 * The hashing schedulers: sh (ip_vs_sh.c, source address) and dh (ip_vs_dh.c,
 * destination address). Both fill a 256-bucket table with the destinations in
 * list order (sh repeats each destination `weight` times) and look a bucket up
 * by a hash of the address.
 */
import { usable, type IpvsDestination, type IpvsScheduler, type ScheduleRequest } from './scheduler.ts';

const TABLE_SIZE = 256; // CONFIG_IP_VS_SH_TAB_BITS / CONFIG_IP_VS_DH_TAB_BITS = 8
const GOLDEN_RATIO_32 = 0x61c88647; // include/linux/hash.h

/** hash_32(value, 8): the top 8 bits of value * GOLDEN_RATIO_32 (32-bit). */
export function shHashKey(source: number, port = 0): number {
  return Math.imul((port + source) >>> 0, GOLDEN_RATIO_32) >>> 24;
}

/** (ntohl(addr) * 2654435761UL) & 255. */
export function dhHashKey(destination: number): number {
  return Math.imul(destination >>> 0, 2654435761 | 0) & (TABLE_SIZE - 1);
}

export class SourceHashingScheduler implements IpvsScheduler {
  readonly name = 'sh';
  private buckets: (IpvsDestination | undefined)[] = [];

  destinationsChanged(dests: readonly IpvsDestination[]): void {
    // ip_vs_sh_reassign: walk the list, a destination fills `weight` consecutive buckets.
    this.buckets = [];
    let index = 0;
    let count = 0;
    for (let i = 0; i < TABLE_SIZE; i++) {
      if (dests.length === 0) {
        this.buckets.push(undefined);
        continue;
      }
      const dest = dests[index % dests.length];
      this.buckets.push(dest);
      if (++count >= dest.weight) {
        index++;
        count = 0;
      }
    }
  }

  schedule(dests: readonly IpvsDestination[], request: ScheduleRequest): IpvsDestination | undefined {
    if (this.buckets.length === 0) this.destinationsChanged(dests);
    const dest = this.buckets[shHashKey(request.source)];
    return dest && usable(dest) ? dest : undefined;
  }
}

export class DestinationHashingScheduler implements IpvsScheduler {
  readonly name = 'dh';
  private buckets: (IpvsDestination | undefined)[] = [];

  destinationsChanged(dests: readonly IpvsDestination[]): void {
    this.buckets = Array.from({ length: TABLE_SIZE }, (_, i) => (dests.length ? dests[i % dests.length] : undefined));
  }

  schedule(dests: readonly IpvsDestination[], request: ScheduleRequest): IpvsDestination | undefined {
    if (this.buckets.length === 0) this.destinationsChanged(dests);
    const dest = this.buckets[dhHashKey(request.destination)];
    return dest && usable(dest) ? dest : undefined;
  }
}
