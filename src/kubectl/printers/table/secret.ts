/** `kubectl get secrets`: NAME TYPE DATA AGE (printSecret in pkg/printers/internalversion/printers.go). */
import type { Secret } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const secretTable: KindTable = {
  columns: [NAME_COLUMN, column('Type'), column('Data'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const secret = object as Secret;
    return [
      secret.metadata.name ?? '',
      secret.type ?? '',
      Object.keys(secret.data ?? {}).length,
      translateTimestampSince(secret.metadata.creationTimestamp, ctx.now),
    ];
  },
};
