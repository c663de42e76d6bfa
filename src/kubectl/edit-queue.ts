/** A first-in first-out EditQueue that steps fill and `kubectl edit` drains. */
import type { EditQueue, PendingEdit } from './host.ts';

export class PendingEdits implements EditQueue {
  private readonly queue: PendingEdit[] = [];

  /** Queues the change the next `kubectl edit` makes to one object. */
  push(edit: PendingEdit): void {
    this.queue.push(edit);
  }

  take(): PendingEdit | undefined {
    return this.queue.shift();
  }

  get size(): number {
    return this.queue.length;
  }
}
