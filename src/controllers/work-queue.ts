/**
 * A work queue of keys, deduplicated like client-go's workqueue (util/workqueue/queue.go): a key
 * added while already waiting is queued once; a key added while it is being processed is
 * processed again afterwards.
 */
export class WorkQueue {
  private waiting = new Set<string>();

  add(key: string): void {
    this.waiting.add(key);
  }

  get length(): number {
    return this.waiting.size;
  }

  /**
   * Takes every waiting key out of the queue, in the order they were first added, and runs
   * `work` on each. Keys added during the drain wait for the next call. Returns whether any
   * key was processed.
   */
  drain(work: (key: string) => void): boolean {
    if (this.waiting.size === 0) return false;
    const keys = [...this.waiting];
    this.waiting.clear();
    for (const key of keys) work(key);
    return true;
  }
}
