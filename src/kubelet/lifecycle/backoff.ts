/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for crash loops and
 * image pulls (pkg/kubelet/kubelet.go: backOffPeriod 10s, MaxContainerBackOff
 * 300s; kuberuntime_manager.go doBackOff): the first failure is retried at once
 * and arms 10s; each later one doubles it up to 300s; an entry untouched for
 * twice the maximum starts over.
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

export class Backoff {
  private entries = new Map<string, { backoffMs: number; lastUpdateMs: number }>();

  constructor(
    private readonly initialMs = INITIAL_BACKOFF_MS,
    private readonly maxMs = MAX_BACKOFF_MS,
  ) {}

  /** The current delay for `key` (0 when none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Whether `nowMs` is still within the delay counted from `sinceMs` (IsInBackOffSince). */
  inBackoffSince(key: string, sinceMs: number, nowMs: number): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (nowMs - entry.lastUpdateMs > 2 * this.maxMs) return false;
    return nowMs - sinceMs < entry.backoffMs;
  }

  /** Records a failure at `atMs`: arms the initial delay, or doubles it (Next). */
  next(key: string, atMs: number): void {
    const entry = this.entries.get(key);
    if (!entry || atMs - entry.lastUpdateMs > 2 * this.maxMs) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: atMs });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdateMs = atMs;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
