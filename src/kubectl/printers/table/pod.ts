/**
 * `kubectl get pods`: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE READINESS GATES.
 * STATUS and RESTARTS follow printPod in pkg/printers/internalversion/printers.go (1.31): the
 * phase or status reason, overridden by init-container progress (`Init:0/1`, `Init:CrashLoopBackOff`),
 * then by the last container's waiting or terminated reason (`ContainerCreating`, `ErrImagePull`,
 * `CrashLoopBackOff`, `Completed`, `Error`), `Terminating` while deleted, and `N (5m ago)` restarts.
 */
import type { Container, ContainerStatus, Pod } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { parseTimestamp, translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

/** node.NodeUnreachablePodReason (pkg/util/node). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartableInitContainer(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function lastTerminationFinishedAt(status: ContainerStatus): number | undefined {
  return parseTimestamp(status.lastState?.terminated?.finishedAt);
}

function hasPodReadyCondition(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function isPodInitializedConditionTrue(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
}

/** The READY, STATUS and RESTARTS cells of a pod. */
export function podStatusCells(pod: Pod, now: number): { ready: string; status: string; restarts: string } {
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = pod.spec.containers.length;
  let readyContainers = 0;
  let lastRestartDate: number | undefined;
  let lastRestartableInitContainerRestartDate: number | undefined;
  const later = (current: number | undefined, candidate: number | undefined): number | undefined =>
    candidate !== undefined && (current === undefined || current < candidate) ? candidate : current;

  const podPhase = status.phase ?? '';
  let reason: string = podPhase;
  if (status.reason) reason = status.reason;
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const container of pod.spec.initContainers ?? []) {
    initContainers.set(container.name, container);
    if (isRestartableInitContainer(container)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    restarts += container.restartCount;
    lastRestartDate = later(lastRestartDate, lastTerminationFinishedAt(container));
    const restartable = isRestartableInitContainer(initContainers.get(container.name));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount;
      lastRestartableInitContainerRestartDate = later(lastRestartableInitContainerRestartDate, lastTerminationFinishedAt(container));
    }
    const terminated = container.state.terminated;
    const waiting = container.state.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(pod.spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(pod)) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      restarts += container.restartCount;
      lastRestartDate = later(lastRestartDate, lastTerminationFinishedAt(container));
      const { waiting, terminated, running } = container.state;
      if (waiting && waiting.reason) {
        reason = waiting.reason;
      } else if (terminated && terminated.reason) {
        reason = terminated.reason;
      } else if (terminated && !terminated.reason) {
        reason = `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // a pod with a container still running is Running (or NotReady), not Completed
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(pod) ? 'Running' : 'NotReady';
  }

  const deleted = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleted && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleted && podPhase !== 'Succeeded' && podPhase !== 'Failed') reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartDate !== undefined) {
    restartsText = `${restarts} (${translateTimestampSince(new Date(lastRestartDate).toISOString(), now)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueConditions = 0;
  for (const gate of gates) {
    const condition = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
    if (condition?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

export const podTable: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Ready'),
    column('Status'),
    column('Restarts'),
    AGE_COLUMN,
    column('IP', { wide: true }),
    column('Node', { wide: true }),
    column('Nominated Node', { wide: true }),
    column('Readiness Gates', { wide: true }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const pod = object as Pod;
    const { ready, status, restarts } = podStatusCells(pod, ctx.now);
    const podIP = pod.status?.podIPs?.[0]?.ip || '<none>';
    return [
      pod.metadata.name ?? '',
      ready,
      status,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, ctx.now),
      podIP,
      pod.spec.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
};
