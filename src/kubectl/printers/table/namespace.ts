/** `kubectl get namespaces`: NAME STATUS AGE (printNamespace in pkg/printers/internalversion/printers.go). */
import type { Namespace } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { AGE_COLUMN, NAME_COLUMN, column, type Cell, type KindTable, type RowContext } from './table.ts';

export const namespaceTable: KindTable = {
  columns: [NAME_COLUMN, column('Status'), AGE_COLUMN],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const ns = object as Namespace;
    return [ns.metadata.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, ctx.now)];
  },
};
