/** `kubectl get serviceaccounts`: NAME SECRETS AGE (printServiceAccount in pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const serviceAccountTable: KindTable = {
  columns: [NAME_COLUMN, column('Secrets'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const secrets = Array.isArray(object.secrets) ? object.secrets.length : 0;
    return [object.metadata.name ?? '', secrets, translateTimestampSince(object.metadata.creationTimestamp, ctx.now)];
  },
};
