/**
 * `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR
 * (printReplicaSet in pkg/printers/internalversion/printers.go).
 */
import type { ReplicaSet } from '../../../api/apps.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { formatLabelSelector } from '../label-format.ts';
import { layoutContainerCells } from './containers.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

/** The columns of ReplicaSets and ReplicationControllers. */
export const REPLICA_COLUMNS = [
  NAME_COLUMN,
  column('Desired'),
  column('Current'),
  column('Ready'),
  AGE_COLUMN,
  column('Containers', { wide: true }),
  column('Images', { wide: true }),
  column('Selector', { wide: true }),
];

export const replicaSetTable: KindTable = {
  columns: REPLICA_COLUMNS,
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const rs = object as ReplicaSet;
    const { names, images } = layoutContainerCells(rs.spec.template?.spec.containers);
    return [
      rs.metadata.name ?? '',
      rs.spec.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};
