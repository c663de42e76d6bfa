/**
 * Progress lines while a cluster starts, in kind's manner ("Creating cluster
 * "kind" ...", then one line per step, ✓ or ✗ when it ends). Plain lines, no
 * cursor movement, so they read the same in a terminal and in a CI log.
 */

export class Progress {
  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A line of its own. */
  note(text: string): void {
    this.write(`${text}\n`);
  }

  /** Runs one step between a start line and an end line that says how it went and how long it took. */
  async step<T>(title: string, work: () => Promise<T>): Promise<T> {
    const started = this.now();
    this.write(` • ${title}\n`);
    const seconds = () => `${((this.now() - started) / 1000).toFixed(1)}s`;
    try {
      const result = await work();
      this.write(` ✓ ${title} (${seconds()})\n`);
      return result;
    } catch (error) {
      this.write(` ✗ ${title} (${seconds()})\n`);
      throw error;
    }
  }
}
