/**
 * The default scheduler (kube-scheduler, Kubernetes 1.31) as the memory cluster needs it: it
 * binds pending pods (no spec.nodeName, schedulerName default-scheduler) to a node that passes
 * the filters of node-filters.ts.
 * - Scoring spreads the replicas of one owner (pkg/scheduler/framework/plugins/podtopologyspread
 *   default constraints): fewest pods of the same controller first, then fewest pods overall;
 *   ties are broken by the seeded stream `scheduler`, as the real scheduler picks randomly among
 *   the best nodes (schedule_one.go selectHost).
 * - Binding sets spec.nodeName and the condition PodScheduled True (the binding subresource,
 *   pkg/registry/core/pod/storage/storage.go assignPod), with the event `Scheduled`
 *   `Successfully assigned <ns>/<pod> to <node>` (plugins/defaultbinder).
 * - A pod that fits nowhere gets `FailedScheduling` (fit-error.ts) and PodScheduled False,
 *   reason Unschedulable (schedule_one.go handleSchedulingFailure); it is retried when a node
 *   changes.
 * Events go through the events.k8s.io/v1 API with reportingInstance `default-scheduler-<host>`.
 */
import type { Node, Pod } from '../api/core.ts';
import type { Condition } from '../api/meta.ts';
import { ApiError } from '../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controllers/controller.ts';
import { EventsV1Recorder } from '../controllers/events-v1.ts';
import { objectKey, splitObjectKey } from '../controllers/object-key.ts';
import { controllerOf } from '../controllers/owner-references.ts';
import { WorkQueue } from '../controllers/work-queue.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { fitErrorMessage, NO_NODES_AVAILABLE } from './fit-error.ts';
import { filterNode } from './node-filters.ts';
import { NodePodCounts } from './node-pod-counts.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export interface SchedulerOptions {
  /** The host the scheduler runs on, for reportingInstance (kind: the control-plane node). */
  host?: string;
}

export class Scheduler implements Controller {
  readonly name = DEFAULT_SCHEDULER_NAME;
  private readonly queue = new WorkQueue();
  private readonly recorder: EventsV1Recorder;
  private readonly ties: SeededRandom;
  private readonly counts: NodePodCounts;

  constructor(
    private readonly deps: ControllerDeps,
    options: SchedulerOptions = {},
  ) {
    this.ties = deps.random.derive('scheduler');
    this.counts = new NodePodCounts(deps.api);
    this.recorder = new EventsV1Recorder(deps.api, deps.clock, deps.random, DEFAULT_SCHEDULER_NAME, `${DEFAULT_SCHEDULER_NAME}-${options.host ?? 'kind-control-plane'}`);
    deps.api.watch('Pod', (e) => {
      if (e.type !== 'DELETED' && needsScheduling(e.object as Pod)) this.queue.add(objectKey(e.object));
    });
    // A node that appears or changes may fit pods that did not fit before.
    deps.api.watch('Node', () => {
      for (const pod of deps.api.listShared<Pod>('Pod')) if (needsScheduling(pod)) this.queue.add(objectKey(pod));
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.scheduleOne(key));
  }

  private scheduleOne(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    const pod = this.deps.api.tryGet<Pod>({ kind: 'Pod', namespace, name });
    if (!pod || !needsScheduling(pod)) return;
    const nodes = this.deps.api.listShared<Node>('Node');
    if (nodes.length === 0) {
      this.fail(pod, NO_NODES_AVAILABLE);
      return;
    }
    const reasons = new Map<string, string>();
    const feasible: Node[] = [];
    for (const node of nodes) {
      const reason = filterNode(pod, node);
      if (reason) reasons.set(String(node.metadata.name), reason);
      else feasible.push(node);
    }
    if (feasible.length === 0) {
      this.fail(pod, fitErrorMessage(reasons));
      return;
    }
    this.bind(pod, this.selectHost(pod, feasible));
  }

  /** Fewest pods of the same owner, then fewest pods; a seeded pick among the best. */
  private selectHost(pod: Pod, nodes: Node[]): Node {
    const owner = controllerOf(pod)?.uid;
    const score = (node: Node): [number, number] => {
      const name = String(node.metadata.name);
      return [owner ? this.counts.ofOwner(name, owner) : 0, this.counts.total(name)];
    };
    const scored = nodes.map((node) => ({ node, score: score(node) }));
    const best = scored.reduce((min, s) => (s.score[0] < min[0] || (s.score[0] === min[0] && s.score[1] < min[1]) ? s.score : min), scored[0].score);
    const candidates = scored.filter((s) => s.score[0] === best[0] && s.score[1] === best[1]).map((s) => s.node);
    return candidates.length === 1 ? candidates[0] : this.ties.pick(candidates);
  }

  private bind(pod: Pod, node: Node): void {
    const nodeName = String(node.metadata.name);
    const key = { kind: 'Pod', namespace: pod.metadata.namespace, name: String(pod.metadata.name) };
    let bound: Pod;
    try {
      bound = this.postBinding(pod, key, nodeName);
    } catch (err) {
      if (err instanceof ApiError) return;
      throw err;
    }
    this.recorder.eventf(bound, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  }

  /**
   * POST pods/<name>/binding where the API server offers it (MemoryApiServer.bind); otherwise
   * the same effect through an update of spec.nodeName and the PodScheduled condition.
   */
  private postBinding(pod: Pod, key: { kind: string; namespace?: string; name: string }, nodeName: string): Pod {
    const binder = this.deps.api as { bind?: (key: { kind: string; namespace?: string; name: string }, nodeName: string) => { object: Pod } };
    if (typeof binder.bind === 'function') return binder.bind(key, nodeName).object;
    pod.spec.nodeName = nodeName;
    const bound = this.deps.api.update(pod).object;
    bound.status = { ...(bound.status ?? {}), conditions: withCondition(bound.status?.conditions, scheduledCondition('True', this.deps.clock.nowRFC3339())) };
    return this.deps.api.updateStatus(bound).object;
  }

  private fail(pod: Pod, message: string): void {
    this.recorder.eventf(pod, 'Warning', 'FailedScheduling', 'Scheduling', message);
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message) return;
    const condition = scheduledCondition('False', this.deps.clock.nowRFC3339(), message);
    if (current?.status === 'False') condition.lastTransitionTime = current.lastTransitionTime;
    pod.status = { phase: 'Pending', ...(pod.status ?? {}), conditions: withCondition(pod.status?.conditions, condition) };
    try {
      this.deps.api.updateStatus(pod);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}

/** Unbound, not terminating, and meant for this scheduler. */
function needsScheduling(pod: Pod): boolean {
  if (pod.spec.nodeName || pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  return (pod.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) === DEFAULT_SCHEDULER_NAME;
}

function scheduledCondition(status: 'True' | 'False', now: string, message?: string): Condition {
  const c: Condition = { type: 'PodScheduled', status, lastProbeTime: null, lastTransitionTime: now };
  if (message !== undefined) {
    c.reason = 'Unschedulable';
    c.message = message;
  }
  return c;
}

function withCondition(conditions: Condition[] | undefined, condition: Condition): Condition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === condition.type);
  if (i >= 0) list[i] = condition;
  else list.push(condition);
  return list;
}
