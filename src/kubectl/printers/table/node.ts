/**
 * `kubectl get nodes`: NAME STATUS ROLES AGE VERSION, wide INTERNAL-IP EXTERNAL-IP OS-IMAGE
 * KERNEL-VERSION CONTAINER-RUNTIME (printNode in pkg/printers/internalversion/printers.go):
 * STATUS is Ready / NotReady from the Ready condition (`Unknown` without one), plus
 * `SchedulingDisabled` for a cordoned node.
 */
import type { Node } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { findNodeRoles } from './node-roles.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: 'InternalIP' | 'ExternalIP'): string {
  return (node.status.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const nodeTable: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Status'),
    column('Roles'),
    AGE_COLUMN,
    column('Version'),
    column('Internal-IP', { wide: true }),
    column('External-IP', { wide: true }),
    column('OS-Image', { wide: true }),
    column('Kernel-Version', { wide: true }),
    column('Container-Runtime', { wide: true }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const node = object as Node;
    const info = node.status.nodeInfo ?? {};
    const roles = findNodeRoles(node).join(',');
    return [
      node.metadata.name ?? '',
      nodeStatus(node),
      roles === '' ? '<none>' : roles,
      translateTimestampSince(node.metadata.creationTimestamp, ctx.now),
      info.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};
