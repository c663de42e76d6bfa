/**
 * The table of a kind without a printer of its own: the API server's default table convertor
 * (k8s.io/apiserver/pkg/registry/rest/table.go) shows the name and the creation timestamp
 * as RFC 3339 (`NAME   CREATED AT`).
 */
import { NAME_COLUMN, column, type KindTable } from './table.ts';

export const defaultTable: KindTable = {
  columns: [NAME_COLUMN, column('Created At')],
  row: (obj) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? '0001-01-01T00:00:00Z'],
};
