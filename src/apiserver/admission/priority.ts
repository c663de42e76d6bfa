/**
 * The Priority admission plugin (plugin/pkg/admission/priority/admission.go,
 * 1.31) without any PriorityClass: priority 0 and preemptionPolicy
 * PreemptLowerPriority.
 */
import type { Pod } from '../../api/core.ts';

export function admitPriority(pod: Pod): void {
  pod.spec.priority ??= 0;
  pod.spec.preemptionPolicy ||= 'PreemptLowerPriority';
}
