/**
 * `kubectl get daemonsets` (kube-proxy, kindnet in kube-system): NAME DESIRED CURRENT READY
 * UP-TO-DATE AVAILABLE NODE SELECTOR AGE, wide CONTAINERS IMAGES SELECTOR
 * (printDaemonSet in pkg/printers/internalversion/printers.go). DaemonSet has no contract type
 * in src/api, so the fields read are declared here.
 */
import type { PodTemplateSpec } from '../../../api/core.ts';
import type { KubeObject, LabelSelector } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { formatLabelSelector, formatLabels } from '../label-format.ts';
import { layoutContainerCells } from './containers.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

interface DaemonSetView extends KubeObject {
  spec?: { selector?: LabelSelector; template?: PodTemplateSpec };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
  };
}

export const daemonSetTable: KindTable = {
  columns: [
    NAME_COLUMN,
    column('Desired'),
    column('Current'),
    column('Ready'),
    column('Up-to-date'),
    column('Available'),
    column('Node Selector'),
    AGE_COLUMN,
    column('Containers', { wide: true }),
    column('Images', { wide: true }),
    column('Selector', { wide: true }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const ds = object as DaemonSetView;
    const status = ds.status ?? {};
    const { names, images } = layoutContainerCells(ds.spec?.template?.spec.containers);
    return [
      ds.metadata.name ?? '',
      status.desiredNumberScheduled ?? 0,
      status.currentNumberScheduled ?? 0,
      status.numberReady ?? 0,
      status.updatedNumberScheduled ?? 0,
      status.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec.nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, ctx.now),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ];
  },
};
