/**
 * A bitmap of allocatable items with the random scan strategy "with offset"
 * of pkg/registry/core/service/allocator/bitmap.go (1.31): automatic
 * allocation picks a random start in the upper subrange [offset, max) and
 * scans forward (wrapping inside it); only when that subrange is full does it
 * try the lower, static subrange [0, offset) the same way. Explicit requests
 * may take any free item.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';

export class AllocationBitmap {
  private readonly taken = new Set<number>();

  /**
   * @param max number of items (offsets 0..max-1)
   * @param offset size of the static lower band
   */
  constructor(
    readonly max: number,
    readonly offset: number,
    private readonly random: SeededRandom,
  ) {}

  /** Reserves `item`; false when it is already taken. */
  allocate(item: number): boolean {
    if (this.taken.has(item)) return false;
    this.taken.add(item);
    return true;
  }

  /** Reserves a free item, undefined when none is left. */
  allocateNext(): number | undefined {
    if (this.taken.size >= this.max) return undefined;
    const upper = this.max - this.offset;
    if (upper > 0) {
      const start = this.random.int(0, upper - 1);
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper);
        if (this.allocate(at)) return at;
      }
    }
    if (this.offset > 0) {
      const start = this.random.int(0, this.offset - 1);
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset;
        if (this.allocate(at)) return at;
      }
    }
    return undefined;
  }

  release(item: number): void {
    this.taken.delete(item);
  }

  has(item: number): boolean {
    return this.taken.has(item);
  }

  free(): number {
    return this.max - this.taken.size;
  }
}
