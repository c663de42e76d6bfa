/** `kubectl get configmaps`: NAME DATA AGE, DATA counting data and binaryData keys (printConfigMap in pkg/printers/internalversion/printers.go). */
import type { ConfigMap } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const configMapTable: KindTable = {
  columns: [NAME_COLUMN, column('Data'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const cm = object as ConfigMap;
    return [
      cm.metadata.name ?? '',
      Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
      translateTimestampSince(cm.metadata.creationTimestamp, ctx.now),
    ];
  },
};
