/**
 * `kubectl get replicationcontrollers`: as ReplicaSets, with the map selector in SELECTOR
 * (printReplicationController in pkg/printers/internalversion/printers.go).
 */
import type { ReplicationController } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { formatLabels } from '../label-format.ts';
import { layoutContainerCells } from './containers.ts';
import { REPLICA_COLUMNS } from './replicaset.ts';
import type { Cell, KindTable, RowContext } from './table.ts';

export const replicationControllerTable: KindTable = {
  columns: REPLICA_COLUMNS,
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const rc = object as ReplicationController;
    const { names, images } = layoutContainerCells(rc.spec.template?.spec.containers);
    return [
      rc.metadata.name ?? '',
      rc.spec.replicas ?? 1,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      translateTimestampSince(rc.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabels(rc.spec.selector),
    ];
  },
};
