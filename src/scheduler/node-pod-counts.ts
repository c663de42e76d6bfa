/**
 * The scheduler cache's view of what runs where (pkg/scheduler/backend/cache: a NodeInfo per
 * node, kept up to date from pod events): how many active pods each node holds, and how many of
 * them belong to each controller. Scoring a node is then two map reads, not a scan of every pod
 * in the cluster for every binding.
 *
 * A pod counts on its node from the moment it is bound until it finishes or starts terminating
 * (controller_utils.go IsPodActive), as the scoring has always counted it.
 */
import type { Pod } from '../api/core.ts';
import type { ApiServer } from '../apiserver/types.ts';
import { objectKey } from '../controllers/object-key.ts';
import { controllerOf } from '../controllers/owner-references.ts';
import { isPodActive } from '../controllers/pod-readiness.ts';

interface Placement {
  node: string;
  /** The controller's UID, when the pod has a controller. */
  owner?: string;
}

export class NodePodCounts {
  /** Where each counted pod is counted, to uncount it when it changes. */
  private readonly placements = new Map<string, Placement>();
  private readonly totals = new Map<string, number>();
  /** node -> controller UID -> pods */
  private readonly byOwner = new Map<string, Map<string, number>>();

  constructor(api: ApiServer) {
    api.watch('Pod', (e) => {
      const key = objectKey(e.object);
      this.uncount(key);
      if (e.type !== 'DELETED') this.count(key, e.object as Pod);
    });
    for (const pod of api.listShared<Pod>('Pod')) this.count(objectKey(pod), pod);
  }

  /** Active pods on `node`. */
  total(node: string): number {
    return this.totals.get(node) ?? 0;
  }

  /** Active pods on `node` whose controller has UID `owner`. */
  ofOwner(node: string, owner: string): number {
    return this.byOwner.get(node)?.get(owner) ?? 0;
  }

  private count(key: string, pod: Pod): void {
    const node = pod.spec.nodeName;
    if (!node || !isPodActive(pod)) return;
    const owner = controllerOf(pod)?.uid;
    this.placements.set(key, { node, owner });
    this.totals.set(node, this.total(node) + 1);
    if (owner) {
      let owners = this.byOwner.get(node);
      if (!owners) this.byOwner.set(node, (owners = new Map()));
      owners.set(owner, (owners.get(owner) ?? 0) + 1);
    }
  }

  private uncount(key: string): void {
    const placement = this.placements.get(key);
    if (!placement) return;
    this.placements.delete(key);
    const { node, owner } = placement;
    this.totals.set(node, this.total(node) - 1);
    if (owner) {
      const owners = this.byOwner.get(node)!;
      const left = owners.get(owner)! - 1;
      if (left === 0) owners.delete(owner);
      else owners.set(owner, left);
    }
  }
}
