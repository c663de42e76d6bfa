/**
 * The NodePort allocator (pkg/registry/core/service/portallocator/allocator.go
 * and operation.go, 1.31): the static band is min(max(16, size/32), 128)
 * ports from the start of the range; a dry run checks explicit ports against
 * what is allocated and answers dummy ports from 32769 up for automatic ones.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';
import { AllocationBitmap } from './allocation-bitmap.ts';
import { AllocationError } from './cluster-ip-allocator.ts';

export const ERR_PORT_ALLOCATED = 'provided port is already allocated';

/** calculateRangeOffset of portallocator/allocator.go. */
export function nodePortStaticBand(rangeSize: number): number {
  if (rangeSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(rangeSize / 32)), 128);
}

export interface PortRange {
  min: number;
  max: number;
}

export class NodePortAllocator {
  private readonly bitmap: AllocationBitmap;

  constructor(
    readonly range: PortRange,
    random: SeededRandom,
  ) {
    const size = range.max - range.min + 1;
    this.bitmap = new AllocationBitmap(size, nodePortStaticBand(size), random);
  }

  /** net.PortRange.String(). */
  rangeText(): string {
    return `${this.range.min}-${this.range.max}`;
  }

  contains(port: number): boolean {
    return port >= this.range.min && port <= this.range.max;
  }

  allocate(port: number): void {
    if (!this.contains(port)) {
      throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.rangeText()}`);
    }
    if (!this.bitmap.allocate(port - this.range.min)) throw new AllocationError(ERR_PORT_ALLOCATED);
  }

  allocateNext(): number {
    const offset = this.bitmap.allocateNext();
    if (offset === undefined) throw new AllocationError('range is full');
    return this.range.min + offset;
  }

  release(port: number): void {
    if (this.contains(port)) this.bitmap.release(port - this.range.min);
  }

  has(port: number): boolean {
    return this.contains(port) && this.bitmap.has(port - this.range.min);
  }

  free(): number {
    return this.bitmap.free();
  }
}

/**
 * A PortAllocationOperation: allocations made now, releases deferred until
 * commit, everything undone by revert; a dry run touches nothing.
 */
export class NodePortOperation {
  private readonly allocated: number[] = [];
  private readonly releaseDeferred: number[] = [];

  constructor(
    private readonly allocator: NodePortAllocator,
    private readonly dryRun: boolean,
  ) {}

  allocate(port: number): void {
    if (this.dryRun) {
      if (this.allocator.has(port) || this.allocated.includes(port)) throw new AllocationError(ERR_PORT_ALLOCATED);
      this.allocated.push(port);
      return;
    }
    this.allocator.allocate(port);
    this.allocated.push(port);
  }

  allocateNext(): number {
    if (this.dryRun) {
      const last = this.allocated.length === 0 ? 32768 : Math.max(...this.allocated);
      this.allocated.push(last + 1);
      return last + 1;
    }
    const port = this.allocator.allocateNext();
    this.allocated.push(port);
    return port;
  }

  releaseLater(port: number): void {
    this.releaseDeferred.push(port);
  }

  commit(): void {
    if (this.dryRun) return;
    for (const port of this.releaseDeferred) this.allocator.release(port);
    this.allocated.length = 0;
  }

  revert(): void {
    if (this.dryRun) return;
    for (const port of this.allocated) this.allocator.release(port);
    this.allocated.length = 0;
  }
}
