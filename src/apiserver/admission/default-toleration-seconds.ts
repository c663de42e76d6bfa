/**
 * The DefaultTolerationSeconds admission plugin
 * (plugin/pkg/admission/defaulttolerationseconds/admission.go, 1.31): every
 * new pod tolerates the not-ready and unreachable NoExecute taints for 300 s
 * unless it already tolerates them.
 */
import type { Pod, PodSpec } from '../../api/core.ts';

/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

type Toleration = NonNullable<PodSpec['tolerations']>[number];

function tolerates(existing: Toleration[], key: string): boolean {
  return existing.some(
    (t) => (t.effect === 'NoExecute' || !t.effect) && (t.key === key || (!t.key && t.operator === 'Exists')),
  );
}

export function admitDefaultTolerationSeconds(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  for (const key of TAINTS) {
    if (!tolerates(tolerations, key)) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
  }
  pod.spec.tolerations = tolerations;
}
