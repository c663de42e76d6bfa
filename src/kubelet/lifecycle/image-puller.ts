/**
 * A node's image store and its serial puller (kubelet serializeImagePulls,
 * true by default): one pull at a time per node, so a pull that waited for
 * another reports it in `(... including waiting)`. A first pull of an image
 * takes its catalog time; a repeat pull (policy Always, image present) only
 * resolves the manifest. Durations vary by a seeded jitter.
 */
import type { ResolvedImage } from '../../images/image-spec.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';

export interface PullPlan {
  /** When the pull actually starts (after the pulls queued before it). */
  startAt: number;
  endAt: number;
}

export class ImagePuller {
  private busyUntil = 0;
  /** Normalized reference to the time it is (or will be) present. */
  private readonly presentAt = new Map<string, number>();

  constructor(private readonly jitter: SeededRandom) {}

  /** Marks kind's preloaded images present from the start. */
  preload(normalized: string): void {
    this.presentAt.set(normalized, 0);
  }

  isPresent(normalized: string, atMs: number): boolean {
    const at = this.presentAt.get(normalized);
    return at !== undefined && at <= atMs;
  }

  private factor(): number {
    return 0.85 + this.jitter.float() * 0.3;
  }

  /** Queues a pull of `image` requested at `nowMs`; the image is present from its end. */
  pull(image: ResolvedImage, nowMs: number): PullPlan {
    const startAt = Math.max(nowMs, this.busyUntil);
    const repeat = this.isPresent(image.normalized, startAt);
    const seconds = repeat ? Math.min(1.5, Math.max(0.25, image.spec.pullSeconds * 0.1)) : image.spec.pullSeconds;
    const endAt = startAt + Math.round(seconds * this.factor() * 1000);
    this.busyUntil = endAt;
    const present = this.presentAt.get(image.normalized);
    if (present === undefined || present > endAt) this.presentAt.set(image.normalized, endAt);
    return { startAt, endAt };
  }

  /** Queues a pull that fails (unknown image) after the registry answers. */
  failingPull(nowMs: number): PullPlan {
    const startAt = Math.max(nowMs, this.busyUntil);
    const endAt = startAt + Math.round((0.4 + this.jitter.float() * 0.8) * 1000);
    this.busyUntil = endAt;
    return { startAt, endAt };
  }
}
