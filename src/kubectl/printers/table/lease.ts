/** `kubectl get leases`: NAME HOLDER AGE (printLease in pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const leaseTable: KindTable = {
  columns: [NAME_COLUMN, column('Holder'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const spec = (object.spec ?? {}) as { holderIdentity?: string };
    return [object.metadata.name ?? '', spec.holderIdentity ?? '', translateTimestampSince(object.metadata.creationTimestamp, ctx.now)];
  },
};
