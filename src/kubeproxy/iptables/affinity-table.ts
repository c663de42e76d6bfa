/**
 * The kernel's `recent` match lists (net/netfilter/xt_recent.c) that
 * kube-proxy's ClientIP session affinity uses: one list per KUBE-SEP chain name,
 * keyed by source address, remembering when the source was last seen. Time is
 * the virtual clock's milliseconds.
 */
export class AffinityTable {
  private readonly lists = new Map<string, Map<string, number>>();

  /** `--set`: remembers `source` in list `name` at `nowMs`. */
  set(name: string, source: string, nowMs: number): void {
    let list = this.lists.get(name);
    if (!list) this.lists.set(name, (list = new Map()));
    list.set(source, nowMs);
  }

  /**
   * `--rcheck --seconds S --reap`: matches when `source` was seen less than S
   * seconds ago; with reap, an older entry is forgotten.
   */
  rcheck(name: string, source: string, seconds: number, nowMs: number): boolean {
    const list = this.lists.get(name);
    const seen = list?.get(source);
    if (seen === undefined) return false;
    if (nowMs - seen <= seconds * 1000) return true;
    list!.delete(source);
    return false;
  }

  /** Sources currently remembered in a list (what /proc/net/xt_recent/<name> shows). */
  sources(name: string): string[] {
    return [...(this.lists.get(name)?.keys() ?? [])];
  }
}
