/**
 * A scenario's memory cluster, built on first use: scenarios that never touch
 * the cluster (shell-only ones) pay nothing, and cluster settings given before
 * the first command just change the profile instead of rebuilding.
 */
import type { MemoryCluster } from '../../cluster/memory-cluster.ts';
import { ProfileError, type ClusterProfile } from '../../cluster/profile.ts';
import type { ImageSpec } from '../../images/image-spec.ts';

export class ClusterHandle {
  private instance?: MemoryCluster;
  /** Images a scenario declared: added to the cluster's catalog when it boots, or at once when it runs. */
  private readonly images: ImageSpec[] = [];

  constructor(
    private currentProfile: ClusterProfile,
    private readonly seed: string,
  ) {}

  get profile(): ClusterProfile {
    return this.currentProfile;
  }

  /**
   * The cluster, booted now if it was not yet. The engine's modules load on
   * the first boot of the process, so a run of shell-only scenarios never loads them.
   */
  async get(): Promise<MemoryCluster> {
    if (!this.instance) {
      const { MemoryCluster } = await import('../../cluster/memory-cluster.ts');
      this.instance ??= new MemoryCluster(this.currentProfile, this.seed);
      for (const spec of this.images) this.instance.images.extend(spec);
    }
    return this.instance;
  }

  /** The cluster if it was booted. */
  peek(): MemoryCluster | undefined {
    return this.instance;
  }

  addImage(spec: ImageSpec): void {
    this.images.push(spec);
    this.instance?.images.extend(spec);
  }

  /**
   * New settings, taken as they are before boot. A real cluster is built before
   * anyone uses it: settings given after the scenario's first cluster command
   * are refused with the reason, never silently ignored.
   */
  reconfigure(profile: ClusterProfile): void {
    if (this.instance) {
      throw new ProfileError('cluster settings must come before the scenario\'s first command that uses the cluster (move the "Given a cluster ..." step up, or into the Background before any command)');
    }
    this.currentProfile = profile;
  }
}
