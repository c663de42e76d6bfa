/**
 * The memory cluster's time. Nothing in the engine reads the wall clock: ages,
 * probe periods, LoadBalancer delays and affinity timeouts all run on this clock,
 * which moves only when a scenario lets time pass.
 */

/** 2026-01-01T00:00:00Z: a fixed start so that every run prints the same timestamps. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  label: string;
  cancelled: boolean;
}

export interface TimerHandle {
  cancel(): void;
}

export class VirtualClock {
  private current: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(startMs: number = DEFAULT_EPOCH_MS) {
    this.current = startMs;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.current;
  }

  /** RFC 3339 with seconds precision, as metav1.Time serialises. */
  nowRFC3339(): string {
    return new Date(this.current).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Runs `fire` once the clock reaches now + delayMs. Timers due at the same instant fire in scheduling order. */
  schedule(delayMs: number, label: string, fire: () => void): TimerHandle {
    const timer: Timer = { at: this.current + Math.max(0, delayMs), seq: this.seq++, fire, label, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** When the next timer is due, if any. */
  nextDue(): number | undefined {
    let next: number | undefined;
    for (const t of this.timers) if (!t.cancelled && (next === undefined || t.at < next)) next = t.at;
    return next;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in
   * time order. `afterEach` runs after each fired timer (the cluster settles its
   * controllers there), so a timer may schedule further timers that also fire.
   */
  advance(ms: number, afterEach?: () => void): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.popDue(target);
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      due.fire();
      afterEach?.();
    }
    this.current = target;
  }

  private popDue(limit: number): Timer | undefined {
    let best = -1;
    for (let i = 0; i < this.timers.length; i++) {
      const t = this.timers[i];
      if (t.cancelled || t.at > limit) continue;
      if (best < 0 || t.at < this.timers[best].at || (t.at === this.timers[best].at && t.seq < this.timers[best].seq)) best = i;
    }
    if (best < 0) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      return undefined;
    }
    return this.timers.splice(best, 1)[0];
  }
}
