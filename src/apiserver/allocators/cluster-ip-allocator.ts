/**
 * The ClusterIP allocator of one IPv4 service CIDR
 * (pkg/registry/core/service/ipallocator/bitmap.go and interfaces.go, 1.31):
 * the network and broadcast addresses are never handed out; the static band
 * is min(max(16, size/16), 256) addresses from the start of the range.
 */
import type { SeededRandom } from '../../random/seeded-random.ts';
import { AllocationBitmap } from './allocation-bitmap.ts';
import { formatIPv4, parseCIDR, type IPv4CIDR } from './ipv4-cidr.ts';
import { parseIPv4 } from '../validation/format-rules.ts';

/** An allocator refusal; `message` is the Go error text. */
export class AllocationError extends Error {}

export const ERR_IP_ALLOCATED = 'provided IP is already allocated';
export const ERR_RANGE_FULL = 'range is full';

/** calculateRangeOffset of ipallocator/bitmap.go. */
export function clusterIPStaticBand(cidrSize: number): number {
  if (cidrSize <= 16) return 0;
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256);
}

export class ClusterIPAllocator {
  readonly cidr: IPv4CIDR;
  /** First allocatable address (network + 1). */
  private readonly base: number;
  private readonly bitmap: AllocationBitmap;

  constructor(cidrText: string, random: SeededRandom) {
    this.cidr = parseCIDR(cidrText);
    this.base = this.cidr.network + 1;
    const max = Math.max(0, this.cidr.size - 2);
    this.bitmap = new AllocationBitmap(max, clusterIPStaticBand(this.cidr.size), random);
  }

  private offsetOf(ip: string): number | undefined {
    const octets = parseIPv4(ip);
    if (!octets) return undefined;
    const value = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
    const offset = value - this.base;
    return offset >= 0 && offset < this.bitmap.max ? offset : undefined;
  }

  private notInRange(ip: string): AllocationError {
    return new AllocationError(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`);
  }

  /** Reserves a given address (a Service with spec.clusterIP set). */
  allocate(ip: string, dryRun = false): void {
    const offset = this.offsetOf(ip);
    if (offset === undefined) throw this.notInRange(ip);
    if (dryRun) return;
    if (!this.bitmap.allocate(offset)) throw new AllocationError(ERR_IP_ALLOCATED);
  }

  /** Picks an address; a dry run answers the network address, as the real dry-run allocator does. */
  allocateNext(dryRun = false): string {
    if (dryRun) return formatIPv4(this.cidr.network);
    const offset = this.bitmap.allocateNext();
    if (offset === undefined) throw new AllocationError(ERR_RANGE_FULL);
    return formatIPv4(this.base + offset);
  }

  release(ip: string): void {
    const offset = this.offsetOf(ip);
    if (offset !== undefined) this.bitmap.release(offset);
  }

  has(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.bitmap.has(offset);
  }

  free(): number {
    return this.bitmap.free();
  }
}
