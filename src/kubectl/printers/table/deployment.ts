/**
 * `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR
 * (printDeployment in pkg/printers/internalversion/printers.go). READY is ready/desired replicas.
 */
import type { Deployment } from '../../../api/apps.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { selectorString } from '../label-format.ts';
import { layoutContainerCells } from './containers.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const deploymentTable: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Ready'),
    column('Up-to-date'),
    column('Available'),
    AGE_COLUMN,
    column('Containers', { wide: true }),
    column('Images', { wide: true }),
    column('Selector', { wide: true }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const d = object as Deployment;
    const { names, images } = layoutContainerCells(d.spec.template.spec.containers);
    return [
      d.metadata.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      translateTimestampSince(d.metadata.creationTimestamp, ctx.now),
      names,
      images,
      selectorString(d.spec.selector),
    ];
  },
};
