/**
 * wrr (net/netfilter/ipvs/ip_vs_wrr.c): walks the list repeatedly with a
 * current weight cw that starts at the maximum weight and drops by the gcd of
 * the weights after each pass; a destination is taken when its weight >= cw.
 */
import { usable, type IpvsDestination, type IpvsScheduler } from './scheduler.ts';

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export class WeightedRoundRobinScheduler implements IpvsScheduler {
  readonly name = 'wrr';
  private position = -1; // -1 is the list head
  private cw = 0;
  private mw = 0;
  private di = 1;

  destinationsChanged(dests: readonly IpvsDestination[]): void {
    // ip_vs_wrr_dest_changed
    const weights = dests.map((d) => d.weight).filter((w) => w > 0);
    this.di = weights.length ? weights.reduce(gcd) : 1;
    this.mw = (weights.length ? Math.max(...weights) : 0) - (this.di - 1);
    this.position = -1;
    if (this.cw > this.mw || !this.cw) this.cw = this.mw;
    else if (this.di > 1) this.cw = Math.floor(this.cw / this.di) * this.di + 1;
  }

  schedule(dests: readonly IpvsDestination[]): IpvsDestination | undefined {
    if (this.mw === 0) this.destinationsChanged(dests);
    if (this.mw <= 0) return undefined;
    const last = this.position;
    let stop: number | undefined;
    let lastPass = false;
    let restarted = false;
    let index = this.position;
    for (;;) {
      for (index = index + 1; index < dests.length; index++) {
        const dest = dests[index];
        if (!dest.overloaded && dest.weight >= this.cw) {
          this.position = index;
          return dest;
        }
        if (index === stop) return undefined;
      }
      index = -1;
      this.cw -= this.di;
      if (this.cw <= 0) {
        this.cw = this.mw;
        if (lastPass || last === -1) return undefined;
        restarted = true;
      }
      lastPass = this.cw <= this.di;
      if (lastPass && restarted && last !== -1) stop = last;
    }
  }
}

export { usable };
