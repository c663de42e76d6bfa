/**
 * The filter plugins of kube-scheduler's default profile that this cluster models, in their
 * 1.31 order (pkg/scheduler/apis/config/v1/default_plugins.go), each with the reason it gives a
 * node it rejects; a node is rejected by the first plugin that fails:
 * - NodeUnschedulable (plugins/nodeunschedulable): `node(s) were unschedulable`, unless the pod
 *   tolerates node.kubernetes.io/unschedulable:NoSchedule;
 * - TaintToleration (plugins/tainttoleration): the first NoSchedule/NoExecute taint the pod does
 *   not tolerate, `node(s) had untolerated taint {key: value}`;
 * - NodeAffinity (plugins/nodeaffinity): nodeSelector and required node affinity,
 *   `node(s) didn't match Pod's node affinity/selector`.
 * Resources, ports and volumes are not modelled.
 */
import type { Node, Pod, Taint } from '../api/core.ts';

export type Toleration = NonNullable<Pod['spec']['tolerations']>[number];

export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** The reason `node` cannot take `pod`, or undefined when it can. */
export function filterNode(pod: Pod, node: Node): string | undefined {
  const tolerations = pod.spec.tolerations ?? [];
  if (node.spec.unschedulable && !tolerations.some((t) => toleratesTaint(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return REASON_UNSCHEDULABLE;
  }
  const untolerated = effectiveTaints(node).find(
    (taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerations.some((t) => toleratesTaint(t, taint)),
  );
  if (untolerated) return `node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`;
  if (!matchesNodeSelector(pod, node) || !matchesRequiredNodeAffinity(pod, node)) return REASON_NODE_AFFINITY;
  return undefined;
}

/**
 * The node's taints, plus the one the node lifecycle controller puts on a node that is not
 * ready (pkg/controller/nodelifecycle, TaintNodesByCondition: not-ready when Ready is False,
 * unreachable when Unknown), so that readiness is honoured as in a real cluster.
 */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec.taints ?? [])];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready && ready.status !== 'True') {
    const key = ready.status === 'False' ? 'node.kubernetes.io/not-ready' : 'node.kubernetes.io/unreachable';
    if (!taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ key, effect: 'NoSchedule' });
  }
  return taints;
}

/** v1.Toleration.ToleratesTaint (k8s.io/api core/v1 toleration.go). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

function matchesNodeSelector(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  return Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
}

interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** requiredDuringSchedulingIgnoredDuringExecution: terms ORed, requirements ANDed (component-helpers nodeaffinity). */
function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const affinity = (pod.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } }).affinity;
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return true;
  const labels = node.metadata.labels ?? {};
  const fields = { 'metadata.name': String(node.metadata.name) };
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fieldExprs = term.matchFields ?? [];
    if (exprs.length === 0 && fieldExprs.length === 0) return false;
    return exprs.every((r) => requirementMatches(r, labels)) && fieldExprs.every((r) => requirementMatches(r, fields));
  });
}

function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(value, 10);
      const b = Number.parseInt(values[0], 10);
      if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}
