/**
 * Test stand-in for the kubelets: a pod bound to a node becomes Running with an IP from the
 * node's /24 (kind's 10.244.N.0/24, FIDELITY §2) and, unless held back, Ready; a terminating
 * pod is removed at once. Tests flip readiness with setReady to drive rollouts.
 */
import type { Pod } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import type { VirtualClock } from '../../clock/virtual-clock.ts';
import type { Controller } from '../controller.ts';
import { WorkQueue } from '../work-queue.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';

export class FakeKubelet implements Controller {
  readonly name = 'fake-kubelet';
  private readonly queue = new WorkQueue();
  private readonly nextHost = new Map<string, number>();
  /** When false, started pods stay not ready until setReady. */
  autoReady = true;
  /** When false, terminating pods stay (as during their grace period). */
  removeTerminating = true;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly nodeIndex: (node: string) => number,
  ) {
    api.watch('Pod', (e) => {
      if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => {
      const { namespace, name } = splitObjectKey(key);
      const pod = this.api.tryGet<Pod>({ kind: 'Pod', namespace, name });
      if (!pod || !pod.spec.nodeName) return;
      if (pod.metadata.deletionTimestamp) {
        if (this.removeTerminating) this.api.delete({ kind: 'Pod', namespace, name }, { gracePeriodSeconds: 0 });
        return;
      }
      if (pod.status?.phase && pod.status.phase !== 'Pending') return;
      const n = this.nodeIndex(pod.spec.nodeName);
      const host = (this.nextHost.get(pod.spec.nodeName) ?? 1) + 1;
      this.nextHost.set(pod.spec.nodeName, host);
      const now = this.clock.nowRFC3339();
      const podIP = `10.244.${n}.${host}`;
      const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
      pod.status = {
        phase: 'Running',
        hostIP: `172.18.0.${n + 2}`,
        podIP,
        podIPs: [{ ip: podIP }],
        conditions: [...others, { type: 'Ready', status: this.autoReady ? 'True' : 'False', lastTransitionTime: now, lastProbeTime: null }],
      };
      this.api.updateStatus(pod);
    });
  }

  /** Sets a pod's Ready condition, as a readiness probe would. */
  setReady(api: ApiServer, namespace: string, name: string, ready: boolean): void {
    const pod = api.get<Pod>({ kind: 'Pod', namespace, name });
    const others = (pod.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
    pod.status!.conditions = [...others, { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: this.clock.nowRFC3339(), lastProbeTime: null }];
    api.updateStatus(pod);
  }
}
