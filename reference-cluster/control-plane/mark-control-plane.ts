/**
 * kubeadm's mark-control-plane phase for the control-plane node
 * (cmd/kubeadm/app/phases/markcontrolplane/markcontrolplane.go, 1.25 and
 * later): once the kubelet has registered the Node, the admin adds the labels
 * a kubelet may not set on itself (NodeRestriction forbids node-role.*) and
 * makes sure of the taint the kubelet registered with (kubeadm passes it as
 * --register-with-taints too).
 */
import { execFileSync } from 'node:child_process';

/** kubeadm's constants.LabelNodeRoleControlPlane and LabelExcludeFromExternalLB, both with value "". */
export const CONTROL_PLANE_LABELS: Readonly<Record<string, string>> = {
  'node-role.kubernetes.io/control-plane': '',
  'node.kubernetes.io/exclude-from-external-load-balancers': '',
};

/** kubeadm's default control-plane taint (constants.ControlPlaneTaint). */
export const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

/** The kubectl arguments that mark `node` (label, then taint), as lists of argv. */
export function markCommands(node: string): string[][] {
  return [
    ['label', 'node', node, '--overwrite', ...Object.entries(CONTROL_PLANE_LABELS).map(([k, v]) => `${k}=${v}`)],
    ['taint', 'node', node, '--overwrite', `${CONTROL_PLANE_TAINT.key}:${CONTROL_PLANE_TAINT.effect}`],
  ];
}

/** Marks `node` as the control plane, with the admin's kubeconfig. */
export function markControlPlane(kubeconfig: string, node: string): void {
  for (const args of markCommands(node)) execFileSync('kubectl', ['--kubeconfig', kubeconfig, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}
