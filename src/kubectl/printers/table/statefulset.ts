/**
 * `kubectl get statefulsets`: NAME READY AGE, wide CONTAINERS IMAGES
 * (printStatefulSet in pkg/printers/internalversion/printers.go). StatefulSet has no contract
 * type in src/api, so the fields read are declared here.
 */
import type { PodTemplateSpec } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { layoutContainerCells } from './containers.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

interface StatefulSetView extends KubeObject {
  spec?: { replicas?: number; template?: PodTemplateSpec };
  status?: { readyReplicas?: number };
}

export const statefulSetTable: KindTable = {
  columns: [NAME_COLUMN, column('Ready'), AGE_COLUMN, column('Containers', { wide: true }), column('Images', { wide: true })],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const sts = object as StatefulSetView;
    const { names, images } = layoutContainerCells(sts.spec?.template?.spec.containers);
    return [
      sts.metadata.name ?? '',
      `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
      translateTimestampSince(sts.metadata.creationTimestamp, ctx.now),
      names,
      images,
    ];
  },
};
