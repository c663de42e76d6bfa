/**
 * The status the kubelet writes for a pod (kubelet_pods.go generateAPIPodStatus,
 * getPhase, convertToAPIContainerStatuses; pkg/kubelet/status/generate.go for
 * the conditions), Kubernetes 1.31. Conditions come in the kubelet's order:
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
 */
import type { ContainerState, ContainerStatus, Pod, PodStatus } from '../../api/core.ts';
import type { Condition } from '../../api/meta.ts';

export interface ContainerView {
  name: string;
  /** What the status says as image: the spec's text until the image is pulled, containerd's name after. */
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  volumeMounts?: ContainerStatus['volumeMounts'];
}

export interface PodView {
  /** Whether the sandbox is up and its first start round finished: IP published, PodReadyToStartContainers True. */
  sandboxReady: boolean;
  podIP?: string;
  hostIP: string;
  startTime: string;
  containers: ContainerView[];
  /** The pod is finished for good (deleted and stopped, or completed without restart). */
  terminal: boolean;
}

/** getPhase for pods without init containers. */
export function podPhase(pod: Pod, containers: ContainerView[], terminal: boolean): NonNullable<PodStatus['phase']> {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.state.running) running++;
    else if (c.state.terminated) {
      stopped++;
      if (c.state.terminated.exitCode === 0) succeeded++;
    } else if (c.state.waiting) {
      if (c.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** pkg/kubelet/types PodConditionByKubelet (PodReadyToStartContainers since 1.29). */
const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

function condition(type: string, status: boolean, now: string, previous: Condition[] | undefined, reason?: string, message?: string): Condition {
  const value: Condition['status'] = status ? 'True' : 'False';
  const old = previous?.find((c) => c.type === type);
  const c: Condition = { type, status: value, lastProbeTime: null, lastTransitionTime: old && old.status === value ? old.lastTransitionTime : now };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function qosClass(pod: Pod): string {
  let anyResources = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const r = (c.resources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
    const requests = r.requests ?? {};
    const limits = r.limits ?? {};
    if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) anyResources = true;
    for (const res of ['cpu', 'memory']) {
      if (!limits[res] || (requests[res] !== undefined && requests[res] !== limits[res])) guaranteed = false;
    }
  }
  if (!anyResources) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The whole status for `view`, keeping transition times of unchanged conditions from `pod.status`. */
export function buildPodStatus(pod: Pod, view: PodView, now: string): PodStatus {
  const previous = pod.status?.conditions;
  const phase = podPhase(pod, view.containers, view.terminal);
  const unready = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const readyReason = completed ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = completed ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const allReady = unready.length === 0 && !completed;
  const scheduled = previous?.find((c) => c.type === 'PodScheduled');
  // Conditions others own (readiness gates, DisruptionTarget) are kept, ahead of the kubelet's.
  const foreign = (previous ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
  const gate = (pod.spec.readinessGates ?? []).find((g) => foreign.find((c) => c.type === g.conditionType)?.status !== 'True');
  const gateCondition = gate ? foreign.find((c) => c.type === gate.conditionType) : undefined;
  const gateMessage = gate ? (gateCondition ? `the status of pod readiness gate "${gate.conditionType}" is not "True", but ${gateCondition.status}` : `corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`) : undefined;
  const conditions: Condition[] = [
    ...foreign,
    condition('PodReadyToStartContainers', view.sandboxReady && !(view.terminal && view.containers.every((c) => !c.state.running)), now, previous),
    condition('Initialized', true, now, previous),
    allReady && !gate
      ? condition('Ready', true, now, previous)
      : allReady
        ? condition('Ready', false, now, previous, 'ReadinessGatesNotReady', gateMessage)
        : condition('Ready', false, now, previous, readyReason, readyMessage),
    allReady ? condition('ContainersReady', true, now, previous) : condition('ContainersReady', false, now, previous, readyReason, readyMessage),
    scheduled && scheduled.status === 'True' ? { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: scheduled.lastTransitionTime } : condition('PodScheduled', true, now, previous),
  ];
  const status: PodStatus = {
    conditions,
    containerStatuses: view.containers.map((c) => {
      const s: ContainerStatus = {
        containerID: c.containerID,
        image: c.image,
        imageID: c.imageID,
        lastState: c.lastState,
        name: c.name,
        ready: c.ready,
        restartCount: c.restartCount,
        started: c.started,
        state: c.state,
      };
      if (!c.containerID) delete s.containerID;
      if (c.volumeMounts && c.volumeMounts.length > 0) s.volumeMounts = c.volumeMounts;
      return s;
    }),
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    phase,
    qosClass: qosClass(pod),
    startTime: view.startTime,
  };
  if (view.sandboxReady && view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  return status;
}
